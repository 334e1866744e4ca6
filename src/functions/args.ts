/**
 * Argument coercion for the CUN.* functions: what Excel hands over (numbers, strings, booleans,
 * null for an omitted optional argument, 2-D arrays for ranges) becomes what the core takes.
 * Excel numbers become decimal text through the core's `cellNumberText` (15 significant digits,
 * as Excel shows them), so 0.1 stays 0.1, =120*35.5 is 4260, and no float arithmetic touches an
 * amount. Problems throw FunctionArgumentError.
 */
import { cellNumberText, fenFromCell, type Fen } from '../core/money';
import { ACCOUNT_CODE_RULE, isAccountCode } from '../core/chart/account-code';
import { FunctionArgumentError } from './errors';

/** Names of an argument, for messages: English (the parameter) and Chinese. */
export interface ArgName {
  en: string;
  zh: string;
}

function isBlank(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
}

/** A required number as decimal text. */
export function numberArg(x: unknown, n: ArgName): string {
  if (isBlank(x)) throw new FunctionArgumentError(`缺少参数：${n.zh}`, `missing argument: ${n.en}`);
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new FunctionArgumentError(`参数不是数字：${n.zh}`, `not a number: ${n.en}`);
  }
  return cellNumberText(x);
}

/** An optional number as decimal text; undefined when omitted (Excel passes null). */
export function optionalNumberArg(x: unknown, n: ArgName): string | undefined {
  return isBlank(x) ? undefined : numberArg(x, n);
}

/** A required whole-number argument (a year, a count); the core checks its range. */
export function integerArg(x: unknown, n: ArgName): number {
  return Number(numberArg(x, n));
}

export function optionalIntegerArg(x: unknown, n: ArgName): number | undefined {
  return isBlank(x) ? undefined : integerArg(x, n);
}

/** An optional TRUE/FALSE; numbers count as Excel counts them (0 is FALSE). */
export function optionalBooleanArg(x: unknown, n: ArgName): boolean | undefined {
  if (isBlank(x)) return undefined;
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return x !== 0;
  throw new FunctionArgumentError(`参数须为 TRUE 或 FALSE：${n.zh}`, `not TRUE or FALSE: ${n.en}`);
}

/** An optional text argument, trimmed. */
export function optionalTextArg(x: unknown, n: ArgName): string | undefined {
  if (isBlank(x)) return undefined;
  if (typeof x !== 'string') throw new FunctionArgumentError(`参数须为文字：${n.zh}`, `not text: ${n.en}`);
  return x.trim();
}

/** The cells of a range in row order (a lone scalar counts as a one-cell range). */
export function cellsOf(range: unknown, n: ArgName): unknown[] {
  if (range === null || range === undefined) throw new FunctionArgumentError(`缺少参数：${n.zh}`, `missing argument: ${n.en}`);
  if (!Array.isArray(range)) return [range];
  return range.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** An account code cell (501, "50101"); undefined for a blank cell. */
export function accountCodeOf(x: unknown, where: ArgName): string | undefined {
  if (isBlank(x)) return undefined;
  const text = typeof x === 'number' && Number.isSafeInteger(x) && x > 0 ? String(x) : typeof x === 'string' ? x.trim() : '';
  if (!isAccountCode(text)) {
    throw new FunctionArgumentError(`科目编码须为${ACCOUNT_CODE_RULE.zh}：${where.zh}`, `an account code is ${ACCOUNT_CODE_RULE.en}: ${where.en}`);
  }
  return text;
}

/** A money cell in integer fen; blank is zero; more than two decimals is an error, never rounded. */
export function amountFenOf(x: unknown, where: ArgName): Fen {
  if (isBlank(x)) return 0;
  const r = fenFromCell(x);
  if (r.ok) return r.fen;
  const zh = r.issue === 'too-many-decimals' ? '金额超过两位小数' : r.issue === 'too-large' ? '金额过大' : '金额不是数字';
  const en = r.issue === 'too-many-decimals' ? 'more than two decimals' : r.issue === 'too-large' ? 'amount too large' : 'not an amount';
  throw new FunctionArgumentError(`${zh}：${where.zh}`, `${en}: ${where.en}`);
}

/** Yearly cash flows from a range: trailing blanks dropped, a blank year inside is 0. */
export function flowsOf(range: unknown, n: ArgName): string[] {
  const cells = cellsOf(range, n);
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end -= 1;
  return cells.slice(0, end).map((c, t) => (isBlank(c) ? '0' : numberArg(c, { en: `${n.en}, year ${t}`, zh: `${n.zh}第${t}年` })));
}

/** One ledger line read from three parallel ranges. */
export interface RangeLine {
  code: string;
  debitFen: Fen;
  creditFen: Fen;
}

/**
 * Lines from parallel code / debit / credit ranges (same number of cells). A row with no code
 * and no amount is skipped; a row with an amount but no code is an error.
 */
export function rangeLinesOf(codes: unknown, debits: unknown, credits: unknown): RangeLine[] {
  const c = cellsOf(codes, { en: 'codes', zh: '科目编码' });
  const d = cellsOf(debits, { en: 'debits', zh: '借方金额' });
  const k = cellsOf(credits, { en: 'credits', zh: '贷方金额' });
  if (c.length !== d.length || c.length !== k.length) {
    throw new FunctionArgumentError('科目、借方、贷方三个区域的单元格数必须相同', 'codes, debits and credits must have the same number of cells');
  }
  const lines: RangeLine[] = [];
  c.forEach((cell, i) => {
    const at = { en: `row ${i + 1}`, zh: `第${i + 1}行` };
    const debitFen = amountFenOf(d[i], { en: `debits ${at.en}`, zh: `借方${at.zh}` });
    const creditFen = amountFenOf(k[i], { en: `credits ${at.en}`, zh: `贷方${at.zh}` });
    const code = accountCodeOf(cell, { en: `codes ${at.en}`, zh: `科目编码${at.zh}` });
    if (code === undefined) {
      if (debitFen !== 0 || creditFen !== 0) throw new FunctionArgumentError(`${at.zh}有金额但没有科目编码`, `${at.en} has an amount but no account code`);
      return;
    }
    lines.push({ code, debitFen, creditFen });
  });
  return lines;
}
