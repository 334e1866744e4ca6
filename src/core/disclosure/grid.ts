/**
 * Reading a disclosure sheet as a person typed it: which form and period its title names, where
 * its header row is, its 张榜日期, and text that a spreadsheet would run as a formula. Works on a
 * plain grid of values (row 0 is worksheet row 1), so the core never learns which host read it.
 */
import { columnLetter } from '../column-letter';
import { finding, type Finding } from '../findings';
import { isIsoDate, isoOf } from '../calendar';
import type { IsoDate } from '../ledger/types';
import { fenFromCell } from '../money';
import { normalizeLabel, sameLabel } from './labels';
import { ODD_LEAD } from './model';
import { periodInTitle, type DisclosurePeriod } from './period';
import type { DisclosureForm, DisclosureTemplate } from './template';

export type GridValue = string | number | boolean | null;

export interface Grid {
  name: string;
  rows: GridValue[][];
}

export const textOf = (v: GridValue | undefined): string => (v === null || v === undefined ? '' : String(v)).trim();

/** A finding at a cell of a sheet (row and column 0-based in, 1-based row and letter out). */
export function at(grid: Grid, row: number, col?: number): { sheet: string; row: number; column?: string } {
  return col === undefined ? { sheet: grid.name, row: row + 1 } : { sheet: grid.name, row: row + 1, column: columnLetter(col) };
}

const TITLE_ROWS = 4;

/** The form and period a sheet's title names (within its first rows), or undefined for any other sheet. */
export function identify(grid: Grid, template: DisclosureTemplate): { form: DisclosureForm; period: DisclosurePeriod; titleRow: number } | undefined {
  for (let r = 0; r < Math.min(TITLE_ROWS, grid.rows.length); r++) {
    for (const cell of grid.rows[r] ?? []) {
      const t = normalizeLabel(textOf(cell));
      if (t === '') continue;
      // The longest title wins, so a form whose title contains another's is still told apart.
      const form = template.forms.filter((f) => t.includes(normalizeLabel(f.title))).sort((a, b) => b.title.length - a.title.length)[0];
      const period = form ? periodInTitle(textOf(cell)) : undefined;
      if (form && period) return { form, period, titleRow: r };
    }
  }
  return undefined;
}

/** First row at or after `from` that has a cell labelled `label` (tolerant match); its row and column. */
export function findLabel(grid: Grid, label: string, from = 0): { row: number; col: number } | undefined {
  for (let r = from; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (sameLabel(textOf(row[c]), label)) return { row: r, col: c };
  }
  return undefined;
}

/** Lines under a table that end it: 大写 lines, signatures, 张榜日期. */
export function isFooterText(text: string, signatures: readonly string[]): boolean {
  const t = normalizeLabel(text);
  return t.includes('大写') || t.startsWith('张榜日期') || signatures.some((s) => t.startsWith(normalizeLabel(s)));
}

/** A date as people type it: 2025-10-12, 2025/10/12, 2025.10.12, 2025年10月12日. */
export function parseTypedDate(text: string): IsoDate | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return isIsoDate(iso) ? iso : undefined;
}

/** Where 张榜日期 is and what it says: in the same cell after the colon, or in the next filled cell of the row. */
export function postedDate(grid: Grid): { row: number; col: number; text: string } | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = textOf(row[c]).normalize('NFKC');
      const m = /^张榜日期\s*:?\s*(.*)$/u.exec(t);
      if (!m) continue;
      if (m[1] !== '') return { row: r, col: c, text: m[1]!.trim() };
      for (let k = c + 1; k < row.length; k++) if (textOf(row[k]) !== '') return { row: r, col: k, text: textOf(row[k]) };
      return { row: r, col: c, text: '' };
    }
  }
  return undefined;
}

/** Text cells a spreadsheet would run as a formula (= + - @ first), amounts and a lone '-' aside. */
export function oddText(grid: Grid): Finding[] {
  const out: Finding[] = [];
  grid.rows.forEach((row, r) => row.forEach((v, c) => {
    if (typeof v !== 'string' || v.trim().length < 2 || !ODD_LEAD.test(v.trim()) || fenFromCell(v).ok) return;
    out.push(finding('disclosure.odd-text', 'warning', `单元格文字以 ${v.trim()[0]} 开头，可能被当作公式执行：「${v.trim().slice(0, 20)}」`, `Text starting with ${v.trim()[0]} may run as a formula: "${v.trim().slice(0, 20)}"`, at(grid, r, c)));
  }));
  return out;
}
