/**
 * importVoucherCsv: voucher CSV text straight to vouchers, for files of a million lines.
 *
 * Same result as parseVoucherRows over parseCsv (same vouchers, same findings with the same rule,
 * row and column; tests/workbook/voucher-csv.test.ts checks this on generated tricky files),
 * but the common record — no quotes, an ISO date, plain amounts — is read in place by char code:
 * no string[] per row, only the cells the voucher keeps become strings, and those are pooled
 * (a file repeats its dates, accounts and summaries endlessly; a million copies would be most of
 * the heap). Any record the fast path is not sure about (a quote, a blank or odd cell, anything
 * that could be a finding) is read again by the general CSV reader and decoded by the general
 * row decoder, so every rule keeps exactly one definition.
 */
import type { Finding } from '../core/findings';
import type { Voucher } from '../core/ledger/types';
import { isIsoDateAt, isTrimSpace, plainFenAt } from './codecs/cells';
import { isAccountCodeAt } from '../core/chart/account-code';
import { placeOf, resolveColumns } from './codecs/columns';
import { emptyLineFields, VoucherAssembler, voucherColumns, type VoucherColumns } from './codecs/voucher-assembler';
import { VOUCHER_WANTS } from './codecs/vouchers';
import { readCsvRecord } from './voucher-import';

/**
 * CSV text of a voucher file (header line first, Chinese or English headers) → vouchers.
 * `where.firstRow` is the line of the first data record, as for parseVoucherRows.
 * @example importVoucherCsv('日期,凭证号,摘要,科目编码,借方金额,贷方金额\n2025-01-10,1,…', { sheet: 'a.csv', firstRow: 2 })
 */
export function importVoucherCsv(text: string, where: { sheet: string; firstRow: number }): { vouchers: Voucher[]; lines: number; findings: Finding[] } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const header: string[] = [];
  let i = s.length > 0 ? readCsvRecord(s, 0, header) : 0;
  const { index, findings } = resolveColumns(header, VOUCHER_WANTS, where.sheet, where.firstRow - 1);
  if (findings.length > 0) return { vouchers: [], lines: 0, findings };
  const cols = voucherColumns(index);
  const asm = new VoucherAssembler(cols, placeOf(where.sheet, where.firstRow));
  const scan = new RecordScanner(s, cols, asm);
  for (let r = where.firstRow; i < s.length; r++) {
    const next = scan.fastRecord(i, r);
    if (next >= 0) {
      i = next;
      continue;
    }
    const row: string[] = [];
    i = readCsvRecord(s, i, row);
    asm.decodeRow(row, r);
  }
  return asm.result();
}

/**
 * Strings of one column, pooled by content: a small direct-mapped cache keyed by a hash of the
 * characters, so a repeated cell costs a hash and a compare instead of a new string.
 */
class TextPool {
  private readonly slots: string[];
  private readonly mask: number;
  /** The string handed out last: rows of one voucher repeat date, number and summary. */
  private last = '';

  /**
   * `bits`: log2 of the slot count, sized to how many distinct values the column tends to have.
   * `latin`: make Latin-1 values one-byte strings (see oneByte).
   */
  constructor(
    bits = 10,
    private readonly latin = false,
  ) {
    this.slots = new Array<string>(1 << bits).fill('');
    this.mask = (1 << bits) - 1;
  }
  /** The pooled string equal to s[start, end), if it is the one handed out last; else ''. */
  recent(s: string, start: number, end: number): string {
    const last = this.last;
    return last.length === end - start && sameChars(s, start, last) ? last : '';
  }

  get(s: string, start: number, end: number): string {
    const n = end - start;
    if (this.last.length === n && sameChars(s, start, this.last)) return this.last;
    if (n > 40) return (this.last = s.slice(start, end)); // long free text rarely repeats; not worth hashing
    let h = n;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 15)) & this.mask;
    const hit = this.slots[slot] as string;
    if (hit.length === n && sameChars(s, start, hit)) return (this.last = hit);
    const fresh = this.latin ? oneByte(s, start, end) : s.slice(start, end);
    this.slots[slot] = fresh;
    return (this.last = fresh);
  }
}

/**
 * s[start, end) as a one-byte string when every char is Latin-1. A slice of the file keeps the
 * file's two-byte form (any Chinese in it makes it two-byte), and every later comparison of such
 * a date with '2025-01', or lookup of such a code in a Map keyed by the chart's codes, takes
 * V8's slow mixed-width path: a million times over in each ledger pass. Only built on a pool
 * miss, so a few hundred times per file.
 */
function oneByte(s: string, start: number, end: number): string {
  const codes: number[] = [];
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s.slice(start, end);
    codes.push(c);
  }
  return String.fromCharCode(...codes);
}

function indexOrEnd(s: string, ch: string, from: number): number {
  const k = s.indexOf(ch, from);
  return k < 0 ? s.length : k;
}

function sameChars(s: string, start: number, t: string): boolean {
  for (let k = 0; k < t.length; k++) if (s.charCodeAt(start + k) !== t.charCodeAt(k)) return false;
  return true;
}

/** The fast path over one record at a time; field bounds go into two reused arrays. */
class RecordScanner {
  /** Fields the voucher needs: all columns up to the rightmost one the header maps. */
  private readonly width: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly fields = emptyLineFields();
  private readonly pools = {
    date: new TextPool(10, true),
    number: new TextPool(15, true), // 凭证号 restart at 1 each month: one string per number, not one per voucher
    summary: new TextPool(),
    account: new TextPool(10, true),
    text: new TextPool(),
  };

  constructor(
    private readonly s: string,
    private readonly cols: VoucherColumns,
    private readonly asm: VoucherAssembler,
  ) {
    this.width = Math.max(...Object.values(cols)) + 1;
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
  }

  /** Next quote and CR at or after the current record (n when none left): found by indexOf, not per char. */
  private nextQuote = -1;
  private nextCR = -1;

  /**
   * Reads the record at `start` as data row `r` if every cell is plainly good, handing it to the
   * assembler; returns where the next record starts, or -1 (nothing consumed) when the record
   * needs the general path.
   */
  fastRecord(start: number, r: number): number {
    const s = this.s;
    const n = s.length;
    const lf = s.indexOf('\n', start);
    const lineEnd = lf < 0 ? n : lf;
    const next = lf < 0 ? n : lf + 1;
    if (this.nextQuote < start) this.nextQuote = indexOrEnd(s, '"', start);
    if (this.nextCR < start) this.nextCR = indexOrEnd(s, '\r', start);
    // A quote anywhere in the line may open a quoted field (which can span lines): general path.
    if (this.nextQuote < lineEnd) return -1;
    let end = lineEnd;
    if (this.nextCR < lineEnd) {
      // CRLF ends the record; a lone CR inside the line is a record break of its own: general path.
      if (this.nextCR !== lineEnd - 1 || lf < 0) return -1;
      end = lineEnd - 1;
    }
    if (end === start) return next; // an empty line is a blank row: skipped, as the general path does
    return this.splitFields(start, end) && this.decode(r) ? next : -1;
  }

  /**
   * Bounds of the first `width` fields of the record s[start, end) (no quote, no CR or LF in it):
   * false if it has fewer.
   */
  private splitFields(start: number, end: number): boolean {
    const s = this.s;
    let i = start;
    for (let f = 0; f < this.width; f++) {
      if (i > end) return false; // fewer fields than columns: the general path sees the missing cells
      // A char loop, not indexOf: fields are a few characters, shorter than the call's overhead.
      let k = i;
      while (k < end && s.charCodeAt(k) !== 44) k++;
      this.starts[f] = i;
      this.ends[f] = k;
      i = k + 1;
    }
    return true;
  }

  /** The record's cells, if each is plainly good (otherwise false and nothing happened). */
  private decode(r: number): boolean {
    const { s, cols, starts, ends, fields: f, pools } = this;
    const ds = starts[cols.date] as number, de = ends[cols.date] as number;
    // The previous row's date was checked already; only a new one needs the calendar check.
    let date = pools.date.recent(s, ds, de);
    if (date === '') {
      if (!isIsoDateAt(s, ds, de)) return false;
      date = pools.date.get(s, ds, de);
    }
    const ns = starts[cols.number] as number, ne = ends[cols.number] as number;
    if (ne === ns || isTrimSpace(s.charCodeAt(ns)) || isTrimSpace(s.charCodeAt(ne - 1))) return false;
    const as = starts[cols.account] as number, ae = ends[cols.account] as number;
    if (!isAccountCodeAt(s, as, ae)) return false;
    const debit = this.amount(cols.debit);
    const credit = this.amount(cols.credit);
    // NaN (not plain), both empty and both filled are findings: the general path words them.
    if (debit !== debit || credit !== credit || (debit === 0) === (credit === 0)) return false;
    // 附件数 and 冲销凭证 are rare and have rules of their own: leave them to the general path.
    if (this.filled(cols.attachments) || this.filled(cols.reverses)) return false;
    f.date = date;
    f.number = pools.number.get(s, ns, ne);
    f.account = pools.account.get(s, as, ae);
    f.debit = debit;
    f.credit = credit;
    f.summary = this.text(cols.summary, pools.summary);
    f.contract = this.text(cols.contract, pools.text);
    f.counterparty = this.text(cols.counterparty, pools.text);
    f.preparer = this.text(cols.preparer, pools.text);
    f.reviewer = this.text(cols.reviewer, pools.text);
    this.asm.acceptLine(f, r);
    return true;
  }

  /** Fen of a plain amount cell ('' is 0), NaN for anything else. */
  private amount(col: number): number {
    const a = this.starts[col] as number, b = this.ends[col] as number;
    return a === b ? 0 : plainFenAt(this.s, a, b);
  }

  private filled(col: number): boolean {
    return col >= 0 && this.ends[col] !== this.starts[col];
  }

  /** cellText of a text cell: trimmed, '' when blank or the column is absent. */
  private text(col: number, pool: TextPool): string {
    if (col < 0) return '';
    const s = this.s;
    let a = this.starts[col] as number, b = this.ends[col] as number;
    while (a < b && isTrimSpace(s.charCodeAt(a))) a++;
    while (b > a && isTrimSpace(s.charCodeAt(b - 1))) b--;
    return a === b ? '' : pool.get(s, a, b);
  }
}
