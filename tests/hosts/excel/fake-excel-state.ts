/**
 * The workbook state behind the fake Excel object model (fake-excel.ts): sheets of cells,
 * tables as header-row + body-row spans, and Excel's typing rules for assigned values.
 * Only what the Excel host uses is modelled.
 */

import type { ChartState } from './fake-excel-charts';

export type RawValue = string | number | boolean;

export interface FakeCell {
  value: RawValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

export class FakeExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

export interface Box {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

export interface Validation {
  box: Box;
  rule: Excel.DataValidationRule;
  ignoreBlanks?: boolean;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export class SheetState {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  cells = new Map<string, FakeCell>();
  frozenRows = 0;
  protection: Excel.WorksheetProtectionOptions | undefined;
  columnWidths = new Map<number, number>();
  validations: Validation[] = [];
  /** Input messages (DataValidation.prompt), which Excel keeps apart from any rule. */
  prompts: { box: Box; prompt: Excel.DataValidationPrompt }[] = [];
  /** Manual horizontal page breaks: a new page starts above each of these 0-based rows. */
  pageBreaks: number[] = [];
  selected: { row0: number; col0: number } | undefined;
  /** Format settings other than bold and width, by path ('fill.color', 'borders.EdgeTop.style' …). */
  styles: { box: Box; path: string; value: unknown }[] = [];
  merges: Box[] = [];
  /** pageLayout settings by path ('paperSize', 'setPrintTitleRows()' …). */
  page = new Map<string, unknown>();
  /** Charts drawn on the sheet (fake-excel-charts.ts). */
  charts: ChartState[] = [];
  constructor(public name: string) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** Values as Excel's `values` returns them: '' for empty cells. */
  read(box: Box, what: 'values' | 'formulas' | 'numberFormat'): RawValue[][] {
    return grid(box, (r, c) => {
      const cell = this.cell(r, c);
      if (what === 'numberFormat') return cell?.numberFormat ?? 'General';
      if (what === 'formulas' && cell?.formula !== undefined) return `=${cell.formula}`;
      return cell?.value ?? '';
    });
  }

  write(box: Box, data: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    if (this.protection) throw new FakeExcelError('AccessDenied', `sheet ${this.name} is protected`);
    if (!Array.isArray(data) || data.length !== box.rows || data.some((row) => !Array.isArray(row) || row.length !== box.cols)) {
      throw new FakeExcelError('InvalidArgument', `${what}: array does not match ${box.rows}x${box.cols}`);
    }
    const rows = data as unknown[][];
    forEachCell(box, (r, c) => {
      const input = rows[r - box.row0]?.[c - box.col0];
      const key = `${r},${c}`;
      const cell: FakeCell = this.cells.get(key) ?? { value: '' };
      if (what === 'numberFormat') cell.numberFormat = String(input);
      else typeIntoCell(cell, input as RawValue);
      this.cells.set(key, cell);
    });
  }

  /** Moves every cell at or below `fromRow` within columns [col0, col0+cols) by `delta` rows. */
  shiftRows(fromRow: number, col0: number, cols: number, delta: number): void {
    const moved: [string, FakeCell][] = [];
    for (const [key, cell] of [...this.cells]) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (r >= fromRow && c >= col0 && c < col0 + cols) {
        this.cells.delete(key);
        moved.push([`${r + delta},${c}`, cell]);
      }
    }
    for (const [key, cell] of moved) this.cells.set(key, cell);
  }

  usedBox(): Box | undefined {
    const keys = [...this.cells].filter(([, cell]) => cell.value !== '' || cell.formula !== undefined).map(([k]) => k.split(',').map(Number) as [number, number]);
    if (keys.length === 0) return undefined;
    const rows = keys.map(([r]) => r);
    const cols = keys.map(([, c]) => c);
    const row0 = Math.min(...rows);
    const col0 = Math.min(...cols);
    return { row0, col0, rows: Math.max(...rows) - row0 + 1, cols: Math.max(...cols) - col0 + 1 };
  }
}

export class TableState {
  props: { style?: string; showBandedRows?: boolean; showFilterButton?: boolean } = {};
  constructor(
    public name: string,
    public sheet: SheetState,
    public row0: number,
    public col0: number,
    public cols: number,
    public bodyRows: number,
  ) {}

  headerBox(): Box {
    return { row0: this.row0, col0: this.col0, rows: 1, cols: this.cols };
  }
  bodyBox(): Box {
    return { row0: this.row0 + 1, col0: this.col0, rows: this.bodyRows, cols: this.cols };
  }
  header(): string[] {
    return (this.sheet.read(this.headerBox(), 'values')[0] ?? []).map(String);
  }
  body(): RawValue[][] {
    return this.sheet.read(this.bodyBox(), 'values');
  }
}

export class WorkbookState {
  sheets: SheetState[] = [new SheetState('Sheet1')];
  tables = new Map<string, TableState>();
  active: SheetState | undefined;

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  table(name: string): TableState | undefined {
    return [...this.tables.values()].find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
}

export function grid<T>(box: Box, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: box.rows }, (_, i) => Array.from({ length: box.cols }, (_, j) => f(box.row0 + i, box.col0 + j)));
}

function forEachCell(box: Box, f: (r: number, c: number) => void): void {
  for (let r = box.row0; r < box.row0 + box.rows; r++) for (let c = box.col0; c < box.col0 + box.cols; c++) f(r, c);
}

const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Excel's reading of an assigned value, as if typed: "'" keeps text; a cell formatted '@' keeps
 * text as is; otherwise '=' makes a formula, numeric text a number and ISO dates serial numbers.
 * Formulas are not calculated; their value reads as '' in the fake.
 */
export function typeIntoCell(cell: FakeCell, input: RawValue | null | undefined): void {
  delete cell.formula;
  if (input === null || input === undefined || input === '') {
    cell.value = '';
    return;
  }
  if (typeof input !== 'string') {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input; // a text cell keeps even '=…' as text
    return;
  }
  if (input.startsWith('=')) {
    cell.formula = input.slice(1);
    cell.value = '';
    return;
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(input)) {
    cell.value = Number(input);
    return;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (iso) {
    cell.value = (Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) - EPOCH_MS) / 86_400_000;
    if (cell.numberFormat === undefined || cell.numberFormat === 'General') cell.numberFormat = 'yyyy-mm-dd';
    return;
  }
  cell.value = input;
}

/** An independent copy of a fake workbook (cells, formats, tables, everything recorded), to start many runs from one state. */
export function cloneWorkbook(book: WorkbookState): WorkbookState {
  const out = new WorkbookState();
  const sheets = new Map<SheetState, SheetState>();
  out.sheets = book.sheets.map((s) => {
    const c = new SheetState(s.name);
    for (const [k, v] of Object.entries(s)) (c as unknown as Record<string, unknown>)[k] = structuredClone(v);
    sheets.set(s, c);
    return c;
  });
  for (const [name, t] of book.tables) {
    const c = new TableState(t.name, sheets.get(t.sheet)!, t.row0, t.col0, t.cols, t.bodyRows);
    c.props = { ...t.props };
    out.tables.set(name, c);
  }
  out.active = book.active && sheets.get(book.active);
  return out;
}

/** A fake workbook as plain data, for deep equality: sheets in tab order with every recorded setting, tables by name. */
export function dumpWorkbook(book: WorkbookState): unknown {
  return {
    sheets: book.sheets.map((s) => ({ ...s, cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)) })),
    tables: [...book.tables.values()].map((t) => ({ ...t, sheet: t.sheet.name })).sort((a, b) => a.name.localeCompare(b.name)),
    active: book.active?.name,
  };
}
