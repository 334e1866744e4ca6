/**
 * Sheet order: typed-in sheets first, then generated sheets (in GENERATED_SHEET_ORDER, unknown
 * ones after), then the hidden _meta last. ExcelJS orders sheets by `orderNo`; we renumber.
 */
import type ExcelJS from 'exceljs';
import { GENERATED_SHEET_ORDER, META_SHEET } from '../../workbook/layout';

type Ordered = ExcelJS.Worksheet & { orderNo: number };

const RANK = new Map(GENERATED_SHEET_ORDER.map((n, i) => [n, i]));

/** Rank of a generated sheet name; undefined for typed-in sheets. Unlisted generated names rank last. */
function rankOf(name: string, generated: ReadonlySet<string>): number | undefined {
  if (name === META_SHEET) return Number.MAX_SAFE_INTEGER;
  const r = RANK.get(name);
  if (r !== undefined) return r;
  return generated.has(name) ? GENERATED_SHEET_ORDER.length : undefined;
}

function renumber(order: ExcelJS.Worksheet[]): void {
  order.forEach((ws, i) => {
    (ws as Ordered).orderNo = i + 1;
  });
}

/**
 * Move `ws` to its place: at `index` if given (a replaced sheet keeps its spot), else before the
 * first sheet that should follow it. `generated` names the sheets known to be generated.
 */
export function placeSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, generated: ReadonlySet<string>, index?: number): void {
  const others = wb.worksheets.filter((s) => s !== ws);
  let at = index;
  if (at === undefined) {
    const mine = rankOf(ws.name, generated);
    at = others.findIndex((s) => {
      const r = rankOf(s.name, generated);
      if (mine === undefined) return r !== undefined; // typed-in: before every generated sheet and _meta
      return r !== undefined && r > mine;
    });
    if (at < 0) at = others.length;
  }
  others.splice(Math.min(at, others.length), 0, ws);
  renumber(others);
}
