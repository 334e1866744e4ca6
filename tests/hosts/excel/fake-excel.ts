/**
 * A small fake of the Excel JavaScript object model, enough for src/hosts/excel. It keeps the
 * rules that matter for the port's cost claims: commands are queued and run only at
 * context.sync(); a loaded property read before sync throws; *OrNullObject answers isNullObject
 * only after a sync; a request or a response (loaded values) over 5 MB is refused as Excel on
 * the web does. It counts syncs and
 * request sizes and logs every cell write.
 * Faults can be injected (`fault`): a request refused whole, or one command of it failing. As in
 * Office.js, the commands before a failing command of a request stay done and those after it never
 * run ("All other commands after the failed command in the batch are not executed":
 * https://learn.microsoft.com/javascript/api/office/officeextension.error, traceMessages example),
 * and when the batch function of Excel.run throws, what it queued after its last sync is never sent.
 * Not modelled: calculation (formula cells read as ''), styles beyond bold, merged cells,
 * events, the 5-million-cell read limit, A1-address getRange.
 */
import { FakeSheet, FakeTable } from './fake-excel-objects';
import { FakeProxy } from './fake-excel-proxy';
import { FakeExcelError, SheetState, WorkbookState, type Box } from './fake-excel-state';

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

/** Which request fails: `sync` counts from the fake's creation (compare `syncs`); without `command` the whole request is refused. */
export interface Fault {
  sync: number;
  command?: number;
}

export class FakeExcel {
  book = new WorkbookState();
  /** The next injected fault, cleared when it fires. */
  fault: Fault | undefined;
  /** Worksheet.onChanged handlers registered (and not removed), by sheet. */
  handlers: { sheet: SheetState; handler: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown> }[] = [];
  /** Called after every request that ran whole (tests watch the workbook change request by request). */
  afterSync: (() => void) | undefined;
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

  /** Stands in for Excel.run(context, batch): a batch on an existing context, flushed at the end. */
  readonly runWith = async <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const result = await batch(context);
    await context.sync();
    return result;
  };

  /** What Excel does after the user edits `address` on a sheet: each handler of that sheet gets the event. */
  async fireChanged(sheet: string, address: string): Promise<void> {
    const target = this.book.sheet(sheet);
    for (const h of this.handlers.filter((x) => x.sheet === target)) {
      await h.handler({ address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', worksheetId: sheet } as unknown as Excel.WorksheetChangedEventArgs);
    }
  }

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
    const fault = this.fake.fault;
    if (fault?.sync === this.fake.syncs) {
      this.fake.fault = undefined;
      for (const c of commands.slice(0, fault.command ?? 0)) c.run();
      throw new FakeExcelError('GeneralException', `injected fault at sync ${fault.sync}${fault.command === undefined ? '' : `, command ${fault.command}`}`);
    }
    if (bytes > REQUEST_LIMIT_BYTES) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `${bytes} bytes`);
    this.responseBytes = 0;
    for (const c of commands) c.run();
    const request = this.fake.requests[this.fake.requests.length - 1];
    if (request) request.responseBytes = this.responseBytes;
    // As Excel on the web: the commands ran, but the answer is refused.
    if (this.responseBytes > REQUEST_LIMIT_BYTES) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `${this.responseBytes} bytes`);
    this.fake.afterSync?.();
    await Promise.resolve();
  }
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

