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
import { appendTargetFindings, checkCancel, readBook } from './book';
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

/** Date and 凭证号: the head of the identity key, enough to tell most vouchers apart. */
function identityHead(v: Voucher): string {
  return `${v.date}\u0002${v.number.trim()}`;
}

/** The identity key of a voucher (see the file comment). */
export function voucherIdentity(v: Voucher): string {
  const lines = v.lines.map((l) => `${l.account}\u0001${l.debit}\u0001${l.credit}\u0001${l.summary ?? v.summary}`).sort();
  return `${identityHead(v)}\u0002${lines.join('\u0003')}`;
}

/**
 * Split `incoming` into new vouchers and those already on `book` (multiset match). Two vouchers
 * can share an identity only if they share its head (date and number), so the full keys, which
 * sort and join every line, are made only for vouchers whose head is on both sides: a file of
 * new months costs one short string per voucher instead of a key of all its lines.
 */
export function splitNew(incoming: readonly Voucher[], book: readonly Voucher[]): { fresh: Voucher[]; skipped: number } {
  const bookHeads = new Map<string, Voucher[]>();
  for (const v of book) {
    const h = identityHead(v);
    const same = bookHeads.get(h);
    if (same === undefined) bookHeads.set(h, [v]);
    else same.push(v);
  }
  /** Full keys of the book's vouchers under a head, counted when an incoming voucher first needs them. */
  const have = new Map<string, number>();
  const counted = new Set<string>();
  const fresh: Voucher[] = [];
  let skipped = 0;
  for (const v of incoming) {
    const h = identityHead(v);
    const same = bookHeads.get(h);
    if (same === undefined) {
      fresh.push(v);
      continue;
    }
    if (!counted.has(h)) {
      counted.add(h);
      for (const b of same) {
        const k = voucherIdentity(b);
        have.set(k, (have.get(k) ?? 0) + 1);
      }
    }
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
  const target = appendTargetFindings(book.headers.vouchers, VOUCHERS);
  if (target.length > 0) return resultOf(target, { imported: 0, lines: 0, skipped: 0 });
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
