/**
 * Reading an import file (vouchers or opening balances) into a header and rows: CSV in UTF-8
 * (with or without BOM) or GBK (what Excel on a Chinese Windows saves), or the first sheet of
 * an .xlsx. Line numbers are kept so findings point at the line the user sees.
 */
import { readFile } from 'node:fs/promises';
import type { Scalar } from '../workbook/port';
import { parseCsv } from '../workbook/voucher-import';
import { openXlsx } from '../hosts/xlsx/xlsx-workbook';
import { InputFileError } from './errors';

export interface InputTable {
  /** Shown in findings (the file's name). */
  source: string;
  header: string[];
  rows: Scalar[][];
  /** 1-based line (CSV) or worksheet row (xlsx) of rows[0]. */
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

export async function readInputTable(path: string, source: string): Promise<InputTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputFileError('missing', path);
  }
  if (/\.xlsx$/i.test(path)) return readFirstSheet(bytes, source, path);
  const lines = parseCsv(decodeText(bytes));
  const [header = [], ...rows] = lines;
  return { source, header: header.map((h) => String(h ?? '').trim()), rows, firstRow: 2 };
}

/** The first sheet of an .xlsx through the same parts host as the books (formula results, dates by their format). */
async function readFirstSheet(bytes: Buffer, source: string, path: string): Promise<InputTable> {
  let grid: Scalar[][];
  try {
    const wb = openXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const [first] = await wb.sheetNames();
    grid = first === undefined ? [] : ((await wb.readSheet(first))?.rows ?? []);
  } catch {
    throw new InputFileError('not-a-workbook', path);
  }
  const width = grid.reduce((m, r) => Math.max(m, r.length), 0);
  const [header = [], ...rows] = grid.map((r) => Array.from({ length: width }, (_v, j) => r[j] ?? null));
  return { source, header: header.map((h) => String(h ?? '').trim()), rows, firstRow: 2 };
}
