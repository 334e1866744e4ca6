/**
 * Checking an item form (财务公开榜, 资产负债公开表, 收益分配公开表) as typed: structure against the
 * template (items in order, labels; missing, extra and mislabeled rows), then every amount
 * against the books to the fen, and every total against the rows it adds up.
 *
 * One mistake, one finding: a total is checked against its rows only when they are all present
 * and none was already found wrong (else the same slip would be reported twice); a total over a
 * missing row is checked against the books instead; a mislabeled row's amounts are not trusted.
 */
import { finding, type Finding } from '../findings';
import { fenFromCell, formatFen, type Fen } from '../money';
import { at, findLabel, isFooterText, textOf, type Grid } from './grid';
import { normalizeLabel, sameLabel } from './labels';
import type { ItemForm, TemplateItem } from './template';

interface TypedRow {
  row: number;
  label: string;
}

/** The rows under the header down to the first footer line, empty rows left out. */
function typedRows(grid: Grid, headerRow: number, labelCol: number, signatures: readonly string[]): TypedRow[] {
  const out: TypedRow[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.some((v) => isFooterText(textOf(v), signatures))) break;
    if (cells.every((v) => textOf(v) === '')) continue;
    out.push({ row: r, label: textOf(cells[labelCol]) });
  }
  return out;
}

/** Rows matched to items by label, in order; the unmatched rows and items of each gap paired as mislabeled. */
function align(grid: Grid, items: readonly TemplateItem[], rows: readonly TypedRow[], labelCol: number, out: Finding[]): Map<number, number> {
  const byLabel = new Map(items.map((it, i) => [normalizeLabel(it.label), i]));
  const rowOfItem = new Map<number, number>();
  let last = -1;
  const unmatchedRows: TypedRow[] = [];
  for (const r of rows) {
    const i = byLabel.get(normalizeLabel(r.label));
    if (i === undefined || rowOfItem.has(i)) {
      unmatchedRows.push(r);
      continue;
    }
    if (i < last) out.push(finding('disclosure.order', 'warning', `项目"${r.label}"顺序不对：应在"${items[last]!.label}"之前`, `Item "${r.label}" is out of order: it belongs before "${items[last]!.label}"`, at(grid, r.row, labelCol)));
    rowOfItem.set(i, r.row);
    last = Math.max(last, i);
  }
  const endRow = (rows.at(-1)?.row ?? 0) + 1;
  const used = new Set<TypedRow>();
  items.forEach((it, i) => {
    if (rowOfItem.has(i)) return;
    // The gap this item belongs in: between the rows of the nearest matched items before and after it.
    let lo = -1;
    for (let k = i - 1; k >= 0; k--) if (rowOfItem.has(k)) { lo = rowOfItem.get(k)!; break; }
    let hi = endRow;
    for (let k = i + 1; k < items.length; k++) if (rowOfItem.has(k)) { hi = rowOfItem.get(k)!; break; }
    const candidate = unmatchedRows.find((r) => !used.has(r) && r.row > lo && r.row < hi);
    if (candidate) {
      used.add(candidate);
      out.push(finding('disclosure.mislabeled', 'error', `第${candidate.row + 1}行项目名称"${candidate.label}"应为"${it.label}"`, `Row ${candidate.row + 1} is labelled "${candidate.label}" where the template has "${it.label}"`, at(grid, candidate.row, labelCol)));
      return;
    }
    out.push(finding('disclosure.missing-item', 'error', `缺少项目"${it.label}"（行次${it.line}）`, `Item "${it.label}" (line ${it.line}) is missing`, at(grid, hi, labelCol)));
  });
  for (const r of unmatchedRows) {
    if (used.has(r)) continue;
    out.push(finding('disclosure.extra-item', 'error', `模板中没有项目"${r.label}"`, `Item "${r.label}" is not in the template`, at(grid, r.row, labelCol)));
  }
  return rowOfItem;
}

export interface ItemCheckInput {
  grid: Grid;
  form: ItemForm;
  /** Books' figures per amount column: 行次 → fen. */
  expected: readonly ReadonlyMap<number, Fen>[];
  titleRow: number;
  signatures: readonly string[];
}

/** Structure, ties and totals of one typed item form. Returns the findings and the typed amounts (行次 → fen per column). */
export function checkItemSheet(input: ItemCheckInput): { findings: Finding[]; typed: Map<number, Fen>[] } {
  const { grid, form } = input;
  const out: Finding[] = [];
  const typed = form.columns.map(() => new Map<number, Fen>());
  const header = findLabel(grid, '项目', input.titleRow + 1);
  if (!header) {
    out.push(finding('disclosure.no-header', 'error', '找不到表头（"项目"列）', 'No header row (no "项目" column)', { sheet: grid.name }));
    return { findings: out, typed };
  }
  const headerCells = grid.rows[header.row] ?? [];
  const amountCols = form.columns.map((h) => headerCells.findIndex((v) => sameLabel(textOf(v), h)));
  amountCols.forEach((c, k) => {
    if (c < 0) out.push(finding('disclosure.missing-column', 'error', `缺少"${form.columns[k]!}"列`, `Column "${form.columns[k]!}" is missing`, at(grid, header.row)));
  });
  const rows = typedRows(grid, header.row, header.col, input.signatures);
  const rowOfItem = align(grid, form.items, rows, header.col, out);
  const lineRow = new Map<number, number>();
  form.items.forEach((it, i) => { if (rowOfItem.has(i)) lineRow.set(it.line, rowOfItem.get(i)!); });
  const flagged = form.columns.map(() => new Set<number>());
  for (const it of form.items) {
    const r = lineRow.get(it.line);
    if (r === undefined || it.heading) continue;
    amountCols.forEach((c, k) => {
      if (c < 0) return;
      const cell = grid.rows[r]?.[c] ?? null;
      const p = textOf(cell) === '' ? { ok: true as const, fen: 0 } : fenFromCell(cell);
      const where = at(grid, r, c);
      if (!p.ok) {
        flagged[k]!.add(it.line);
        out.push(finding('disclosure.not-a-number', 'error', `"${it.label}"的${form.columns[k]!}不是金额：${textOf(cell)}`, `"${it.label}" ${form.columns[k]!} is not an amount: ${textOf(cell)}`, where));
        return;
      }
      typed[k]!.set(it.line, p.fen);
      const parts = it.formula ?? [];
      const partsPresent = parts.every(([l]) => typed[k]!.has(l));
      if (parts.length > 0 && partsPresent) {
        if (parts.some(([l]) => flagged[k]!.has(l))) return;
        const sum = parts.reduce((t, [l, s]) => t + s * typed[k]!.get(l)!, 0);
        if (sum !== p.fen) {
          flagged[k]!.add(it.line);
          out.push(finding('disclosure.total', 'error', `"${it.label}"${form.columns[k]!}为${formatFen(p.fen)}，按各行计算应为${formatFen(sum)}`, `"${it.label}" ${form.columns[k]!} is ${formatFen(p.fen)}; its rows add up to ${formatFen(sum)}`, where));
        }
        return;
      }
      const want = input.expected[k]?.get(it.line) ?? 0;
      if (want !== p.fen) {
        flagged[k]!.add(it.line);
        out.push(finding('disclosure.tie', 'error', `"${it.label}"${form.columns[k]!}公开数为${formatFen(p.fen)}，账面数为${formatFen(want)}`, `"${it.label}" ${form.columns[k]!} is disclosed as ${formatFen(p.fen)}; the books give ${formatFen(want)}`, where));
      }
    });
  }
  return { findings: out, typed };
}
