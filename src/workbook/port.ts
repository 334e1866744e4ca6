/**
 * WorkbookPort: everything a use case may ask of a workbook. Two adapters implement it:
 * src/hosts/xlsx (ExcelJS, files, Node and browser) and src/hosts/excel (Office.js, live Excel).
 * Use cases receive a port; they never import a host.
 *
 * Contract every adapter keeps:
 * - Reads are bulk (one 2-D read per table) and a use case reads all it needs with one
 *   `readTables` call, so the Excel adapter costs O(1) context.sync() calls whatever the row count.
 * - Writes are batched: a use case computes and validates everything first, then hands every
 *   write to `commitWrites` at once (one `BookWrite[]`), so a host that can apply them as one
 *   batch does (Excel: one Excel.run whose only write request is the last). Generated sheets are
 *   rebuilt whole; typed-in sheets are only ever appended to (import) or created (init), never rewritten.
 */
import type { ChainMonth } from '../core/ledger/lock-chain';


/** A plain cell value as read from or written to a sheet. Dates are ISO 'YYYY-MM-DD' strings. */
export type Scalar = string | number | boolean | null;

/** A formula we write, with the value we computed, so programs that do not recalculate on open (WPS) still show it. */
export interface FormulaCell {
  /** Without the leading '=' (e.g. 'SUM(C5:C9)'). */
  formula: string;
  result: Scalar;
}

export type Cell = Scalar | FormulaCell;

export function isFormulaCell(c: Cell): c is FormulaCell {
  return typeof c === 'object' && c !== null && 'formula' in c;
}

export interface ColumnSpec {
  /** Header label the user sees (Chinese). */
  header: string;
  /** Stable key code uses. */
  key: string;
  width?: number;
  /** Excel number format, e.g. '#,##0.00' for money, '@' for codes kept as text, 'yyyy-mm-dd'. */
  numFmt?: string;
  /** Data validation: a list of allowed values, or a formula range such as '=科目!$A$2:$A$500'. */
  validation?: { list: readonly string[] } | { range: string };
  /** A short note on the header cell saying what goes in the column (typed-in sheets; shown when the cell is selected). */
  note?: string;
  /** Wrap long text in this column (generated sheets), so one long column does not squeeze the printed page. */
  wrap?: boolean;
  /** Left out of the printed page (generated sheets): the column stays on screen, the print area skips it only when it is the last columns. */
  noPrint?: boolean;
}

/** How a generated sheet prints. Defaults: A4, portrait up to 7 columns else landscape, fit to one page wide, header rows repeated, page numbers. */
export interface PrintSetup {
  orientation?: 'portrait' | 'landscape';
  /** Pages tall to fit to: 0 (default) lets the sheet run onto as many pages as it needs; 1 forces one page. */
  fitToHeight?: number;
  /** Indexes into `rows` before which a new page starts (e.g. every third 记账凭证). */
  rowBreaks?: readonly number[];
}

/** A merged block in a generated sheet, in body coordinates: `row` indexes `rows`, `col` indexes `columns`. */
export interface CellSpan {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A typed-in sheet: an Excel table with a stable name (e.g. sheet 凭证, table Vouchers). */
export interface TypedTableSpec {
  sheet: string;
  table: string;
  columns: readonly ColumnSpec[];
}

export interface TableData {
  sheet: string;
  table: string;
  /** Header labels as found (matched to columns by label, so users may reorder columns). */
  header: string[];
  rows: Scalar[][];
  /** Worksheet row number (1-based) of rows[0], so findings can point at the cell. */
  firstRow: number;
  /** Worksheet column letters of header[i], for findings. */
  columnLetters: string[];
}

/** Every value of one worksheet, from A1 to its last used cell (rows[0][0] is A1). */
export interface SheetGrid {
  name: string;
  /** Row r (0-based) is worksheet row r+1; column c is letter columnLetter(c). Empty cells are null; dates ISO text. */
  rows: Scalar[][];
}

/**
 * A chart over a generated sheet's own body, drawn natively by hosts that can (Excel through
 * Office.js; the .xlsx host ignores charts for now). Series are body rows or body columns.
 */
export interface ChartSpec {
  title: string;
  /** Columns stacked (income by source) or side by side (plan vs actual); a series may be a line instead. */
  columns: 'stacked' | 'clustered';
  /**
   * 'rows': each series is a body row, its values in columns [span.from, span.to), the categories
   * their header cells. 'columns': each series is a body column, its values in rows [span.from,
   * span.to), the categories in `categoryColumn`.
   */
  seriesIn: 'rows' | 'columns';
  span: { from: number; to: number };
  categoryColumn?: number;
  /** `index`: the body row or column; `line`: drawn as a line over the columns (a target). */
  series: readonly { name: string; index: number; line?: boolean }[];
}

/** A sheet the engine rebuilds whole (科目余额表, 资产负债表 …). */
export interface GeneratedSheet {
  name: string;
  /** Lines above the table (report title, village, period, unit "单位：元"). */
  title: string[];
  columns: readonly ColumnSpec[];
  rows: Cell[][];
  /** Indexes into `rows` of subtotal/total rows, drawn bold. */
  totalRows?: number[];
  /** Stable table name for the body, if it should be an Excel table. */
  table?: string;
  print?: PrintSetup;
  /** Merged blocks within the body (not with `table`: Excel tables cannot hold merged cells). */
  merges?: readonly CellSpan[];
  /** Body rows given here are drawn bold like totals but are not totals (section headings, 记账凭证 headers). */
  boldRows?: readonly number[];
  /** Native charts below the body (the plan sheets); hosts that cannot draw them leave them out. */
  charts?: readonly ChartSpec[];
}

/** Hidden _meta sheet: layout version and book identity. */
export interface WorkbookMeta {
  layoutVersion: number;
  chartSystem: '2023';
  village: string;
  township: string;
  fiscalYear: number;
  /** 'village' for one village's book; 'township' for a consolidation workbook. */
  kind: 'village' | 'township';
  /** 结账: months up to and including this 'YYYY-MM' are locked; no voucher may be added or changed there. */
  lockedThrough?: string;
  /** Old books only: the FNV fingerprint that preceded lockChain (core/ledger/lock-digest.ts); re-locking upgrades it. */
  lockDigest?: string;
  /** SHA-256 hash chain of the locked months' vouchers, one record per month (core/ledger/lock-chain.ts). */
  lockChain?: ChainMonth[];
}

export interface WorkbookPort {
  readMeta(): Promise<WorkbookMeta | undefined>;
  sheetNames(): Promise<string[]>;
  /** Reads several typed-in tables at once (one sync in Excel). A missing sheet reads as undefined. */
  readTables(specs: readonly TypedTableSpec[]): Promise<(TableData | undefined)[]>;
  /**
   * Any sheet as a grid of values (previews, hand-typed disclosure sheets, township inputs).
   * Undefined when there is no such sheet. Formulas read as their cached results.
   */
  readSheet(name: string): Promise<SheetGrid | undefined>;
  /** Creates meta and empty typed-in tables (headers, formats, validation, frozen header row). */
  initialize(meta: WorkbookMeta, tables: readonly TypedTableSpec[]): Promise<void>;
  /** Appends rows to the end of a typed-in table (import). Existing rows are not touched. */
  appendRows(spec: TypedTableSpec, rows: readonly Scalar[][]): Promise<void>;
  /** Deletes and recreates each named generated sheet with the given content, in one batch. */
  replaceGeneratedSheets(sheets: readonly GeneratedSheet[]): Promise<void>;
  /** Updates meta fields (e.g. after a lock). */
  writeMeta(meta: WorkbookMeta): Promise<void>;
  /**
   * Optional: applies the writes, in order, as one batch: either all of them reach the workbook or
   * (when anything before the final write request fails) none. Hosts without it get the writes one
   * by one (`commitWrites`): the .xlsx host changes only its in-memory parts until the file is saved.
   */
  commit?(writes: readonly BookWrite[]): Promise<void>;
}

/** One write of a use case, as a value: the four writing port calls. */
export type BookWrite =
  | { kind: 'initialize'; meta: WorkbookMeta; tables: readonly TypedTableSpec[] }
  | { kind: 'append'; spec: TypedTableSpec; rows: readonly Scalar[][] }
  | { kind: 'replace'; sheets: readonly GeneratedSheet[] }
  | { kind: 'meta'; meta: WorkbookMeta };

/**
 * Every write of one use case, in one batch when the host offers `commit`, else in order through
 * the single-write calls. Empty writes (no rows, no sheets) are dropped first.
 */
export async function commitWrites(port: WorkbookPort, writes: readonly BookWrite[]): Promise<void> {
  const real = writes.filter((w) => !(w.kind === 'append' && w.rows.length === 0) && !(w.kind === 'replace' && w.sheets.length === 0));
  if (real.length === 0) return;
  if (port.commit) return port.commit(real);
  for (const w of real) {
    if (w.kind === 'initialize') await port.initialize(w.meta, w.tables);
    else if (w.kind === 'append') await port.appendRows(w.spec, w.rows);
    else if (w.kind === 'replace') await port.replaceGeneratedSheets(w.sheets);
    else await port.writeMeta(w.meta);
  }
}

/** Options every long use case accepts: progress for the pane and the CLI bar, and cancellation. */
export interface RunOptions {
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}
