/**
 * Cell parsers shared by every codec. They are hand-written rather than zod schemas because
 * they run once per cell on the import hot path (a million voucher lines); each returns either
 * a value or an issue that the caller turns into a Finding naming sheet, row and column.
 */
import { exactFenOfNumber, fenFromCell, parseFen, type Fen } from '../../core/money';
import { finding, type Finding } from '../../core/findings';
import { ACCOUNT_CODE_RULE, isAccountCode } from '../../core/chart/account-code';
import type { IsoDate } from '../../core/ledger/types';
import { dateToIso, daysInMonth, isIsoDateAt, isoOf, serialToIso } from '../../core/calendar';

/** The calendar's cell conversions, re-exported for the hosts that read cells through the codecs. */
export { dateToIso, isIsoDateAt, isoToSerial, serialToIso } from '../../core/calendar';

export interface CellIssue {
  rule: string;
  zh: string;
  en: string;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: CellIssue };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (rule: string, zh: string, en: string): Parsed<never> => ({ ok: false, issue: new Issue(rule, zh, en) });

/** An issue as a class, so the hot-path parsers below can return `value | Issue` without allocating on success. */
export class Issue implements CellIssue {
  constructor(
    readonly rule: string,
    readonly zh: string,
    readonly en: string,
  ) {}
}
const unwrap = <T>(p: Parsed<T>): T | Issue => (p.ok ? p.value : (p.issue as Issue));

/** Hot-path forms: the value, or an Issue. */
export function dateOrIssue(v: unknown, header: string): IsoDate | Issue {
  if (typeof v === 'string') {
    if (isIsoDate(v)) return v; // the common case, without allocating
    const r = parseDateText(v);
    if (r !== undefined) return r;
  }
  return unwrap(parseDateCell(v, header));
}
export function amountOrIssue(v: unknown, header: string): Fen | Issue {
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') {
    const f = exactFenOfNumber(v); // a number cell of whole fen: no text, no result object
    if (f === f) return f; // not NaN
  } else if (typeof v === 'string') {
    const f = plainFen(v);
    if (f === f) return f; // not NaN
  }
  const r = typeof v === 'string' ? parseFen(v) : fenFromCell(v);
  return r.ok ? r.fen : unwrap(parseAmountCell(v, header));
}
export function codeOrIssue(v: unknown, header: string): string | Issue {
  if (typeof v === 'string' && isAccountCode(v)) return v;
  return unwrap(parseCodeCell(v, header));
}
/** 'YYYY-MM-DD' exactly, and a real calendar date. */
function isIsoDate(s: string): boolean {
  return isIsoDateAt(s, 0, s.length);
}
/**
 * Fen of plain amount text ('1234', '-1234.5', '1234.56'), by char codes; NaN for anything else
 * (grouping, currency signs, spaces, more decimals, too long), which then goes through parseFen.
 * Same result as parseFen wherever both apply.
 */
function plainFen(s: string): number {
  return plainFenAt(s, 0, s.length);
}
/** plainFen over s[start, end) without slicing (the CSV scanner's amount fast path). */
export function plainFenAt(s: string, start: number, end: number): number {
  let i = s.charCodeAt(start) === 45 ? start + 1 : start;
  const neg = i > start;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    wholeDigits++;
  }
  if (wholeDigits === 0 || wholeDigits > 13) return NaN;
  let frac = 0;
  if (i < end) {
    // More than two decimals is not plain: parseFen decides (it may be trailing zeros or a finding).
    if (s.charCodeAt(i) !== 46 || end - i - 1 > 2) return NaN;
    for (let k = i + 1; k < end; k++) {
      const c = s.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return NaN;
      frac = frac * 10 + c;
    }
    if (end - i - 1 === 1) frac *= 10;
  }
  const fen = whole * 100 + frac;
  if (fen > 1e15) return NaN;
  return neg ? -fen || 0 : fen;
}


/** Whitespace as String.prototype.trim sees it (ASCII, NBSP, the Unicode Zs spaces, line/para separators, BOM). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff; // CJK text lands here: one compare per character
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A non-empty string with nothing for trim() to remove: its cellText is itself. */
export function isTrimmedText(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && !isTrimSpace(v.charCodeAt(0)) && !isTrimSpace(v.charCodeAt(v.length - 1));
}

/** Where a table's rows live, so findings can name the cell. */
export interface RowPlace {
  sheet: string;
  /** Worksheet row (or file line) of rows[0]. */
  firstRow: number;
  /** Column letter (or header) of the column at a given index. */
  columnName(index: number): string;
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** Text of a cell: strings trimmed, numbers and booleans as written, blank as ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateToIso(v);
  return String(v).trim();
}

/** Reads `count` digits at `i` (1..max), returning [value, next index] or undefined. */
function digits(s: string, i: number, min: number, max: number): [number, number] | undefined {
  let v = 0;
  let j = i;
  while (j < s.length && j - i < max) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    j++;
  }
  return j - i >= min ? [v, j] : undefined;
}

function isSep(c: number): boolean {
  // '-', '/', '.', '年', '月'
  return c === 45 || c === 47 || c === 46 || c === 0x5e74 || c === 0x6708;
}

/** Text dates: 2025-01-10, 2025/1/10, 2025.1.10, 2025年1月10日, 20250110; a trailing time is ignored. */
export function parseDateText(text: string): IsoDate | undefined {
  const s = text.trim();
  let y: number, m: number, d: number, end: number;
  if (s.length === 8 && digits(s, 0, 8, 8)) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(4, 6));
    d = Number(s.slice(6, 8));
    end = 8;
  } else {
    const a = digits(s, 0, 4, 4);
    if (!a || !isSep(s.charCodeAt(a[1]))) return undefined;
    const b = digits(s, a[1] + 1, 1, 2);
    if (!b || !isSep(s.charCodeAt(b[1]))) return undefined;
    const c = digits(s, b[1] + 1, 1, 2);
    if (!c) return undefined;
    [y, m, d, end] = [a[0], b[0], c[0], c[1]];
    if (s.charCodeAt(end) === 0x65e5) end++; // 日
  }
  if (end < s.length && s.charCodeAt(end) !== 32 && s.charCodeAt(end) !== 84) return undefined; // ' ' or 'T' before a time
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return isoOf(y, m, d);
}

/** A date cell: JS Date, Excel serial number, or text. */
export function parseDateCell(v: unknown, header: string): Parsed<IsoDate> {
  if (isBlank(v)) return bad('cell.missing', `缺少${header}`, `${header} (date) is missing`);
  let r: IsoDate | undefined;
  if (v instanceof Date) r = Number.isNaN(v.getTime()) ? undefined : dateToIso(v);
  else if (typeof v === 'number') r = v >= 61 && v < 2958466 ? serialToIso(v) : undefined;
  else if (typeof v === 'string') r = parseDateText(v);
  if (r !== undefined) return ok(r);
  const shown = cellText(v);
  return bad('cell.bad-date', `${header}"${shown}"不是有效日期（应为 2025-01-10 这样的日期）`, `${header} "${shown}" is not a valid date (expected e.g. 2025-01-10)`);
}

/** A money cell into fen; blank is 0. More than two decimals is an issue, never rounded. */
export function parseAmountCell(v: unknown, header: string): Parsed<Fen> {
  const r = fenFromCell(v);
  if (r.ok) return ok(r.fen);
  if (r.issue === 'empty') return ok(0);
  const shown = cellText(v);
  if (r.issue === 'too-many-decimals') {
    return bad('cell.too-many-decimals', `${header}"${shown}"超过两位小数（金额精确到分）`, `${header} "${shown}" has more than two decimals (amounts are to the fen)`);
  }
  if (r.issue === 'too-large') return bad('cell.bad-amount', `${header}"${shown}"金额过大`, `${header} "${shown}" is too large`);
  return bad('cell.bad-amount', `${header}"${shown}"不是有效金额`, `${header} "${shown}" is not a valid amount`);
}

/** An account code: digits, 3 then 2 per level (501, 50101 …). Numbers typed into a cell are accepted. */
export function parseCodeCell(v: unknown, header: string): Parsed<string> {
  if (isBlank(v)) return bad('cell.missing', `缺少${header}`, `${header} (account code) is missing`);
  const s = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? String(v) : cellText(v);
  if (isAccountCode(s)) return ok(s);
  return bad('cell.bad-code', `${header}"${s}"不是有效科目编码（${ACCOUNT_CODE_RULE.zh}）`, `${header} "${s}" is not a valid account code (${ACCOUNT_CODE_RULE.en})`);
}

/** A required text cell (voucher number …). */
export function parseRequiredText(v: unknown, header: string): Parsed<string> {
  const s = cellText(v);
  if (s === '') return bad('cell.missing', `缺少${header}`, `${header} is missing`);
  return ok(s);
}

/** An optional whole number ≥ 0 (附件数); blank is undefined. */
export function parseCountCell(v: unknown, header: string): Parsed<number | undefined> {
  if (isBlank(v)) return ok(undefined);
  const n = typeof v === 'number' ? v : Number(cellText(v));
  if (Number.isInteger(n) && n >= 0) return ok(n);
  const shown = cellText(v);
  return bad('cell.bad-integer', `${header}"${shown}"应为非负整数`, `${header} "${shown}" should be a whole number ≥ 0`);
}

/** Turns an issue into a Finding at a cell. */
export function issueAt(issue: CellIssue, sheet: string, row: number, column: string, severity: 'error' | 'warning' = 'error'): Finding {
  return finding(issue.rule, severity, issue.zh, issue.en, { sheet, row, column });
}
