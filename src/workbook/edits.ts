/**
 * Edits the accountant made, as worksheet rows: what the Excel host reports from its change
 * events and what the live check (src/app/live-check.ts) checks again.
 */

/** Worksheet rows (1-based, inclusive) edited on one sheet; `to` is Infinity for whole columns. */
export interface EditedRows {
  sheet: string;
  spans: readonly RowSpan[];
}

export interface RowSpan {
  from: number;
  to: number;
}

/**
 * The rows an A1 address covers: 'B3:D5' → 3–5, 'C7' → 7, '4:6' (whole rows) → 4–6, 'A:C' (whole
 * columns) → 1–Infinity; several areas separated by commas; a sheet prefix ('凭证!B3') and '$'
 * are ignored. An address it cannot read counts as the whole sheet, so an edit is never missed.
 */
export function rowSpansOfAddress(address: string): RowSpan[] {
  const whole = [{ from: 1, to: Infinity }];
  const spans: RowSpan[] = [];
  for (const area of address.split(',')) {
    const bare = area.slice(area.lastIndexOf('!') + 1).replace(/\$/g, '').trim();
    const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/i.exec(bare);
    if (!m || bare === '') return whole;
    const [, c1 = '', r1 = '', c2, r2] = m;
    if (r1 === '') {
      if (c1 === '') return whole;
      spans.push({ from: 1, to: Infinity }); // whole columns
      continue;
    }
    const a = Number(r1);
    const b = r2 === undefined || r2 === '' ? (c2 !== undefined && c2 !== '' ? Infinity : a) : Number(r2);
    spans.push({ from: Math.min(a, b), to: Math.max(a, b) });
  }
  return mergeSpans(spans);
}

/** Sorted, overlapping or touching spans joined. */
export function mergeSpans(spans: readonly RowSpan[]): RowSpan[] {
  const sorted = [...spans].sort((x, y) => x.from - y.from);
  const out: RowSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}
