/**
 * Rebuilding generated sheets (科目余额表, 资产负债表 …) whole, queued into a batch by
 * excel-commit.ts: no sync of its own unless the cell data passes the ~4 MB request budget.
 *
 * An existing sheet is emptied in place rather than deleted: Excel turns references to a
 * deleted sheet into #REF!, and the account-code validation of typed-in sheets and people's
 * own formulas point at generated sheets (科目表, 科目余额表).
 */
import { isFormulaCell, type GeneratedSheet } from '../../workbook/port';
import { META_SHEET } from '../../workbook/layout';
import { PayloadBatcher } from './excel-batch';
import { ExcelHostError, chunkRowsByPayload, estimateRowsBytes, toExcelInput, toFormulaInput } from './excel-cells';
import { placeSheetName } from './excel-order';
import { deleteOurCharts, queueCharts } from './excel-charts';
import { drawGrid, setColumnWidths, setupPage, styleHeader, styleTitle } from './excel-style';
import { orientationOf, printedColumns } from '../../workbook/print';

/** Generated sheets are read-only to people (they are rebuilt anyway) but may be formatted and selected. */
export const GENERATED_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
  selectionMode: 'Normal',
};

export function checkGenerated(g: GeneratedSheet): void {
  if (g.name === META_SHEET) throw new ExcelHostError('not-generated', `${META_SHEET} 不是生成表`, `${META_SHEET} is not a generated sheet`);
  if (g.table !== undefined && (g.merges?.length ?? 0) > 0) {
    throw new ExcelHostError('merge-in-table', `生成表 ${g.name} 的表格中不能合并单元格`, `Generated table ${g.table} cannot hold merged cells`);
  }
  const headers = g.columns.map((c) => c.header);
  if (g.table !== undefined && new Set(headers).size !== headers.length) {
    throw new ExcelHostError('duplicate-header', `生成表 ${g.name} 的列名重复`, `Generated table ${g.table} has duplicate headers (Excel tables need unique headers)`);
  }
}

/** What a batch knows of the workbook's tabs, kept current as commands are queued (excel-commit.ts). */
export interface TabPlan {
  /** Tab names in order, as they will be once the queued commands run. */
  order: string[];
  /** Sheets by name: those the probe found and those added earlier in this batch. */
  sheets: Map<string, Excel.Worksheet>;
  /** Tables the probe found, by the name of their sheet. */
  tablesBySheet: Map<string, Excel.Table[]>;
  /** Names that count as generated when placing a new tab: the layout's and every one this batch rebuilds. */
  generated: Set<string>;
  /** Charts of the existing sheets this batch rebuilds with charts, as loaded by the second probe. */
  chartsBySheet: Map<string, Excel.ChartCollection>;
}

/**
 * Queues the rebuild of one generated sheet: an existing one is emptied in place (its tables
 * deleted, unprotected, unmerged, cleared, unfrozen, page breaks removed), a new one is added in
 * its layout place. Syncs only when the batcher's request budget says so.
 */
export async function queueReplaceGenerated(ctx: Excel.RequestContext, plan: TabPlan, gen: GeneratedSheet, batcher: PayloadBatcher): Promise<void> {
  const old = plan.sheets.get(gen.name);
  let sheet: Excel.Worksheet;
  if (old) {
    old.protection.unprotect();
    for (const t of plan.tablesBySheet.get(gen.name) ?? []) t.delete();
    plan.tablesBySheet.delete(gen.name);
    const everything = old.getRange();
    everything.unmerge(); // the old title merge may not match the new width
    everything.clear('All');
    old.freezePanes.unfreeze();
    old.horizontalPageBreaks.removePageBreaks(); // the new content breaks where it needs to
    const charts = plan.chartsBySheet.get(gen.name);
    if (charts) deleteOurCharts(charts); // clear('All') leaves charts, which float over the cells
    sheet = old;
  } else {
    sheet = ctx.workbook.worksheets.add(gen.name);
    sheet.position = placeSheetName(plan.order, gen.name, plan.generated);
    plan.sheets.set(gen.name, sheet);
  }
  await queueGeneratedSheet(sheet, batcher, gen);
}

/**
 * Wrapped columns, merged blocks and page breaks of the body. Merges are refused with a table
 * (Excel tables cannot hold merged cells); a break before row 0 would only add a blank page.
 * Page breaks are ExcelApi 1.9 (Worksheet.horizontalPageBreaks.add: a break above the range).
 */
function queueBodyLayout(sheet: Excel.Worksheet, gen: GeneratedSheet, bodyRow: number): void {
  const rows = Math.max(1, gen.rows.length);
  gen.columns.forEach((c, j) => {
    if (c.wrap === true) sheet.getRangeByIndexes(bodyRow, j, rows, 1).format.wrapText = true;
  });
  for (const m of gen.merges ?? []) sheet.getRangeByIndexes(bodyRow + m.row, m.col, m.rows, m.cols).merge(false);
  for (const r of gen.print?.rowBreaks ?? []) {
    if (r > 0 && r < gen.rows.length) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(bodyRow + r, 0, 1, 1));
  }
}

/** Title lines, header, body (numberFormat then formulas, in row blocks), totals, table, print setup, protection. */
async function queueGeneratedSheet(sheet: Excel.Worksheet, batcher: PayloadBatcher, gen: GeneratedSheet): Promise<void> {
  const n = gen.columns.length;
  const titleRows = gen.title.length;
  const headerRow = titleRows;
  const bodyRow = titleRows + 1;
  if (titleRows > 0) {
    sheet.getRangeByIndexes(0, 0, titleRows, 1).values = gen.title.map((t) => [toExcelInput(t, undefined)]);
    styleTitle(sheet, Math.max(1, n));
  }
  if (n === 0) {
    sheet.protection.protect(GENERATED_PROTECTION);
    return;
  }
  const header = sheet.getRangeByIndexes(headerRow, 0, 1, n);
  header.values = [gen.columns.map((c) => toExcelInput(c.header, undefined))];
  styleHeader(header);

  // Body in row blocks under the request budget; formats before values so '@' columns keep
  // text. A formula in a '@' column gets 'General', or Excel would keep it as text.
  const body = gen.rows.map((row) => gen.columns.map((c, j) => toFormulaInput(row[j] ?? null, c.numFmt)));
  const formats = gen.rows.map((row) =>
    gen.columns.map((c, j) => {
      const fmt = c.numFmt ?? 'General';
      return fmt === '@' && isFormulaCell(row[j] ?? null) ? 'General' : fmt;
    }),
  );
  let at = 0;
  for (const chunk of chunkRowsByPayload(body, batcher.budget / 2)) {
    const fmt = formats.slice(at, at + chunk.length);
    await batcher.reserve(estimateRowsBytes(chunk) + estimateRowsBytes(fmt));
    const block = sheet.getRangeByIndexes(bodyRow + at, 0, chunk.length, n);
    block.numberFormat = fmt;
    block.formulas = chunk;
    drawGrid(block);
    at += chunk.length;
  }
  for (const r of [...(gen.totalRows ?? []), ...(gen.boldRows ?? [])]) {
    if (r >= 0 && r < gen.rows.length) sheet.getRangeByIndexes(bodyRow + r, 0, 1, n).format.font.bold = true;
  }
  queueBodyLayout(sheet, gen, bodyRow);
  setColumnWidths(sheet, gen.columns, headerRow);
  sheet.freezePanes.freezeRows(headerRow + 1);
  const printed = printedColumns(gen.columns);
  setupPage(sheet, {
    orientation: orientationOf(gen),
    fitToHeight: gen.print?.fitToHeight ?? 0,
    repeatRows: headerRow + 1,
    area: { cols: printed, rows: bodyRow + Math.max(1, gen.rows.length) },
  });

  if (gen.table !== undefined) {
    // A table needs a body row; an empty report gets one blank row.
    const table = sheet.tables.add(sheet.getRangeByIndexes(headerRow, 0, 1 + Math.max(1, gen.rows.length), n), true);
    table.name = gen.table;
    table.style = 'TableStyleLight1';
    table.showBandedRows = false;
    table.showFilterButton = false;
  }
  queueCharts(sheet, gen, headerRow, bodyRow);
  sheet.protection.protect(GENERATED_PROTECTION);
}
