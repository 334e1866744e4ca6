/**
 * Import files' content (pure, no fs): CSV text into rows, and header + rows into vouchers or
 * opening balances with the same rules as the 凭证 / 期初余额 sheets. Headers may be Chinese
 * (日期, 凭证号 …) or English (date, voucher …). Built for a million lines: one pass over the
 * text by char code, no regex per character, amounts through parseFen (no Decimal).
 * For a whole voucher file held as text, importVoucherCsv (voucher-csv.ts) gives the same result
 * as parseCsv + parseVoucherRows without building a string[] per row.
 */
import type { Finding } from '../core/findings';
import type { OpeningBalance, Voucher } from '../core/ledger/types';
import { placeOf, resolveColumns } from './codecs/columns';
import { decodeVoucherLines, VOUCHER_WANTS } from './codecs/vouchers';
import { decodeOpeningLines, OPENING_WANTS } from './codecs/opening';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 CSV: fields separated by ',', records by CRLF or LF (or a lone CR), fields may be
 * quoted with '"' and then contain ',', newlines and '""' for a quote. A leading BOM is dropped.
 * A final empty line does not make a record.
 */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: string[][] = [];
  let i = 0;
  while (i < s.length) {
    const row: string[] = [];
    i = readCsvRecord(s, i, row);
    out.push(row);
  }
  return out;
}

/**
 * One CSV record of `s` starting at `start` (start < s.length): its fields are pushed onto
 * `row`; returns where the next record starts (s.length at the end). The one definition of the
 * CSV grammar: parseCsv loops over it and the voucher scanner (voucher-csv.ts) falls back to it.
 */
export function readCsvRecord(s: string, start: number, row: string[]): number {
  const n = s.length;
  let i = start;
  for (;;) {
    let field: string;
    if (s.charCodeAt(i) === QUOTE) {
      // Quoted field: copy runs between quotes, '""' is one quote.
      let j = i + 1;
      field = '';
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          field += s.slice(j); // unterminated: take the rest, as spreadsheet programs do
          i = n;
          break;
        }
        field += s.slice(j, q);
        if (s.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          j = q + 2;
        } else {
          // Text after the closing quote up to the separator is kept (lenient, like Excel).
          const k = fieldEnd(s, q + 1);
          if (k > q + 1) field += s.slice(q + 1, k);
          i = k;
          break;
        }
      }
    } else {
      const k = fieldEnd(s, i);
      field = s.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) return n;
    const c = s.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i < n) continue;
      row.push(''); // trailing comma at end of text: one more empty field
      return n;
    }
    // End of record: CRLF, LF or CR.
    return i + (c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1);
  }
}

/** Index of the first ',', LF or CR at or after i (s.length if none): the end of an unquoted field. */
function fieldEnd(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
    i++;
  }
  return n;
}

/**
 * Header + rows of an import file → vouchers (grouped by month and 凭证号), the number of
 * accepted lines, and a finding for every bad row (row = file line or sheet row).
 * @example parseVoucherRows(['日期','凭证号','摘要','科目编码','借方金额','贷方金额'], rows, { sheet: 'a.csv', firstRow: 2 })
 */
export function parseVoucherRows(
  header: string[],
  rows: unknown[][],
  where: { sheet: string; firstRow: number },
): { vouchers: Voucher[]; lines: number; findings: Finding[] } {
  const { index, findings } = resolveColumns(header, VOUCHER_WANTS, where.sheet, where.firstRow - 1);
  if (findings.length > 0) return { vouchers: [], lines: 0, findings };
  return decodeVoucherLines(index, rows, placeOf(where.sheet, where.firstRow));
}

/** Header + rows (科目编码, 借方余额, 贷方余额 or account, debit, credit) → opening balances. */
export function parseOpeningRows(
  header: string[],
  rows: unknown[][],
  where: { sheet: string; firstRow: number },
): { balances: OpeningBalance[]; findings: Finding[] } {
  const { index, findings } = resolveColumns(header, OPENING_WANTS, where.sheet, where.firstRow - 1);
  if (findings.length > 0) return { balances: [], findings };
  return decodeOpeningLines(index, rows, placeOf(where.sheet, where.firstRow));
}
