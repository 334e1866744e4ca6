/**
 * The one place where the CLI turns outcomes into exit codes and messages (STYLE habit 5).
 *   0 ok · 1 the data has errors (findings; nothing written) · 2 usage · 3 file problem
 *   (missing, not a workbook, another layout version, not a village book, already exists)
 *   · 4 cancelled · 70 internal error (a bug: please report it).
 */
import { CommanderError } from 'commander';
import { BookStateError } from '../app/errors';
import { WorkbookFileError } from '../hosts/xlsx/file';
import { InputFileError, UsageError } from './errors';
import { EXIT } from './exit-values';
import { commanderErrorText } from './usage-zh';
import { TemplateError } from '../core/disclosure/template';

export { EXIT };

export interface Failure {
  code: number;
  zh: string;
  en: string;
  /** The message was already printed (commander prints its own usage errors and --help). */
  printed?: boolean;
}

const INPUT_MESSAGES = {
  missing: (p: string) => ({ zh: `找不到导入文件：${p}`, en: `Import file not found: ${p}` }),
  'not-a-workbook': (p: string, why?: { zh: string; en: string }) => ({
    zh: `导入文件不是有效的 .xlsx 工作簿：${p}${why ? `（${why.zh}）` : ''}`,
    en: `The import file is not a valid .xlsx workbook: ${p}${why ? ` (${why.en})` : ''}`,
  }),
  exists: (p: string) => ({ zh: `文件已存在，不会覆盖：${p}`, en: `The file already exists and will not be overwritten: ${p}` }),
} as const;

/** Map any thrown value to an exit code and a bilingual message. */
export function failureOf(e: unknown): Failure {
  if (e instanceof WorkbookFileError) return { code: EXIT.file, zh: e.zh, en: e.en };
  if (e instanceof InputFileError) return { code: EXIT.file, ...INPUT_MESSAGES[e.issue](e.path, e.why) };
  if (e instanceof BookStateError) return { code: EXIT.file, zh: e.zh, en: e.en };
  if (e instanceof UsageError) return { code: EXIT.usage, zh: e.zh, en: e.en };
  if (e instanceof TemplateError) return { code: EXIT.usage, zh: `公开模板 ${e.source} 无法使用：${e.issues.join('；')}`, en: `Disclosure template ${e.source} cannot be used: ${e.issues.join('; ')}` };
  if (e instanceof CommanderError) {
    // --help and --version end here with exit code 0; commander has printed its usage text.
    if (e.exitCode === 0) return { code: EXIT.ok, zh: '', en: '', printed: true };
    // No command given: commander has printed the help.
    if (e.code === 'commander.help') return { code: EXIT.usage, zh: '', en: '', printed: true };
    if (e.code === 'cunzhang.usage') return { code: EXIT.usage, zh: '命令用法有误（见 --help）', en: `Usage error: ${e.message}` };
    // Commander's own parser errors: main.ts keeps commander from printing them in English only.
    return { code: EXIT.usage, ...commanderErrorText(e.code, e.message) };
  }
  if (e instanceof Error && e.name === 'AbortError') return { code: EXIT.cancelled, zh: '已取消，未写入任何内容', en: 'Cancelled; nothing was written' };
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { code: EXIT.internal, zh: `内部错误（程序缺陷，请报告）：${detail}`, en: `Internal error (a bug; please report it): ${detail}` };
}

export function printFailure(f: Failure, err: NodeJS.WritableStream = process.stderr): void {
  if (f.printed) return;
  err.write(`错误：${f.zh}\nError: ${f.en}\n`);
}
