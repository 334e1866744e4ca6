/**
 * Columns are found by header label, not position, so users may reorder or add columns.
 * Each key accepts its Chinese label and English aliases (for CSV imports).
 */
import { finding, type Finding } from '../../core/findings';
import type { TypedTableSpec } from '../port';
import { columnLetter } from '../layout';
import type { RowPlace } from './cells';

export interface ColumnWant {
  key: string;
  /** Header label (Chinese) used in messages. */
  label: string;
  required: boolean;
  /** Other accepted headers (compared trimmed, case-insensitive). */
  aliases?: readonly string[];
}

export type ColumnIndex = Record<string, number>;

function norm(s: string): string {
  return s.trim().replace(/^\uFEFF/, '').toLowerCase();
}

/**
 * Index of each wanted key in `header` (-1 if absent). A missing required column is a finding
 * ('table.missing-column') naming the sheet and the expected header.
 */
export function resolveColumns(
  header: readonly string[],
  wants: readonly ColumnWant[],
  sheet: string,
  headerRow?: number,
): { index: ColumnIndex; findings: Finding[] } {
  const pos = new Map<string, number>();
  header.forEach((h, i) => {
    const k = norm(String(h ?? ''));
    if (k !== '' && !pos.has(k)) pos.set(k, i);
  });
  const index: ColumnIndex = {};
  const findings: Finding[] = [];
  for (const w of wants) {
    let at = -1;
    for (const name of [w.label, ...(w.aliases ?? [])]) {
      const p = pos.get(norm(name));
      if (p !== undefined) {
        at = p;
        break;
      }
    }
    index[w.key] = at;
    if (at < 0 && w.required) {
      const place: { sheet: string; column: string; row?: number } = { sheet, column: w.label };
      if (headerRow !== undefined) place.row = headerRow;
      findings.push(finding('table.missing-column', 'error', `${sheet}缺少"${w.label}"列`, `Sheet ${sheet} has no "${w.label}" column`, place));
    }
  }
  return { index, findings };
}

/**
 * Headers of `spec` not among `labels` (compared trimmed and exactly, as the hosts match them when
 * they append: reading is more forgiving, see resolveColumns).
 */
export function missingColumns(labels: readonly unknown[], spec: TypedTableSpec): string[] {
  const have = new Set(labels.map((h) => String(h ?? '').trim()));
  return spec.columns.map((c) => c.header).filter((h) => !have.has(h));
}

/** Wants for a typed-in table spec: every column, labels from the spec. */
export function wantsOf(spec: TypedTableSpec, required: readonly string[], aliases: Record<string, readonly string[]> = {}): ColumnWant[] {
  return spec.columns.map((c) => {
    const w: ColumnWant = { key: c.key, label: c.header, required: required.includes(c.key) };
    const a = aliases[c.key];
    if (a) w.aliases = a;
    return w;
  });
}

/** A RowPlace from worksheet column letters (TableData) or, for files, from the header position. */
export function placeOf(sheet: string, firstRow: number, letters?: readonly string[]): RowPlace {
  return { sheet, firstRow, columnName: (i) => letters?.[i] ?? columnLetter(i) };
}
