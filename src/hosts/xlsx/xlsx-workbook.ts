/**
 * WorkbookPort over ExcelJS: an .xlsx held in memory. No fs or path here, so the same code runs
 * in Node (CLI) and in the browser (the task pane's standalone mode); file.ts adds the disk.
 */
import ExcelJS from 'exceljs';
import type { GeneratedSheet, Scalar, SheetGrid, TableData, TypedTableSpec, WorkbookMeta, WorkbookPort } from '../../workbook/port';
import { GENERATED_SHEET_ORDER, META_SHEET, TYPED_TABLES } from '../../workbook/layout';
import { decodeMetaRows, encodeMetaRows, META_HEADER } from '../../workbook/codecs/meta';
import { toScalar } from './xlsx-cells';
import { appendTypedRows, compactValidations, createTypedSheet, readTypedTable } from './xlsx-typed';
import { writeGeneratedSheet } from './xlsx-generated';
import { placeSheet } from './xlsx-order';
import { XlsxHostError } from './errors';

export { XlsxHostError } from './errors';

export interface XlsxWorkbook extends WorkbookPort {
  /** The workbook as .xlsx bytes. */
  toBytes(): Promise<Uint8Array>;
}

/** Opens .xlsx bytes (or starts an empty workbook). Throws if the bytes are not an .xlsx ExcelJS can read. */
export async function createXlsxWorkbook(bytes?: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  if (bytes !== undefined) {
    await wb.xlsx.load(toLoadable(bytes));
    for (const ws of wb.worksheets) compactValidations(ws);
  } else {
    wb.creator = 'Cunzhang 村账';
  }
  return new ExcelJsWorkbook(wb);
}

function toLoadable(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  // ExcelJS takes a Buffer in Node and an ArrayBuffer in the browser; a Uint8Array view may be
  // a window onto a larger buffer, so hand over exactly its bytes.
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const B = (globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, l: number): unknown } }).Buffer;
  if (B) return B.from(u8.buffer, u8.byteOffset, u8.byteLength) as ArrayBuffer;
  return u8.slice().buffer;
}

class ExcelJsWorkbook implements XlsxWorkbook {
  /** Names of sheets this workbook knows to be generated (for placing new sheets). */
  private readonly generated = new Set<string>(GENERATED_SHEET_ORDER);
  /** Names of typed-in sheets (the layout's, and any this workbook created as a table). */
  private readonly typed = new Set<string>(TYPED_TABLES.map((t) => t.sheet));

  constructor(private readonly wb: ExcelJS.Workbook) {}

  async readMeta(): Promise<WorkbookMeta | undefined> {
    const ws = this.wb.getWorksheet(META_SHEET);
    if (!ws) return undefined;
    const rows: Scalar[][] = [];
    ws.eachRow((row) => {
      rows.push([toScalar(row.getCell(1).value), toScalar(row.getCell(2).value)]);
    });
    return decodeMetaRows(rows).meta;
  }

  async sheetNames(): Promise<string[]> {
    return this.wb.worksheets.map((ws) => ws.name);
  }

  async readTables(specs: readonly TypedTableSpec[]): Promise<(TableData | undefined)[]> {
    return specs.map((spec) => {
      const ws = this.wb.getWorksheet(spec.sheet);
      return ws ? readTypedTable(ws, spec) : undefined;
    });
  }

  async readSheet(name: string): Promise<SheetGrid | undefined> {
    const ws = this.wb.getWorksheet(name);
    if (!ws) return undefined;
    const rows: Scalar[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const out: Scalar[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out[c - 1] = toScalar(cell.value);
      });
      rows[n - 1] = Array.from(out, (v) => v ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  }

  async initialize(meta: WorkbookMeta, tables: readonly TypedTableSpec[]): Promise<void> {
    for (const spec of tables) {
      this.typed.add(spec.sheet);
      if (this.wb.getWorksheet(spec.sheet)) continue; // already there: init never rewrites a user's sheet
      placeSheet(this.wb, createTypedSheet(this.wb, spec), this.generated);
    }
    this.addMissingListSheets(tables);
    await this.writeMeta(meta);
    this.wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  }

  async appendRows(spec: TypedTableSpec, rows: readonly Scalar[][]): Promise<void> {
    this.typed.add(spec.sheet);
    let ws = this.wb.getWorksheet(spec.sheet);
    if (!ws) {
      ws = createTypedSheet(this.wb, spec);
      placeSheet(this.wb, ws, this.generated);
      this.addMissingListSheets([spec]);
    }
    appendTypedRows(ws, spec, rows);
  }

  async replaceGeneratedSheets(sheets: readonly GeneratedSheet[]): Promise<void> {
    for (const g of sheets) {
      checkGenerated(g);
      // A report must never overwrite a sheet people type into.
      if (this.typed.has(g.name)) throw new XlsxHostError(`${g.name} 是录入表，不能作为生成表重建 / ${g.name} is a typed-in sheet, not a generated one`);
    }
    for (const g of sheets) {
      this.generated.add(g.name);
      const old = this.wb.getWorksheet(g.name);
      const index = old ? this.wb.worksheets.indexOf(old) : undefined;
      if (old) this.wb.removeWorksheet(old.id);
      const ws = this.wb.addWorksheet(g.name);
      placeSheet(this.wb, ws, this.generated, index);
      await writeGeneratedSheet(ws, g);
    }
  }

  async writeMeta(meta: WorkbookMeta): Promise<void> {
    const old = this.wb.getWorksheet(META_SHEET);
    if (old) this.wb.removeWorksheet(old.id);
    const ws = this.wb.addWorksheet(META_SHEET, { state: 'hidden' });
    ws.addRow([...META_HEADER]);
    for (const r of encodeMetaRows(meta)) ws.addRow(r);
    ws.getColumn(1).width = 16;
    ws.getColumn(2).width = 24;
    placeSheet(this.wb, ws, this.generated);
  }

  async toBytes(): Promise<Uint8Array> {
    // Excel refuses to open on a hidden active sheet (after sheets moved, the tab index may point at _meta).
    const view = this.wb.views?.[0];
    if (view && this.wb.worksheets[view.activeTab ?? 0]?.state !== 'visible') {
      view.activeTab = Math.max(0, this.wb.worksheets.findIndex((ws) => ws.state === 'visible'));
    }
    const out = await this.wb.xlsx.writeBuffer();
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  /**
   * A list validation pointing at a sheet that does not exist yet (科目表 before the first run)
   * would be a broken reference; an empty placeholder keeps the file valid until it is generated.
   */
  private addMissingListSheets(tables: readonly TypedTableSpec[]): void {
    for (const spec of tables) {
      for (const c of spec.columns) {
        const v = c.validation;
        if (!v || !('range' in v)) continue;
        const m = /^=?'?([^'!]+)'?!/.exec(v.range);
        const name = m?.[1];
        if (name === undefined || this.wb.getWorksheet(name)) continue;
        this.generated.add(name);
        placeSheet(this.wb, this.wb.addWorksheet(name), this.generated);
      }
    }
  }
}

function checkGenerated(g: GeneratedSheet): void {
  if (g.name === META_SHEET) throw new XlsxHostError(`${META_SHEET} is not a generated sheet`);
  if (g.table !== undefined) {
    const seen = new Set<string>();
    for (const c of g.columns) {
      if (seen.has(c.header)) throw new XlsxHostError(`generated table ${g.table}: duplicate header "${c.header}" (Excel tables need unique headers)`);
      seen.add(c.header);
    }
  }
}
