/**
 * An import file's bytes as a header and rows, shared by the CLI (read-input.ts) and the task pane
 * (host.ts): CSV in UTF-8 (with or without BOM) or GBK, what Excel on a Chinese Windows saves; or
 * the grid of an .xlsx sheet. Line numbers are kept so findings point at the line the user sees.
 */
import type { Scalar } from './port';
import { parseCsv } from './voucher-import';

export interface HeaderAndRows {
  header: string[];
  rows: Scalar[][];
  /** 1-based line (CSV) or worksheet row (xlsx) of rows[0]: the header is the line before. */
  firstRow: number;
}

/** UTF-8 if the bytes are valid UTF-8 (BOM dropped), else GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** A CSV file's bytes: the first line is the header. */
export function csvTable(bytes: Uint8Array): HeaderAndRows {
  const [header = [], ...rows] = parseCsv(decodeText(bytes));
  return { header: header.map((h) => String(h ?? '').trim()), rows, firstRow: 2 };
}

/** A sheet's grid (first row the header), every row padded to the widest one. */
export function gridTable(grid: readonly Scalar[][]): HeaderAndRows {
  const width = grid.reduce((m, r) => Math.max(m, r.length), 0);
  const [header = [], ...rows] = grid.map((r) => Array.from({ length: width }, (_v, j) => r[j] ?? null));
  return { header: header.map((h) => String(h ?? '').trim()), rows, firstRow: 2 };
}
