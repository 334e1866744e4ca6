/**
 * Typed-in sheets as real Excel tables. ExcelJS's own table editing (addRow/commit) does not
 * work on a loaded file (the loaded model has no rows), so we write cells directly and extend the
 * table's range (`tableRef`, `autoFilterRef`) ourselves; existing cells are never rewritten.
 */
import type ExcelJS from 'exceljs';
import type { ColumnSpec, Scalar, TableData, TypedTableSpec } from '../../workbook/port';
import { columnLetter } from '../../workbook/layout';
import { fromScalar, toScalar } from './xlsx-cells';
import { XlsxHostError } from './errors';

/** First rows of a typed-in table that carry list validation when the table is created. */
export const VALIDATED_ROWS = 5000;

/** The parts of ExcelJS's table model we rely on (present both on new and on loaded tables). */
interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string }[];
  headerRow?: boolean;
  totalsRow?: boolean;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeRef(ref: string): Box {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new XlsxHostError(`bad range ${ref}`);
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(m[1] as string);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

const encodeRef = (b: Box): string => `${columnLetter(b.left - 1)}${b.top}:${columnLetter(b.right - 1)}${b.bottom}`;

/** ExcelJS keeps data validations per sheet in a map keyed by address or range (not in its typings). */
interface Validations {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, dv: ExcelJS.DataValidation): void;
}
export function validationsOf(ws: ExcelJS.Worksheet): Validations {
  return (ws as unknown as { dataValidations: Validations }).dataValidations;
}

export function tableModel(ws: ExcelJS.Worksheet, name: string): TableModel | undefined {
  const tables = (ws as unknown as { tables: Record<string, { model: TableModel }> }).tables;
  const t = tables[name] ?? Object.values(tables).find((x) => x.model.name.toLowerCase() === name.toLowerCase());
  return t?.model;
}

/** Table box (header row to last table row), or, if the table is gone, a header at row 1. */
function boxOf(ws: ExcelJS.Worksheet, spec: TypedTableSpec): Box {
  const t = tableModel(ws, spec.table);
  if (t) return decodeRef(t.tableRef);
  const right = Math.max(ws.getRow(1).cellCount, spec.columns.length);
  return { top: 1, left: 1, bottom: Math.max(ws.rowCount, 1), right };
}

function isBlank(v: Scalar): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Last non-blank row at or below the header within the table's columns (rows typed just below the table count). */
function lastUsedRow(ws: ExcelJS.Worksheet, b: Box): number {
  for (let r = Math.max(ws.rowCount, b.bottom); r > b.top; r--) {
    const row = ws.getRow(r);
    for (let c = b.left; c <= b.right; c++) if (!isBlank(toScalar(row.getCell(c).value))) return r;
  }
  return b.top;
}

/** One 2-D read of a typed-in table (plus any rows typed just below it). */
export function readTypedTable(ws: ExcelJS.Worksheet, spec: TypedTableSpec): TableData {
  const b = boxOf(ws, spec);
  const last = lastUsedRow(ws, b);
  const headerRow = ws.getRow(b.top);
  const header: string[] = [];
  const columnLetters: string[] = [];
  for (let c = b.left; c <= b.right; c++) {
    header.push(String(toScalar(headerRow.getCell(c).value) ?? '').trim());
    columnLetters.push(columnLetter(c - 1));
  }
  const rows: Scalar[][] = [];
  for (let r = b.top + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const out: Scalar[] = [];
    for (let c = b.left; c <= b.right; c++) out.push(toScalar(row.getCell(c).value));
    rows.push(out);
  }
  return { sheet: spec.sheet, table: spec.table, header, rows, firstRow: b.top + 1, columnLetters };
}

function validationOf(col: ColumnSpec): ExcelJS.DataValidation | undefined {
  const v = col.validation;
  if (!v) return undefined;
  const formula = 'list' in v ? `"${v.list.join(',')}"` : v.range.replace(/^=/, '');
  // 'warning' rather than 'stop': the code list is regenerated on each run and may lag behind 科目.
  return {
    type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning',
    errorTitle: `${col.header}无效`, error: `请从列表中选择${col.header}`,
  };
}

/** Creates the sheet with an empty Excel table (one blank row: Excel tables need a body row). */
export function createTypedSheet(wb: ExcelJS.Workbook, spec: TypedTableSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet);
  ws.addTable({
    name: spec.table,
    displayName: spec.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: [spec.columns.map(() => null)],
  });
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(10, c.header.length * 2 + 4);
    if (c.numFmt) col.numFmt = c.numFmt;
    ws.getCell(1, i + 1).font = { bold: true };
    const dv = validationOf(c);
    if (dv) {
      const L = columnLetter(i);
      validationsOf(ws).add(`${L}2:${L}${VALIDATED_ROWS + 1}`, dv);
    }
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  return ws;
}

/** Highest row of column `letter` covered by a list validation (ranges or single cells). */
function validatedThrough(ws: ExcelJS.Worksheet, letter: string): number {
  let max = 0;
  const model = validationsOf(ws).model;
  for (const key of Object.keys(model)) {
    if (!model[key]) continue;
    for (const part of key.split(/\s+/)) {
      const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(part);
      if (m && m[1] === letter && (m[3] ?? m[1]) === letter) max = Math.max(max, Number(m[4] ?? m[2]));
    }
  }
  return max;
}

/**
 * Appends rows (in spec column order) after the last used row, mapping columns by header label
 * so a user's reordered columns still line up; grows the table range over the new rows.
 */
export function appendTypedRows(ws: ExcelJS.Worksheet, spec: TypedTableSpec, rows: readonly Scalar[][]): void {
  const b = boxOf(ws, spec);
  const header: string[] = [];
  for (let c = b.left; c <= b.right; c++) header.push(String(toScalar(ws.getCell(b.top, c).value) ?? '').trim());
  const target = spec.columns.map((col) => {
    const i = header.indexOf(col.header);
    if (i < 0) throw new XlsxHostError(`表${spec.sheet}缺少"${col.header}"列 / sheet ${spec.sheet} has no "${col.header}" column`);
    return b.left + i;
  });
  const start = lastUsedRow(ws, b) + 1;
  rows.forEach((values, k) => {
    const row = ws.getRow(start + k);
    spec.columns.forEach((col, j) => {
      const cell = row.getCell(target[j] as number);
      cell.value = fromScalar(values[j] ?? null, col.numFmt);
      if (col.numFmt) cell.numFmt = col.numFmt;
    });
  });
  const end = start + rows.length - 1;
  const t = tableModel(ws, spec.table);
  if (t && end > b.bottom) {
    const grown = { ...b, bottom: end };
    t.tableRef = encodeRef(grown);
    if (t.autoFilterRef !== undefined) t.autoFilterRef = encodeRef(grown);
  }
  spec.columns.forEach((col, j) => {
    const dv = validationOf(col);
    if (!dv) return;
    const L = columnLetter((target[j] as number) - 1);
    const through = validatedThrough(ws, L);
    if (end > through) validationsOf(ws).add(`${L}${Math.max(through + 1, b.top + 1)}:${L}${end}`, dv);
  });
}

/**
 * ExcelJS expands every validation range into one entry per cell when it loads a file, and its
 * writer then re-merges them into overlapping ranges. Collapse them back into column runs right
 * after loading so a saved file has the same, non-overlapping ranges.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const v = validationsOf(ws);
  const kept: Record<string, ExcelJS.DataValidation> = {};
  const groups = new Map<ExcelJS.DataValidation, Map<string, number[]>>();
  for (const [addr, dv] of Object.entries(v.model)) {
    if (!dv) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) {
      kept[addr] = dv;
      continue;
    }
    const byCol = groups.get(dv) ?? new Map<string, number[]>();
    groups.set(dv, byCol);
    const rows = byCol.get(m[1] as string) ?? [];
    rows.push(Number(m[2]));
    byCol.set(m[1] as string, rows);
  }
  for (const [dv, byCol] of groups) {
    for (const [col, rows] of byCol) {
      rows.sort((a, b) => a - b);
      let start = rows[0] as number;
      for (let i = 1; i <= rows.length; i++) {
        const prev = rows[i - 1] as number;
        if (i < rows.length && rows[i] === prev + 1) continue;
        kept[start === prev ? `${col}${start}` : `${col}${start}:${col}${prev}`] = dv;
        start = rows[i] as number;
      }
    }
  }
  for (const k of Object.keys(v.model)) delete v.model[k];
  Object.assign(v.model, kept);
}
