/**
 * Reading an import file (vouchers or opening balances) into a header and rows: CSV in UTF-8
 * (with or without BOM) or GBK (what Excel on a Chinese Windows saves), or the first sheet of
 * an .xlsx. Line numbers are kept so findings point at the line the user sees.
 */
import { readFile } from 'node:fs/promises';
import type { Scalar } from '../workbook/port';
import { csvTable, gridTable } from '../workbook/input-table';
import { openXlsx } from '../hosts/xlsx/xlsx-workbook';
import { NODE_CODEC } from '../hosts/xlsx/node-codec';
import { refusalReason } from '../hosts/xlsx/errors';
import { InputFileError } from './errors';

export interface InputTable {
  /** Shown in findings (the file's name). */
  source: string;
  header: string[];
  rows: Scalar[][];
  /** 1-based line (CSV) or worksheet row (xlsx) of rows[0]. */
  firstRow: number;
}

export async function readInputTable(path: string, source: string): Promise<InputTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputFileError('missing', path);
  }
  if (/\.xlsx$/i.test(path)) return readFirstSheet(bytes, source, path);
  return { source, ...csvTable(bytes) };
}

/** The first sheet of an .xlsx through the same parts host as the books (formula results, dates by their format). */
async function readFirstSheet(bytes: Buffer, source: string, path: string): Promise<InputTable> {
  let grid: Scalar[][];
  try {
    const wb = openXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { codec: NODE_CODEC });
    const [first] = await wb.sheetNames();
    grid = first === undefined ? [] : ((await wb.readSheet(first))?.rows ?? []);
  } catch (e) {
    throw new InputFileError('not-a-workbook', path, refusalReason(e));
  }
  return { source, ...gridTable(grid) };
}
