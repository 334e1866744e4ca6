/**
 * Rows → vouchers, one row at a time. Two doors, one set of rules:
 * - decodeRow(row, r): the general path for any cells (workbook tables, xlsx, parsed CSV rows);
 *   every rule that can fire on a voucher line row fires here.
 * - acceptLine(fields, r): a row whose cells are already known good (the CSV scanner checks them
 *   in place and sends anything doubtful to decodeRow instead).
 * Both end in the same grouping: rows sharing (month of 日期, 凭证号) form one voucher in order
 * of first appearance; a voucher with any bad row is left out whole.
 */
import { finding, type Finding } from '../../core/findings';
import type { Voucher, VoucherLine } from '../../core/ledger/types';
import { VOUCHERS } from '../layout';
import {
  amountOrIssue, cellText, codeOrIssue, dateOrIssue, isBlank, isBlankRow, isTrimmedText, Issue, issueAt, parseCountCell,
  parseRequiredText, type RowPlace,
} from './cells';
import type { ColumnIndex } from './columns';

const REVERSAL_RE = /^(\d{4})-(\d{2})\/(.+)$/;
const BOTH_EMPTY = new Issue('cell.missing', '借方金额和贷方金额都为空', 'Both debit and credit are empty');
const BOTH_SIDES = new Issue('line.both-sides', '一行分录只能填借方或贷方之一', 'A line has either a debit or a credit, not both');

function parseReversal(text: string): Voucher['reverses'] {
  const m = REVERSAL_RE.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return { month: `${m[1]}-${m[2]}`, number: (m[3] as string).trim() };
}
function badReversal(text: string): Issue {
  return new Issue('cell.bad-reversal', `冲销凭证"${text}"格式应为"年-月/凭证号"，如 2025-03/12`, `Reversed voucher "${text}" should read "YYYY-MM/number", e.g. 2025-03/12`);
}

/** Column positions of the 凭证 keys in the rows (-1 when the file has no such column). */
export interface VoucherColumns {
  date: number; number: number; summary: number; account: number; debit: number; credit: number;
  contract: number; counterparty: number; attachments: number; preparer: number; reviewer: number; reverses: number;
}
export function voucherColumns(index: ColumnIndex): VoucherColumns {
  const c = (k: keyof VoucherColumns): number => index[k] ?? -1;
  return {
    date: c('date'), number: c('number'), summary: c('summary'), account: c('account'), debit: c('debit'), credit: c('credit'),
    contract: c('contract'), counterparty: c('counterparty'), attachments: c('attachments'), preparer: c('preparer'), reviewer: c('reviewer'), reverses: c('reverses'),
  };
}

/**
 * The cells of one good row. One object is reused for every row (filled, then handed to
 * acceptLine), so a million rows do not make a million of these. Text is trimmed; '' = absent.
 */
export interface LineFields {
  date: string; number: string; summary: string; account: string; debit: number; credit: number;
  contract: string; counterparty: string; preparer: string; reviewer: string;
  attachments: number | undefined; reverses: Voucher['reverses'];
}
export function emptyLineFields(): LineFields {
  return { date: '', number: '', summary: '', account: '', debit: 0, credit: 0, contract: '', counterparty: '', preparer: '', reviewer: '', attachments: undefined, reverses: undefined };
}

/**
 * The vouchers of one month by 凭证号. Numbers are keys as written ('7' and '07' are two
 * vouchers); the usual ones — digits without a leading zero — index an array by value, which
 * is the same key and spares a million-line file its string hashing.
 */
interface MonthVouchers {
  plain: (Voucher | undefined)[];
  other: Map<string, Voucher>;
}
/**
 * The lines of a voucher not yet flushed: one shared empty array rather than a fresh [] per
 * voucher (flush replaces it before any line is added; a voucher still holding it has no good
 * line and is left out of the result). Frozen, so a push onto it by mistake throws.
 */
const NO_LINES = Object.freeze([]) as unknown as VoucherLine[];

/** Numbers above this stay in the Map: a typo must not grow an array wildly. */
const MAX_PLAIN = 200_000;

/** The value of a 凭证号 written as plain digits without a leading zero ('12'), else -1. */
function plainNumber(n: string): number {
  const len = n.length;
  if (len === 0 || len > 6 || n.charCodeAt(0) === 48) return -1;
  let k = 0;
  for (let i = 0; i < len; i++) {
    const c = n.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    k = k * 10 + c;
  }
  return k <= MAX_PLAIN ? k : -1;
}

function sameLine(a: VoucherLine, b: VoucherLine): boolean {
  return a.account === b.account && a.debit === b.debit && a.credit === b.credit && a.summary === b.summary && a.contract === b.contract && a.counterparty === b.counterparty;
}

/**
 * The length of a balanced block of lines that the voucher's lines repeat whole (the same voucher
 * entered twice or more, in adjacent or separate blocks of rows), else 0. A block has at least
 * two lines: one line cannot balance.
 */
export function repeatPeriod(lines: readonly VoucherLine[]): number {
  const n = lines.length;
  const first = lines[0];
  if (n < 4 || first === undefined) return 0;
  for (let p = 2; p <= n / 2; p++) {
    if (n % p !== 0 || !sameLine(lines[p] as VoucherLine, first)) continue;
    let i = p + 1;
    while (i < n && sameLine(lines[i] as VoucherLine, lines[i - p] as VoucherLine)) i++;
    if (i < n) continue;
    let dr = 0;
    let cr = 0;
    for (let k = 0; k < p; k++) {
      dr += (lines[k] as VoucherLine).debit;
      cr += (lines[k] as VoucherLine).credit;
    }
    if (dr === cr) return p;
  }
  return 0;
}

export class VoucherAssembler {
  readonly findings: Finding[] = [];
  /** Vouchers in order of first appearance, and by month ('2025-01') then 凭证号. */
  private readonly order: Voucher[] = [];
  private readonly byMonth = new Map<string, MonthVouchers>();
  /** Vouchers with a bad row: left out of the result whole. */
  private readonly bad = new Set<Voucher>();
  /** The previous row's voucher and the numbers map of its date's month: lines of a voucher are usually adjacent. */
  private last: Voucher | undefined;
  private lastDate = '';
  private lastNumber = '';
  private monthDate = '';
  private month: MonthVouchers = { plain: [], other: new Map() };
  /**
   * Lines of the voucher being read, gathered here and handed over as one exact-size array when
   * another voucher starts (a pushed-to [] reserves 17 slots; a million lines make that most of
   * the young heap, copied by every scavenge).
   */
  private open: Voucher | undefined;
  private readonly buffer: VoucherLine[] = [];
  private buffered = 0;
  private readonly headers: Record<keyof VoucherColumns, string>;
  private readonly scratch = emptyLineFields();

  constructor(
    readonly cols: VoucherColumns,
    readonly place: RowPlace,
  ) {
    const label = (c: number): string => VOUCHERS.columns.find((s) => cols[s.key as keyof VoucherColumns] === c)?.header ?? '';
    const h = {} as Record<keyof VoucherColumns, string>;
    for (const k of Object.keys(cols) as (keyof VoucherColumns)[]) h[k] = label(cols[k]);
    this.headers = h;
  }

  private at(issue: Issue, r: number, col: number): void {
    this.findings.push(issueAt(issue, this.place.sheet, r, this.place.columnName(col)));
  }

  /** The general path: any cells; every bad cell becomes a finding at (sheet, r, column). */
  decodeRow(row: readonly unknown[], r: number): void {
    if (isBlankRow(row)) return;
    const c = this.cols;
    const h = this.headers;
    const nBefore = this.findings.length;
    const date = dateOrIssue(row[c.date], h.date);
    if (date instanceof Issue) this.at(date, r, c.date);
    const rawNum = row[c.number];
    const num = isTrimmedText(rawNum) ? { ok: true as const, value: rawNum } : parseRequiredText(rawNum, h.number);
    if (!num.ok) this.at(num.issue as Issue, r, c.number);
    const acc = codeOrIssue(row[c.account], h.account);
    if (acc instanceof Issue) this.at(acc, r, c.account);
    const dr = amountOrIssue(row[c.debit], h.debit);
    if (dr instanceof Issue) this.at(dr, r, c.debit);
    const cr = amountOrIssue(row[c.credit], h.credit);
    if (cr instanceof Issue) this.at(cr, r, c.credit);
    if (typeof dr === 'number' && typeof cr === 'number') {
      if (dr === 0 && cr === 0) this.at(BOTH_EMPTY, r, c.debit);
      else if (dr !== 0 && cr !== 0) this.at(BOTH_SIDES, r, c.credit);
    }
    const att = c.attachments >= 0 && !isBlank(row[c.attachments]) ? parseCountCell(row[c.attachments], h.attachments) : undefined;
    if (att && !att.ok) this.at(att.issue as Issue, r, c.attachments);
    let reverses: Voucher['reverses'];
    const revText = c.reverses >= 0 ? cellText(row[c.reverses]) : '';
    if (revText !== '') {
      reverses = parseReversal(revText);
      if (!reverses) this.at(badReversal(revText), r, c.reverses);
    }
    if (typeof date !== 'string' || !num.ok) return; // cannot even tell which voucher the row belongs to
    const summary = c.summary >= 0 ? cellText(row[c.summary]) : '';
    if (this.findings.length > nBefore || typeof acc !== 'string' || typeof dr !== 'number' || typeof cr !== 'number') {
      this.bad.add(this.voucherOf(date, num.value, summary));
      return;
    }
    const f = this.scratch;
    f.date = date;
    f.number = num.value;
    f.summary = summary;
    f.account = acc;
    f.debit = dr;
    f.credit = cr;
    f.contract = c.contract >= 0 ? cellText(row[c.contract]) : '';
    f.counterparty = c.counterparty >= 0 ? cellText(row[c.counterparty]) : '';
    f.preparer = c.preparer >= 0 ? cellText(row[c.preparer]) : '';
    f.reviewer = c.reviewer >= 0 ? cellText(row[c.reviewer]) : '';
    f.attachments = att?.ok ? att.value : undefined;
    f.reverses = reverses;
    this.acceptLine(f, r);
  }

  /** The voucher (month of date, number) belongs to, created on first sight with this row's summary. */
  private voucherOf(date: string, number: string, summary: string): Voucher {
    const last = this.last;
    // Same date and number as the previous row: the same voucher, without a lookup.
    if (last !== undefined && date === this.lastDate && number === this.lastNumber) return last;
    if (date !== this.monthDate) {
      const m = date.slice(0, 7);
      let numbers = this.byMonth.get(m);
      if (numbers === undefined) this.byMonth.set(m, (numbers = { plain: [], other: new Map() }));
      this.month = numbers;
      this.monthDate = date;
    }
    const month = this.month;
    const k = plainNumber(number);
    let v = k >= 0 ? month.plain[k] : month.other.get(number);
    if (v === undefined) {
      v = { date, number, summary, lines: NO_LINES };
      if (k >= 0) {
        while (month.plain.length < k) month.plain.push(undefined); // packed, not holey
        month.plain[k] = v;
      } else month.other.set(number, v);
      this.order.push(v);
    }
    this.last = v;
    this.lastDate = date;
    this.lastNumber = number;
    return v;
  }

  /** A row whose cells are all good: add it as a line of its voucher. */
  acceptLine(f: LineFields, r: number): void {
    // Lines still join a voucher already marked bad: it is left out at the end, but its other
    // rows' warnings (mixed dates) are still worth reporting.
    const v = this.voucherOf(f.date, f.number, f.summary);
    if (v.summary === '' && f.summary !== '') v.summary = f.summary;
    if (f.date !== v.date) {
      this.findings.push(finding('voucher.mixed-dates', 'warning', `凭证${f.number}的分录日期不一致（${v.date} 与 ${f.date}），按 ${v.date} 记账`, `Lines of voucher ${f.number} have different dates (${v.date} and ${f.date}); ${v.date} is used`, { sheet: this.place.sheet, row: r, column: this.place.columnName(this.cols.date) }));
    }
    const line: VoucherLine = { account: f.account, debit: f.debit, credit: f.credit, source: { sheet: this.place.sheet, row: r } };
    if (f.summary !== '' && f.summary !== v.summary) line.summary = f.summary;
    if (f.contract !== '') line.contract = f.contract;
    if (f.counterparty !== '') line.counterparty = f.counterparty;
    if (v !== this.open) {
      this.flush();
      this.open = v;
    }
    this.buffer[this.buffered++] = line;
    if (f.attachments !== undefined && v.attachments === undefined) v.attachments = f.attachments;
    if (f.preparer !== '' && v.preparer === undefined) v.preparer = f.preparer;
    if (f.reviewer !== '' && v.reviewer === undefined) v.reviewer = f.reviewer;
    if (f.reverses && v.reverses === undefined) v.reverses = f.reverses;
  }

  /** Gives the open voucher its buffered lines. */
  private flush(): void {
    const v = this.open;
    if (v === undefined) return;
    if (v.lines.length === 0) v.lines = this.buffer.slice(0, this.buffered);
    else for (let i = 0; i < this.buffered; i++) v.lines.push(this.buffer[i] as VoucherLine);
    this.buffered = 0;
    this.open = undefined;
  }

  /**
   * A voucher whose rows are the same voucher entered twice (same month and 凭证号, the same lines
   * again) is a finding naming both places, and is left out: read as one, its amounts would double.
   */
  private repeated(v: Voucher): boolean {
    const p = repeatPeriod(v.lines);
    if (p === 0) return false;
    const r1 = v.lines[0]?.source?.row;
    const r2 = v.lines[p]?.source?.row;
    const times = v.lines.length / p;
    const month = v.date.slice(0, 7);
    this.findings.push(finding('voucher.repeated', 'error',
      `${month}第${v.number}号凭证重复出现${times}次（第${r1}行起与第${r2}行起的分录相同）：同一张凭证录入了不止一次，请删去重复的行`,
      `Voucher ${v.number} of ${month} appears ${times} times (the lines from row ${r1} repeat from row ${r2}): the same voucher was entered more than once; delete the repeated rows`,
      { sheet: this.place.sheet, ...(r2 !== undefined ? { row: r2 } : {}), column: this.place.columnName(this.cols.number) }));
    return true;
  }

  /** The good vouchers in order of first appearance, their line count, and every finding. */
  result(): { vouchers: Voucher[]; lines: number; findings: Finding[] } {
    this.flush();
    const vouchers: Voucher[] = [];
    let lines = 0;
    // Set.has on an object gives it an identity hash first: skip that when nothing is bad.
    const anyBad = this.bad.size > 0;
    for (const v of this.order) {
      if (v.lines.length === 0 || (anyBad && this.bad.has(v))) continue;
      if (this.repeated(v)) continue;
      vouchers.push(v);
      lines += v.lines.length;
    }
    return { vouchers, lines, findings: this.findings };
  }
}
