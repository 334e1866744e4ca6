/**
 * Commander's parser errors (missing argument, unknown option …) in Chinese first, like every
 * other message of the CLI. Commander writes them in English; exit-codes.ts prints this instead,
 * keeping commander's own text as the English line.
 */

/** The quoted names in commander's message, in order: "option '--year <YYYY>' argument '25' …". */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

/** Commander error code → the Chinese line, given the quoted names of its message. */
const ZH: Readonly<Record<string, (q: string[], message: string) => string>> = {
  'commander.missingArgument': (q) => `缺少参数 <${q[0] ?? ''}>`,
  'commander.optionMissingArgument': (q) => `选项 ${q[0] ?? ''} 缺少取值`,
  'commander.missingMandatoryOptionValue': (q) => `缺少必填选项 ${q[0] ?? ''}`,
  'commander.unknownOption': (q) => `没有选项 ${q[0] ?? ''}`,
  'commander.unknownCommand': (q) => `没有命令 ${q[0] ?? ''}（可用命令见 cunzhang --help）`,
  'commander.excessArguments': (q) => `命令 ${q[0] ?? ''} 的参数过多`,
  'commander.invalidArgument': (q, message) => {
    // Our parsers put the reason after the quoted value: "… is invalid. 应为四位年份 / expected …".
    const reason = /is invalid\.\s*([^/]*)/.exec(message)?.[1]?.trim();
    const what = q.length >= 2 ? `选项 ${q[0]} 的取值“${q[1]}”` : `参数“${q[0] ?? ''}”`;
    return `${what}无效${reason ? `：${reason}` : ''}`;
  },
  'commander.conflictingOption': (q) => `选项 ${q[0] ?? ''} 与 ${q[1] ?? ''} 不能同时使用`,
};

/** Chinese and English lines for a commander parser error (the English is commander's own, without "error: "). */
export function commanderErrorText(code: string, message: string): { zh: string; en: string } {
  const en = message.replace(/^error:\s*/i, '').trim();
  const zh = ZH[code]?.(quoted(message), message) ?? '命令用法有误（见 cunzhang --help）';
  return { zh, en };
}
