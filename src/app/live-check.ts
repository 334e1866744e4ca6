/**
 * Live checks (issue 10): when the accountant edits 凭证, 期初余额 or 合同, the rows changed are
 * checked again. The check is validateWorkbook's own (typedSheetFindings over the book read once),
 * so a live finding is exactly what 检查账簿 would say about those rows; only the rows shown
 * differ. A voucher is checked whole: editing one of its lines brings back the findings of every
 * line (a voucher that no longer balances is reported on its first line).
 */
import type { Finding } from '../core/findings';
import type { Sha256Batch } from '../core/ledger/lock-chain';
import { CONTRACTS } from '../workbook/contracts';
import { OPENING, VOUCHERS } from '../workbook/layout';
import type { WorkbookPort } from '../workbook/port';
import { mergeSpans, type EditedRows, type RowSpan } from '../workbook/edits';
import { readBook, type Book } from './book';
import { CONTRACT_SPECS } from './contract-sheets';
import { typedSheetFindings } from './assess-book';

/** The typed-in sheets whose edits are checked as they happen. */
export const LIVE_SHEETS: readonly string[] = [VOUCHERS.sheet, OPENING.sheet, CONTRACTS.sheet];

/** Rows edited per sheet, widened to whole vouchers on 凭证. */
export function affectedRows(book: Book, changes: readonly EditedRows[]): Map<string, RowSpan[]> {
  const out = new Map<string, RowSpan[]>();
  for (const c of changes) out.set(c.sheet, [...(out.get(c.sheet) ?? []), ...c.spans]);
  const hit = (sheet: string, row: number): boolean => (out.get(sheet) ?? []).some((s) => row >= s.from && row <= s.to);
  const widened: { sheet: string; row: number }[] = [];
  for (const v of book.vouchers) {
    const rows = v.lines.flatMap((l) => (l.source ? [l.source] : []));
    if (rows.some((r) => hit(r.sheet, r.row))) widened.push(...rows);
  }
  for (const r of widened) out.set(r.sheet, [...(out.get(r.sheet) ?? []), { from: r.row, to: r.row }]);
  return out;
}

/** The findings that name a row among `rows`. */
export function findingsForRows(findings: readonly Finding[], rows: ReadonlyMap<string, readonly RowSpan[]>): Finding[] {
  return findings.filter((f) => f.sheet !== undefined && f.row !== undefined && (rows.get(f.sheet) ?? []).some((s) => f.row! >= s.from && f.row! <= s.to));
}

export interface LiveCheck {
  /** validateWorkbook's findings on the rows checked. */
  findings: Finding[];
  /** The rows checked: those edited, widened to whole vouchers (earlier findings there are superseded). */
  checked: EditedRows[];
}

/**
 * Checks the edited rows: reads the book once (a fixed number of requests in Excel, whatever the
 * number of rows or edits) and returns validateWorkbook's findings for those rows.
 */
export async function checkEditedRows(port: WorkbookPort, changes: readonly EditedRows[], sha?: Sha256Batch): Promise<LiveCheck> {
  if (changes.length === 0) return { findings: [], checked: [] };
  const book = await readBook(port, undefined, CONTRACT_SPECS);
  const rows = affectedRows(book, changes);
  return { findings: findingsForRows(await typedSheetFindings(book, sha), rows), checked: [...rows].map(([sheet, spans]) => ({ sheet, spans: mergeSpans(spans) })) };
}

/** Live findings after a check: those on the rows it checked are replaced by its own. */
export function mergeLiveFindings(previous: readonly Finding[], check: LiveCheck): Finding[] {
  const checked = new Map(check.checked.map((c) => [c.sheet, c.spans]));
  return [...previous.filter((f) => findingsForRows([f], checked).length === 0), ...check.findings];
}
