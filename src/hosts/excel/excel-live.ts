/**
 * Watching the accountant's edits for the live checks (issue 10). A handler on each watched
 * sheet's `onChanged` event (Worksheet.onChanged, ExcelApi 1.7:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-onchanged-member)
 * gets the changed area's address (WorksheetChangedEventArgs.address, ExcelApi 1.7) with the
 * event, so taking an edit costs no request at all. Edits are gathered until the accountant pauses
 * (debounced), then handed over at once: one check per burst, whatever the number of rows or
 * events. Handlers are removed with the request context they were added in, as Microsoft's
 * events article requires ("Remove an event handler",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
 * Registering costs 2 syncs (which sheets exist; add the handlers), stopping 1.
 */
import { mergeSpans, rowSpansOfAddress, type EditedRows, type RowSpan } from '../../workbook/edits';
import { defaultRun, type ExcelRun } from './excel-batch';

/** `Excel.run(context, batch)`: a batch on an existing request context (removing handlers needs theirs). */
export type ExcelRunWith = <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const defaultRunWith: ExcelRunWith = (context, batch) => Excel.run(context, batch);

/** Timers, passed in so tests need not wait. */
export interface Timers {
  set(f: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = { set: (f, ms) => setTimeout(f, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export interface WatchOptions {
  run?: ExcelRun;
  runWith?: ExcelRunWith;
  /** Quiet time after the last edit before the burst is handed over (default 400 ms). */
  debounceMs?: number;
  timers?: Timers;
}

export interface EditWatch {
  /** Removes the handlers; edits not yet handed over are dropped. */
  stop(): Promise<void>;
}

/** Watches the named sheets (those that exist now) and calls `onEdits` once per burst of edits. */
export async function watchEdits(sheets: readonly string[], onEdits: (edits: EditedRows[]) => void, opts: WatchOptions = {}): Promise<EditWatch> {
  const run = opts.run ?? defaultRun;
  const timers = opts.timers ?? realTimers;
  const pending = new Map<string, RowSpan[]>();
  let timer: unknown;
  const flush = (): void => {
    timer = undefined;
    const edits = [...pending].map(([sheet, spans]) => ({ sheet, spans: mergeSpans(spans) }));
    pending.clear();
    if (edits.length > 0) onEdits(edits);
  };
  const take = (sheet: string, address: string): void => {
    pending.set(sheet, mergeSpans([...(pending.get(sheet) ?? []), ...rowSpansOfAddress(address)]));
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(flush, opts.debounceMs ?? 400);
  };
  const handlers = await run(async (ctx) => {
    const all = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const added = all.items
      .filter((ws) => sheets.includes(ws.name))
      .map((ws) => {
        const name = ws.name;
        return ws.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => take(name, e.address));
      });
    await ctx.sync();
    return added;
  });
  return {
    stop: async () => {
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      pending.clear();
      const first = handlers[0];
      if (!first) return;
      await (opts.runWith ?? defaultRunWith)(first.context as Excel.RequestContext, async (ctx) => {
        for (const h of handlers) h.remove();
        await ctx.sync();
      });
    },
  };
}
