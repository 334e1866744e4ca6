/**
 * Every write of one use case in one Excel.run, whose only write request is its last.
 *
 * Office.js queues commands on the request context and sends them at `context.sync()`; each sync
 * runs what was queued so far ("queue up multiple actions … and run them as a batch of commands
 * with a single call to sync()":
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model). What a
 * sync ran stays done: Excel has no undo for an add-in. So the batch is laid out as
 *
 *   1. probe (1 sync): which sheets and tables exist;
 *   2. probe (1 sync, only when appending to an existing table or a table-less sheet, or
 *      rebuilding a sheet that has charts): the header, formats and size of each target, the charts;
 *   3. checks and cell conversion, in JavaScript: a missing column, _meta given as a generated
 *      sheet, merges in a table … throw here, before anything is queued;
 *   4. every write queued, then one sync.
 *
 * Steps 1–2 only read, so a failure anywhere before step 4's sync (a refused request, a bug, a
 * throw in the use case's own code, the pane cancelled) leaves the workbook as it was, and Excel.run
 * sends nothing that was queued after the last sync. The one request that writes is refused whole
 * when it is too big (RequestPayloadSizeLimitExceeded, checked before it runs). What is not covered:
 * a command failing inside that request. Excel then keeps the commands before it and skips the
 * rest ("All other commands after the failed command in the batch are not executed",
 * https://learn.microsoft.com/javascript/api/office/officeextension.error, traceMessages example);
 * step 3 checks beforehand every cause of that we know of, and the commands are ordered so that what
 * is left is usable: an import is one rows.add; _meta's new rows are written over the old before
 * the rest is cleared, so it reads old or new, never empty (excel-typed.ts queueMeta); a generated
 * sheet left half-built is rebuilt by running the action again. Also not covered: a write larger than
 * one request (about 4 MB of cell data, e.g. 7,000 rows of Chinese text at once), which goes in
 * several requests (Excel on the web refuses more than 5 MB), each of which stays done.
 */
import { checkGenerated, queueReplaceGenerated, type TabPlan } from './excel-generated';
import { PayloadBatcher } from './excel-batch';
import { chunkRowsByPayload, estimateRowsBytes } from './excel-cells';
import { queueMeta, queueTypedTables, rowsUnderHeader } from './excel-typed';
import { GENERATED_SHEET_ORDER, META_SHEET } from '../../workbook/layout';
import type { BookWrite, Scalar, TypedTableSpec } from '../../workbook/port';

/** Where one table's appended rows go, learnt by the probes. */
type Target =
  | { kind: 'table'; spec: TypedTableSpec; labels: string[]; formats: readonly unknown[]; placeholder: boolean; probe?: TableProbe }
  | { kind: 'sheet'; spec: TypedTableSpec; labels: string[]; formats: string[]; row0: number; col0: number; header: boolean; used?: Excel.Range };

interface TableProbe {
  header: Excel.Range;
  body: Excel.Range;
  firstRow: Excel.Range;
}

/** A probe result under a name: Excel's sheet and table names are case-insensitive. */
const key = (name: string): string => name.toLowerCase();

export async function commitIn(ctx: Excel.RequestContext, writes: readonly BookWrite[], budget: number): Promise<void> {
  for (const w of writes) if (w.kind === 'replace') w.sheets.forEach(checkGenerated);
  // 1. What exists.
  const worksheets = ctx.workbook.worksheets.load('items/name');
  const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
  await ctx.sync();
  const plan: TabPlan = {
    order: worksheets.items.map((s) => s.name),
    sheets: new Map(worksheets.items.map((s) => [s.name, s])),
    tablesBySheet: new Map(),
    generated: new Set([...GENERATED_SHEET_ORDER, ...writes.flatMap((w) => (w.kind === 'replace' ? w.sheets.map((g) => g.name) : []))]),
    chartsBySheet: new Map(),
  };
  for (const t of tables.items) plan.tablesBySheet.set(t.worksheet.name, [...(plan.tablesBySheet.get(t.worksheet.name) ?? []), t]);
  const tableNames = new Set(tables.items.map((t) => key(t.name)));

  // 2. The append targets, following the batch's own creations (an initialize before an append).
  const { targets, ops } = planTargets(ctx, writes, tableNames, new Set(plan.order.map(key)));
  // And the charts on the existing sheets rebuilt with charts (ours are deleted before the rebuild).
  for (const w of writes) {
    if (w.kind !== 'replace') continue;
    for (const g of w.sheets) {
      const sheet = plan.sheets.get(g.name);
      if (sheet && (g.charts?.length ?? 0) > 0) plan.chartsBySheet.set(g.name, sheet.charts.load('items/name'));
    }
  }
  if (plan.chartsBySheet.size > 0 || [...targets.values()].some((t) => (t.kind === 'table' && t.probe) || (t.kind === 'sheet' && t.used))) await ctx.sync();
  for (const t of targets.values()) settleTarget(t);

  // 3. Cells converted (and columns checked) before anything is queued.
  const values = ops.map((w) => (w.kind === 'append' ? rowsFor(targets.get(key(w.spec.table)), w.spec, w.rows) : []));

  // 4. Every write, then one sync.
  const suspend = (): void => ctx.workbook.application.suspendApiCalculationUntilNextSync();
  suspend();
  const batcher = new PayloadBatcher(ctx, budget, suspend);
  let metaSheet = plan.sheets.get(META_SHEET);
  for (const [i, w] of ops.entries()) {
    if (w.kind === 'initialize' || w.kind === 'tables') {
      // Initializing never rewrites a user's sheet: an existing table, or a sheet of its name, stays as it is.
      const fresh = w.tables.filter((s) => !tableNames.has(key(s.table)) && !plan.sheets.has(s.sheet));
      for (const [name, sheet] of queueTypedTables(ctx, fresh, plan.order)) plan.sheets.set(name, sheet);
      for (const s of fresh) tableNames.add(key(s.table));
      if (w.kind === 'initialize') metaSheet = queueMeta(ctx, metaSheet, w.meta);
    } else if (w.kind === 'meta') {
      metaSheet = queueMeta(ctx, metaSheet, w.meta);
    } else if (w.kind === 'replace') {
      for (const gen of w.sheets) await queueReplaceGenerated(ctx, plan, gen, batcher);
    } else {
      const target = targets.get(key(w.spec.table));
      if (target) await queueAppend(ctx, target, values[i] ?? [], batcher);
    }
  }
  await batcher.flush();
}

/** The writes, with the creation of a table an append needs and nothing else creates (an older layout's book). */
type Op = BookWrite | { kind: 'tables'; tables: readonly TypedTableSpec[] };

/**
 * One target per appended table: an existing table (its header and first row read in probe 2), a
 * table this batch creates (its spec's header, an empty starter row), or a sheet that lost its
 * table (its used range read in probe 2). Queues probe 2's loads.
 */
function planTargets(ctx: Excel.RequestContext, writes: readonly BookWrite[], tables: ReadonlySet<string>, sheets: ReadonlySet<string>): { targets: Map<string, Target>; ops: Op[] } {
  const targets = new Map<string, Target>();
  const created = new Set<string>();
  const ops: Op[] = [];
  for (const w of writes) {
    if (w.kind === 'initialize') for (const s of w.tables) if (!tables.has(key(s.table)) && !sheets.has(key(s.sheet))) created.add(key(s.table));
    if (w.kind === 'append' && !targets.has(key(w.spec.table))) {
      const spec = w.spec;
      if (tables.has(key(spec.table))) {
        const table = ctx.workbook.tables.getItem(spec.table);
        const body = table.getDataBodyRange().load('rowCount');
        const probe = { header: table.getHeaderRowRange().load('values'), body, firstRow: body.getRow(0).load('values,numberFormat') };
        targets.set(key(spec.table), { kind: 'table', spec, labels: [], formats: [], placeholder: false, probe });
      } else if (created.has(key(spec.table)) || !sheets.has(key(spec.sheet))) {
        if (!created.has(key(spec.table))) ops.push({ kind: 'tables', tables: [spec] });
        created.add(key(spec.table));
        const formats = spec.columns.map((c) => c.numFmt ?? 'General');
        targets.set(key(spec.table), { kind: 'table', spec, labels: spec.columns.map((c) => c.header), formats, placeholder: true });
      } else {
        const used = ctx.workbook.worksheets.getItem(spec.sheet).getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex,rowCount');
        targets.set(key(spec.table), { kind: 'sheet', spec, labels: [], formats: [], row0: 0, col0: 0, header: false, used });
      }
    }
    ops.push(w);
  }
  return { targets, ops };
}

/** Fills a target in from what probe 2 read. */
function settleTarget(t: Target): void {
  if (t.kind === 'table' && t.probe) {
    t.labels = (t.probe.header.values[0] ?? []).map((v: unknown) => String(v ?? ''));
    // New rows take the formats of the table's columns as they are now (a user may have changed them).
    t.formats = t.probe.firstRow.numberFormat[0] ?? [];
    t.placeholder = t.probe.body.rowCount === 1 && (t.probe.firstRow.values[0] ?? []).every((v: unknown) => v === '' || v === null);
  } else if (t.kind === 'sheet' && t.used) {
    if (t.used.isNullObject) {
      // An empty sheet: the spec's header goes in row 1.
      Object.assign(t, { labels: t.spec.columns.map((c) => c.header), row0: 1, col0: 0, header: true });
    } else {
      Object.assign(t, { labels: (t.used.values[0] ?? []).map((v: unknown) => String(v ?? '')), row0: t.used.rowIndex + t.used.rowCount, col0: t.used.columnIndex });
    }
    t.formats = t.labels.map((label) => t.spec.columns.find((c) => c.header === label)?.numFmt ?? 'General');
  }
}

function rowsFor(t: Target | undefined, spec: TypedTableSpec, rows: readonly Scalar[][]): (string | number | boolean)[][] {
  return t === undefined ? [] : rowsUnderHeader(spec, t.labels, t.formats, rows);
}

/**
 * Queues appended rows: into a table with rows.add (no alwaysInsert: its documented default,
 * true, is what we want, and passing it at all needs ExcelApi 1.15, which perpetual Excel 2021
 * lacks), then drops the empty starter row (after the adds: a table keeps one body row); below a
 * table-less sheet's used range, formats first so codes stay text and dates dates.
 */
async function queueAppend(ctx: Excel.RequestContext, t: Target, values: (string | number | boolean)[][], batcher: PayloadBatcher): Promise<void> {
  if (values.length === 0) return;
  if (t.kind === 'table') {
    const table = ctx.workbook.tables.getItem(t.spec.table);
    for (const chunk of chunkRowsByPayload(values, batcher.budget)) {
      await batcher.reserve(estimateRowsBytes(chunk));
      table.rows.add(undefined, chunk);
    }
    if (t.placeholder) table.rows.getItemAt(0).delete();
    t.placeholder = false;
    return;
  }
  const sheet = ctx.workbook.worksheets.getItem(t.spec.sheet);
  if (t.header) sheet.getRangeByIndexes(0, 0, 1, t.labels.length).values = [t.labels];
  t.header = false;
  for (const chunk of chunkRowsByPayload(values, batcher.budget / 2)) {
    const fmt = chunk.map(() => t.formats);
    await batcher.reserve(estimateRowsBytes(chunk) + estimateRowsBytes(fmt));
    const block = sheet.getRangeByIndexes(t.row0, t.col0, chunk.length, t.labels.length);
    block.numberFormat = fmt;
    block.values = chunk;
    t.row0 += chunk.length;
  }
}
