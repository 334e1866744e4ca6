/**
 * Where a new sheet goes: the rule is layout.ts's (sheetRank / sheetInsertIndex), shared with the
 * .xlsx host so both faces show the same tabs. A replaced generated sheet keeps its place.
 */
import { sheetInsertIndex } from '../../workbook/layout';

/**
 * Inserts `name` into `order` (the current tab names, mutated) where layout.ts says it belongs
 * and returns its 0-based position, for `worksheet.position`.
 */
export function placeSheetName(order: string[], name: string, generated: ReadonlySet<string>): number {
  const at = sheetInsertIndex(order, name, generated);
  order.splice(at, 0, name);
  return at;
}

/** Sheets named by list validations ('=科目表!$A$3:$A$3002') that must exist before the rule is set. */
export function validationSheets(ranges: readonly string[]): string[] {
  const names = ranges.map((r) => /^=?'?([^'!]+)'?!/.exec(r)?.[1]).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}
