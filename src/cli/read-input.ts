/**
 * Reading an import file (vouchers or opening balances) into a header and rows: CSV in UTF-8
 * (with or without BOM) or GBK (what Excel on a Chinese Windows saves), or the first sheet of
 * an .xlsx. Line numbers are kept so findings point at the line the user sees.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Scalar } from '../workbook/port';
import { parseCsv } from '../workbook/voucher-import';
import { dateToIso } from '../workbook/codecs/cells';
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

async function readFirstSheet(bytes: Buffer, source: string, path: string): Promise<InputTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputFileError('not-a-workbook', path);
  }
  const ws = wb.worksheets[0];
  if (ws === undefined) return { source, header: [], rows: [], firstRow: 2 };
  const width = ws.columnCount;
  const grid: Scalar[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const out: Scalar[] = [];
    for (let c = 1; c <= width; c++) out.push(cellScalar(row.getCell(c).value));
    grid[n - 1] = out;
  });
  const [header = [], ...rows] = Array.from(grid, (r) => r ?? []);
  return { source, header: header.map((h) => String(h ?? '').trim()), rows, firstRow: 2 };
}

function cellScalar(v: ExcelJS.CellValue): Scalar {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateToIso(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellScalar(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
  }
  return null;
}
