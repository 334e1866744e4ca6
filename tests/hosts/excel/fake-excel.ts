/**
 * A small fake of the Excel JavaScript object model, enough for src/hosts/excel. It keeps the
 * rules that matter for the port's cost claims: commands are queued and run only at
 * context.sync(); a loaded property read before sync throws; *OrNullObject answers isNullObject
 * only after a sync; a request or a response (loaded values) over 5 MB is refused as Excel on
 * the web does. It counts syncs and
 * request sizes and logs every cell write.
 * Not modelled: calculation (formula cells read as ''), styles beyond bold, merged cells,
 * events, the 5-million-cell read limit, A1-address getRange.
 */
import { FakeExcelError, SheetState, TableState, WorkbookState, type Box, type RawValue, type Validation } from './fake-excel-state';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

interface Command {
  bytes: number;
  run: () => void;
}

export interface WriteLog {
  op: 'values' | 'formulas' | 'numberFormat' | 'rows.add';
  sheet: string;
  box: Box;
  data: unknown;
}

export class FakeExcel {
  readonly book = new WorkbookState();
  syncs = 0;
  runs = 0;
  suspendCalls = 0;
  readonly requests: { bytes: number; commands: number; responseBytes?: number }[] = [];
  readonly writes: WriteLog[] = [];

  /** Stands in for Excel.run. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync(); // Excel.run flushes what is left; a well-behaved caller leaves nothing
    return result;
  };

  /** Sync count of one port call. */
  async countSyncs(call: () => Promise<unknown>): Promise<number> {
    const before = this.syncs;
    await call();
    return this.syncs - before;
  }

  sheet(name: string): SheetState {
    const s = this.book.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

export class FakeContext {
  private queue: Command[] = [];
  /** Bytes of loaded values in the request being run. */
  responseBytes = 0;
  readonly workbook: FakeWorkbook;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes, run });
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    if (commands.length === 0) return; // Office sends no request for an empty queue
    const bytes = commands.reduce((n, c) => n + c.bytes, 0);
    this.fake.syncs++;
    this.fake.requests.push({ bytes, commands: commands.length });
    if (bytes > REQUEST_LIMIT_BYTES) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `${bytes} bytes`);
    this.responseBytes = 0;
    for (const c of commands) c.run();
    const request = this.fake.requests[this.fake.requests.length - 1];
    if (request) request.responseBytes = this.responseBytes;
    // As Excel on the web: the commands ran, but the answer is refused.
    if (this.responseBytes > REQUEST_LIMIT_BYTES) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `${this.responseBytes} bytes`);
    await Promise.resolve();
  }
}

function payload(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data)) + 100;
}

abstract class FakeProxy<S> {
  protected readonly loaded = new Map<string, unknown>();
  private cached: S | undefined;
  constructor(
    protected readonly ctx: FakeContext,
    private readonly locate: () => S | undefined,
    nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue(0, () => {
        const s = locate();
        this.loaded.set('isNullObject', s === undefined);
        if (s !== undefined) this.cached = s;
      });
    }
  }
  get isNullObject(): boolean {
    return this.get('isNullObject') as boolean;
  }
  state(): S {
    if (this.cached === undefined) {
      const s = this.locate();
      if (s === undefined) throw new FakeExcelError('ItemNotFound', this.constructor.name);
      this.cached = s;
    }
    return this.cached;
  }
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new FakeExcelError('PropertyNotLoaded', `${prop} read before load and sync`);
    return this.loaded.get(prop);
  }
  load(props: string): this {
    const names = props.split(',').map((s) => s.trim());
    this.ctx.enqueue(50, () => {
      if (this.loaded.get('isNullObject') === true) return; // a null object loads nothing, without error
      for (const n of names) {
        const value = this.readProp(n);
        this.loaded.set(n, value);
        if (n === 'values') this.ctx.responseBytes += payload(value);
      }
    });
    return this;
  }
  protected act(bytes: number, f: (s: S) => void): void {
    this.ctx.enqueue(bytes, () => f(this.state()));
  }
  protected abstract readProp(name: string): unknown;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.enqueue(20, () => ctx.fake.suspendCalls++),
    };
  }
}

class FakeWorksheets extends FakeProxy<WorkbookState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fake.book);
  }
  get items(): FakeSheet[] {
    return this.get('items') as FakeSheet[];
  }
  getItem(name: string): FakeSheet {
    return new FakeSheet(this.ctx, () => this.ctx.fake.book.sheet(name));
  }
  getItemOrNullObject(name: string): FakeSheet {
    return new FakeSheet(this.ctx, () => this.ctx.fake.book.sheet(name), true);
  }
  add(name: string): FakeSheet {
    let created: SheetState | undefined;
    this.act(100, (book) => {
      if (book.sheet(name)) throw new FakeExcelError('ItemAlreadyExists', name);
      created = new SheetState(name);
      book.sheets.push(created);
    });
    return new FakeSheet(this.ctx, () => created);
  }
  protected readProp(name: string): unknown {
    if (name !== 'items') throw new FakeExcelError('InvalidArgument', name);
    return this.state().sheets.map((s) => {
      const proxy = new FakeSheet(this.ctx, () => s);
      for (const p of ['name', 'position', 'visibility']) proxy.preload(p);
      return proxy;
    });
  }
  override load(props: string): this {
    if (!props.split(',').every((p) => p.trim().startsWith('items/'))) throw new Error('the host loads only items/… of worksheets');
    return super.load('items');
  }
}

class FakeSheet extends FakeProxy<SheetState> {
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
  /** Recorded by path into SheetState.page; not checked against the real PageLayout API. */
  readonly pageLayout = recorder('', (path, value) => this.act(payload(value), (s) => s.page.set(path, value))) as Excel.PageLayout;
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

class FakeTables extends FakeProxy<WorkbookState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fake.book);
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, () => this.ctx.fake.book.table(name));
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, () => this.ctx.fake.book.table(name), true);
  }
  get items(): FakeTable[] {
    return this.get('items') as FakeTable[];
  }
  override load(props: string): this {
    const wanted = props.split(',').map((p) => p.trim());
    if (!wanted.every((p) => p === 'items/name' || p === 'items/worksheet/name')) throw new Error(`tables.load(${props}) not modelled`);
    return super.load('items');
  }
  protected readProp(name: string): unknown {
    if (name !== 'items') throw new FakeExcelError('InvalidArgument', `tables.${name}`);
    return [...this.state().tables.values()].map((t) => {
      const proxy = new FakeTable(this.ctx, () => t);
      proxy.preload();
      return proxy;
    });
  }
}

class FakeTable extends FakeProxy<TableState> {
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
      if (!alwaysInsert) throw new Error('the host asks for alwaysInsert');
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

interface RangeState {
  sheet: SheetState;
  box: Box;
}

class FakeRange extends FakeProxy<RangeState> {
  readonly format: Excel.RangeFormat;
  readonly dataValidation: { rule: Excel.DataValidationRule; ignoreBlanks: boolean; errorAlert: Excel.DataValidationErrorAlert };
  constructor(ctx: FakeContext, locate: () => RangeState | undefined, nullable = false) {
    super(ctx, locate, nullable);
    const act = (bytes: number, f: (r: RangeState) => void): void => this.act(bytes, f);
    // Bold and widths are modelled; every other format setting is recorded by its path.
    this.format = recorder('', (path, value) =>
      act(payload(value), ({ sheet, box }) => {
        if (path === 'font.bold') eachCell(sheet, box, (cell) => (cell.bold = value as boolean));
        else if (path === 'columnWidth') for (let c = box.col0; c < box.col0 + box.cols; c++) sheet.columnWidths.set(c, value as number);
        else sheet.styles.push({ box, path, value });
      }),
    ) as Excel.RangeFormat;
    // The rule is set first; ignoreBlanks and errorAlert then refine the latest rule on the range.
    const latest = ({ sheet, box }: RangeState): Validation => {
      const v = [...sheet.validations].reverse().find((x) => JSON.stringify(x.box) === JSON.stringify(box));
      if (!v) throw new FakeExcelError('InvalidOperation', 'set dataValidation.rule first');
      return v;
    };
    this.dataValidation = {
      get rule(): Excel.DataValidationRule {
        throw new Error('not modelled');
      },
      set rule(rule: Excel.DataValidationRule) {
        act(payload(rule), ({ sheet, box }) => sheet.validations.push({ box, rule }));
      },
      get ignoreBlanks(): boolean {
        throw new Error('not modelled');
      },
      set ignoreBlanks(v: boolean) {
        act(20, (r) => (latest(r).ignoreBlanks = v));
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        throw new Error('not modelled');
      },
      set errorAlert(v: Excel.DataValidationErrorAlert) {
        act(payload(v), (r) => (latest(r).errorAlert = v));
      },
    };
  }
  get values(): RawValue[][] {
    return this.get('values') as RawValue[][];
  }
  set values(v: RawValue[][]) {
    this.write('values', v);
  }
  get formulas(): RawValue[][] {
    return this.get('formulas') as RawValue[][];
  }
  set formulas(v: RawValue[][]) {
    this.write('formulas', v);
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat') as string[][];
  }
  set numberFormat(v: string[][]) {
    this.write('numberFormat', v);
  }
  get rowIndex(): number {
    return this.get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.get('columnIndex') as number;
  }
  get rowCount(): number {
    return this.get('rowCount') as number;
  }
  get columnCount(): number {
    return this.get('columnCount') as number;
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.state();
      return { sheet, box: { ...box, row0: box.row0 + i, rows: 1 } };
    });
  }
  clear(applyTo: 'All' | 'Contents' = 'All'): void {
    this.act(20, ({ sheet, box }) => {
      if (sheet.protection) throw new FakeExcelError('AccessDenied', `sheet ${sheet.name} is protected`);
      const inside = (r: number, c: number): boolean => r >= box.row0 && r < box.row0 + box.rows && c >= box.col0 && c < box.col0 + box.cols;
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        if (!inside(r, c)) continue;
        if (applyTo === 'All') sheet.cells.delete(key);
        else {
          cell.value = '';
          delete cell.formula;
        }
      }
    });
  }
  unmerge(): void {
    this.act(20, ({ sheet, box }) => {
      const inside = (m: Box): boolean => m.row0 >= box.row0 && m.col0 >= box.col0 && m.row0 + m.rows <= box.row0 + box.rows && m.col0 + m.cols <= box.col0 + box.cols;
      sheet.merges = sheet.merges.filter((m) => !inside(m));
    });
  }
  merge(across?: boolean): void {
    this.act(20, ({ sheet, box }) => {
      if (across) throw new Error('the host merges whole blocks');
      const overlaps = sheet.merges.some((m) => m.row0 < box.row0 + box.rows && box.row0 < m.row0 + m.rows && m.col0 < box.col0 + box.cols && box.col0 < m.col0 + m.cols);
      if (overlaps) throw new FakeExcelError('InvalidOperation', 'merge over a merged area');
      sheet.merges.push(box);
    });
  }
  select(): void {
    this.act(20, ({ sheet, box }) => (sheet.selected = { row0: box.row0, col0: box.col0 }));
  }
  private write(op: 'values' | 'formulas' | 'numberFormat', data: unknown): void {
    this.act(payload(data), ({ sheet, box }) => {
      sheet.write(box, data, op);
      this.ctx.fake.writes.push({ op, sheet: sheet.name, box, data });
    });
  }
  protected readProp(name: string): unknown {
    const { sheet, box } = this.state();
    if (name === 'values' || name === 'formulas' || name === 'numberFormat') return sheet.read(box, name);
    if (name === 'rowIndex') return box.row0;
    if (name === 'columnIndex') return box.col0;
    if (name === 'rowCount') return box.rows;
    if (name === 'columnCount') return box.cols;
    throw new FakeExcelError('InvalidArgument', `range.${name}`);
  }
}

function eachCell(sheet: SheetState, box: Box, f: (cell: { value: RawValue; formula?: string; bold?: boolean }) => void): void {
  if (sheet.protection) throw new FakeExcelError('AccessDenied', `sheet ${sheet.name} is protected`);
  for (let r = box.row0; r < box.row0 + box.rows; r++) {
    for (let c = box.col0; c < box.col0 + box.cols; c++) {
      const key = `${r},${c}`;
      const cell = sheet.cells.get(key) ?? { value: '' };
      f(cell);
      sheet.cells.set(key, cell);
    }
  }
}

/**
 * An object that accepts any property path: assignments, `set({...})` (flattened to paths),
 * `getItem(name)` (a path step) and method calls (recorded as 'path()' with the arguments).
 */
function recorder(path: string, onSet: (path: string, value: unknown) => void): unknown {
  const join = (p: string): string => (path === '' ? p : `${path}.${p}`);
  const flatten = (prefix: string, obj: object): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && k !== 'zoom') flatten(`${prefix}${k}.`, v as object);
      else onSet(join(`${prefix}${k}`), v);
    }
  };
  return new Proxy(() => undefined, {
    get: (_t, prop) => {
      if (typeof prop !== 'string') return undefined;
      if (prop === 'set') return (obj: object) => flatten('', obj);
      if (prop === 'getItem') return (name: string) => recorder(join(name), onSet);
      return recorder(join(prop), onSet);
    },
    set: (_t, prop, value) => {
      onSet(join(String(prop)), value);
      return true;
    },
    apply: (_t, _this, args) => onSet(`${path}()`, args),
  });
}
