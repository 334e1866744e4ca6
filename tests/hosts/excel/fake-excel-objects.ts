/**
 * The worksheet and table proxies of the fake Excel object model (see fake-excel.ts).
 * Setters and methods queue commands on the context; loads fill in at sync.
 */
import { FakeExcelError, type RawValue, type SheetState, TableState } from './fake-excel-state';
import { FakeProxy, payload, recorder } from './fake-excel-proxy';
import { FakeRange } from './fake-excel-range';
import { FakeCharts } from './fake-excel-charts';

export class FakeSheet extends FakeProxy<SheetState> {
  readonly tables = { add: (range: FakeRange, hasHeaders: boolean) => this.addTable(range, hasHeaders) };
  readonly freezePanes = {
    freezeRows: (n: number) => this.act(20, (s) => (s.frozenRows = n)),
    unfreeze: () => this.act(20, (s) => (s.frozenRows = 0)),
  };
  readonly protection = {
    protect: (options?: Excel.WorksheetProtectionOptions, password?: string) =>
      this.act(100, (s) => {
        if (password !== undefined) throw new Error('generated sheets are protected without password');
        s.protection = options ?? {};
      }),
    unprotect: () => this.act(20, (s) => (s.protection = undefined)),
  };
  /** PageBreakCollection (ExcelApi 1.9): add() puts a break above the range's top-left cell. */
  readonly horizontalPageBreaks = {
    add: (range: FakeRange) => this.ctx.enqueue(20, () => {
      const { sheet, box } = range.state();
      if (sheet !== this.state()) throw new FakeExcelError('InvalidArgument', 'page break range on another sheet');
      if (!sheet.pageBreaks.includes(box.row0)) sheet.pageBreaks.push(box.row0);
    }),
    removePageBreaks: () => this.act(20, (s) => (s.pageBreaks = [])),
  };
  /**
   * Worksheet.onChanged (ExcelApi 1.7): add() registers at sync and returns an EventHandlerResult
   * whose remove() is queued on the same context (FakeExcel.fireChanged calls the handlers).
   */
  readonly onChanged = {
    add: (handler: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
      this.ctx.enqueue(20, () => this.ctx.fake.handlers.push({ sheet: this.state(), handler }));
      return {
        context: this.ctx,
        remove: () => this.ctx.enqueue(20, () => {
          const fake = this.ctx.fake;
          fake.handlers = fake.handlers.filter((h) => h.handler !== handler);
        }),
      };
    },
  };
  /** Recorded by path into SheetState.page; not checked against the real PageLayout API. */
  readonly pageLayout = recorder('', (path, value) => this.act(payload(value), (s) => s.page.set(path, value))) as Excel.PageLayout;
  get charts(): FakeCharts {
    return new FakeCharts(this.ctx, () => this.state());
  }
  preload(prop: string): void {
    this.loaded.set(prop, this.readProp(prop));
  }
  get name(): string {
    return this.get('name') as string;
  }
  set name(v: string) {
    this.act(50, (s) => {
      if (this.ctx.fake.book.sheet(v)) throw new FakeExcelError('ItemAlreadyExists', v);
      s.name = v;
    });
  }
  get position(): number {
    return this.get('position') as number;
  }
  set position(p: number) {
    this.act(20, (s) => {
      const sheets = this.ctx.fake.book.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(p, 0, s);
    });
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.act(20, (s) => (s.visibility = v));
  }
  getRangeByIndexes(row0: number, col0: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.state(), box: { row0, col0, rows, cols } }));
  }
  /** Without an address: the whole sheet (the only form the host uses). */
  getRange(address?: string): FakeRange {
    if (address !== undefined) throw new Error('A1 addresses are not modelled');
    return this.getRangeByIndexes(0, 0, 1_048_576, 16_384);
  }
  getCell(row0: number, col0: number): FakeRange {
    return this.getRangeByIndexes(row0, col0, 1, 1);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const box = this.state().usedBox();
      return box && { sheet: this.state(), box };
    }, true);
  }
  delete(): void {
    this.act(20, (s) => {
      const book = this.ctx.fake.book;
      if (book.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeExcelError('InvalidOperation', 'last visible sheet');
      book.sheets = book.sheets.filter((x) => x !== s);
      for (const [k, t] of book.tables) if (t.sheet === s) book.tables.delete(k);
    });
  }
  activate(): void {
    this.act(20, (s) => (this.ctx.fake.book.active = s));
  }
  private addTable(range: FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    this.ctx.enqueue(100, () => {
      const { sheet, box } = range.state();
      if (!hasHeaders) throw new Error('the host always creates tables with headers');
      const book = this.ctx.fake.book;
      const name = `Table${book.tables.size + 1}`;
      created = new TableState(name, sheet, box.row0, box.col0, box.cols, Math.max(1, box.rows - 1));
      book.tables.set(name, created);
    });
    return new FakeTable(this.ctx, () => created);
  }
  protected readProp(name: string): unknown {
    const s = this.state();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    if (name === 'position') return this.ctx.fake.book.sheets.indexOf(s);
    throw new FakeExcelError('InvalidArgument', `sheet.${name}`);
  }
}

export class FakeTable extends FakeProxy<TableState> {
  readonly rows = {
    add: (index: number | undefined, values: RawValue[][], alwaysInsert?: boolean) => this.addRows(index, values, alwaysInsert),
    getItemAt: (i: number) => ({ delete: () => this.act(20, (t) => deleteBodyRow(t, i)) }),
  };
  readonly columns = {
    getItemAt: (j: number) => ({
      getDataBodyRange: () => new FakeRange(this.ctx, () => {
        const t = this.state();
        return { sheet: t.sheet, box: { ...t.bodyBox(), col0: t.col0 + j, cols: 1 } };
      }),
    }),
  };
  get name(): string {
    return this.get('name') as string;
  }
  set name(v: string) {
    this.act(50, (t) => {
      const book = this.ctx.fake.book;
      if (book.table(v) && book.table(v) !== t) throw new FakeExcelError('ItemAlreadyExists', `table ${v}`);
      book.tables.delete(t.name);
      t.name = v;
      book.tables.set(v, t);
    });
  }
  set style(v: string) {
    this.act(20, (t) => (t.props.style = v));
  }
  set showBandedRows(v: boolean) {
    this.act(20, (t) => (t.props.showBandedRows = v));
  }
  set showFilterButton(v: boolean) {
    this.act(20, (t) => (t.props.showFilterButton = v));
  }
  private loadedSheet: FakeSheet | undefined;
  /** As loaded by tables.load('items/name,items/worksheet/name'). */
  preload(): void {
    this.loaded.set('name', this.state().name);
    this.loadedSheet = new FakeSheet(this.ctx, () => this.state().sheet);
    this.loadedSheet.preload('name');
  }
  get worksheet(): FakeSheet {
    return this.loadedSheet ?? new FakeSheet(this.ctx, () => this.state().sheet);
  }
  delete(): void {
    this.act(20, (t) => {
      const book = this.ctx.fake.book;
      for (const [k, x] of book.tables) if (x === t) book.tables.delete(k);
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.state().sheet, box: this.state().headerBox() }));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.state().sheet, box: this.state().bodyBox() }));
  }
  private addRows(index: number | undefined, values: RawValue[][], alwaysInsert?: boolean): void {
    this.act(payload(values), (t) => {
      if (index !== undefined && index !== null) throw new Error('the host appends at the end');
      // The fake is an Excel 2021 (ExcelApi 1.14, what the manifest declares): the alwaysInsert
      // parameter came in 1.15. Without it the documented default, true, inserts into the table.
      if (alwaysInsert !== undefined) throw new FakeExcelError('ApiNotFound', 'rows.add(…, alwaysInsert) needs ExcelApi 1.15');
      const at = t.row0 + 1 + t.bodyRows;
      // New table rows take the number formats of the last body row, as Excel extends a table.
      const formats = t.sheet.read({ ...t.bodyBox(), row0: at - 1, rows: 1 }, 'numberFormat')[0] ?? [];
      t.sheet.shiftRows(at, t.col0, t.cols, values.length);
      const box = { row0: at, col0: t.col0, rows: values.length, cols: t.cols };
      t.sheet.write(box, values.map(() => formats), 'numberFormat');
      t.sheet.write(box, values, 'values');
      t.bodyRows += values.length;
      this.ctx.fake.writes.push({ op: 'rows.add', sheet: t.sheet.name, box, data: values });
    });
  }
  protected readProp(name: string): unknown {
    if (name === 'name') return this.state().name;
    throw new FakeExcelError('InvalidArgument', `table.${name}`);
  }
}

function deleteBodyRow(t: TableState, i: number): void {
  if (t.bodyRows <= 1) throw new FakeExcelError('InvalidOperation', 'a table keeps one body row');
  const r = t.row0 + 1 + i;
  for (let c = t.col0; c < t.col0 + t.cols; c++) t.sheet.cells.delete(`${r},${c}`);
  t.sheet.shiftRows(r + 1, t.col0, t.cols, -1);
  t.bodyRows--;
}

