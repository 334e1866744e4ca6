/**
 * importVouchers: append the vouchers of a file to 凭证, all or nothing, idempotently.
 *
 * Identity (what makes re-importing the same file add nothing): a voucher is identified by its
 * date, its number and the multiset of its lines, each line being (account, debit, credit,
 * line summary — the voucher's summary when the line has none). Incoming vouchers are matched
 * against the book as a multiset: an incoming voucher equal to a not-yet-matched one on the book
 * is skipped, anything else is new. A new voucher reusing a month and number already on the book
 * with different content is a duplicate-number error, so a changed file never half-imports.
 */
import { finding, hasErrors, type Finding } from '../core/findings';
import type { Voucher } from '../core/ledger/types';
import { validateVouchers } from '../core/ledger/validate';
import { resolveColumns } from '../workbook/codecs/columns';
import { decodeVoucherLines, encodeVoucherRows, VOUCHER_WANTS } from '../workbook/codecs/vouchers';
import { VOUCHERS } from '../workbook/layout';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { checkCancel, readBook } from './book';
import { placeOfSource, type ImportSource } from './import-source';
import { resultOf, type UseCaseResult } from './result';

export interface ImportVouchersResult extends UseCaseResult {
  /** Vouchers appended (0 when !ok). */
  imported: number;
  /** Line rows appended. */
  lines: number;
  /** Vouchers already on the book, left out. */
  skipped: number;
}

/** The identity key of a voucher (see the file comment). */
export function voucherIdentity(v: Voucher): string {
  const lines = v.lines.map((l) => `${l.account}\u0001${l.debit}\u0001${l.credit}\u0001${l.summary ?? v.summary}`).sort();
  return `${v.date}\u0002${v.number.trim()}\u0002${lines.join('\u0003')}`;
}

/** Split `incoming` into new vouchers and those already on `book` (multiset match). */
export function splitNew(incoming: readonly Voucher[], book: readonly Voucher[]): { fresh: Voucher[]; skipped: number } {
  const have = new Map<string, number>();
  for (const v of book) {
    const k = voucherIdentity(v);
    have.set(k, (have.get(k) ?? 0) + 1);
  }
  const fresh: Voucher[] = [];
  let skipped = 0;
  for (const v of incoming) {
    const k = voucherIdentity(v);
    const n = have.get(k) ?? 0;
    if (n > 0) {
      have.set(k, n - 1);
      skipped++;
    } else fresh.push(v);
  }
  return { fresh, skipped };
}

export async function importVouchers(port: WorkbookPort, src: ImportSource, run?: RunOptions): Promise<ImportVouchersResult> {
  const book = await readBook(port, run);
  const { index, findings } = resolveColumns(src.header, VOUCHER_WANTS, src.where.source, src.where.firstRow - 1);
  if (findings.length > 0) return resultOf(findings, { imported: 0, lines: 0, skipped: 0 });
  const decoded = decodeVoucherLines(index, src.rows, placeOfSource(src));
  checkCancel(run);
  const out: Finding[] = [...decoded.findings];
  if (decoded.vouchers.length === 0 && !hasErrors(out)) {
    out.push(finding('import.empty', 'warning', `${src.where.source}中没有凭证行`, `${src.where.source} holds no voucher lines`, { sheet: src.where.source }));
  }
  const { fresh, skipped } = splitNew(decoded.vouchers, book.vouchers);
  // Number gaps are a property of the whole month, not of this file (the file may continue a month
  // already on the book); validateWorkbook reports them on the whole book.
  const checked = validateVouchers(fresh, { chart: book.chart, settings: book.settings, sheet: src.where.source, existing: book.vouchers });
  out.push(...checked.filter((f) => f.rule !== 'voucher.number-gap'));
  if (hasErrors(out)) return resultOf(out, { imported: 0, lines: 0, skipped: 0 });
  const rows = encodeVoucherRows(fresh);
  run?.onProgress?.(3, 4, '写入凭证');
  if (rows.length > 0) await port.appendRows(VOUCHERS, rows);
  run?.onProgress?.(4, 4, '导入完成');
  return resultOf(out, { imported: fresh.length, lines: rows.length, skipped });
}
