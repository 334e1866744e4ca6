/**
 * Where a new sheet goes (the same rule as the ExcelJS host, so both faces show the same tabs):
 * typed-in sheets first, then generated sheets in GENERATED_SHEET_ORDER (unlisted ones after),
 * the hidden _meta last. A replaced generated sheet keeps its place.
 */
import { GENERATED_SHEET_ORDER, META_SHEET } from '../../workbook/layout';

const RANK = new Map(GENERATED_SHEET_ORDER.map((n, i) => [n, i]));

/** Rank of a sheet name; undefined for typed-in sheets. */
function rankOf(name: string, generated: ReadonlySet<string>): number | undefined {
  if (name === META_SHEET) return Number.MAX_SAFE_INTEGER;
  return RANK.get(name) ?? (generated.has(name) ? GENERATED_SHEET_ORDER.length : undefined);
}

/**
 * Inserts `name` into `order` (the current tab names, mutated) where it belongs and returns
 * its 0-based position, for `worksheet.position`.
 */
export function placeSheetName(order: string[], name: string, generated: ReadonlySet<string>): number {
  const mine = rankOf(name, generated);
  let at = order.findIndex((other) => {
    const r = rankOf(other, generated);
    if (mine === undefined) return r !== undefined;
    return r !== undefined && r > mine;
  });
  if (at < 0) at = order.length;
  order.splice(at, 0, name);
  return at;
}

/** Sheets named by list validations ('=科目表!$A$3:$A$3002') that must exist before the rule is set. */
export function validationSheets(ranges: readonly string[]): string[] {
  const names = ranges.map((r) => /^=?'?([^'!]+)'?!/.exec(r)?.[1]).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}
