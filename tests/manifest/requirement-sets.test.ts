/**
 * The manifest asks for the lowest requirement sets the code really uses, so the add-in loads on
 * the Excel villages have (perpetual Excel 2021 stops at ExcelApi 1.14). The TABLE below lists
 * every Excel API member the source touches with the ExcelApi version that introduced it, as the
 * Office.js reference says (https://learn.microsoft.com/javascript/api/excel/excel.<class>, the
 * "[Api set: ExcelApi …]" remark of each member; @types/office-js carries the same remarks and
 * the test checks the table against them). The source is scanned with the TypeScript checker, so
 * a new Excel call fails this test until it is added here, and the manifest must then cover it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { scanExcelApi, type ApiUse } from './excel-api-scan';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ROOT = join(__dirname, '..', '..');

/**
 * Member → the ExcelApi set that introduced it. A member the reference gives no set for (load,
 * set, items) comes with its object (PageLayout.set with PageLayout, 1.9); Excel.run and
 * RequestContext are the 1.1 foundation.
 */
const TABLE: Record<string, string> = {
  'Excel.run': '1.1',
  'RequestContext.workbook': '1.1',
  'Workbook.application': '1.1',
  'Workbook.tables': '1.1',
  'Workbook.worksheets': '1.1',
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'WorksheetCollection.add': '1.1',
  'WorksheetCollection.getItem': '1.1',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'WorksheetCollection.items': '1.1',
  'WorksheetCollection.load': '1.1',
  'Worksheet.activate': '1.1',
  'Worksheet.freezePanes': '1.7',
  'Worksheet.getCell': '1.1',
  'Worksheet.getRange': '1.1',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.load': '1.1',
  'Worksheet.name': '1.1',
  // Live checks (excel-live.ts): the change event and the address it carries.
  'Worksheet.onChanged': '1.7',
  'WorksheetChangedEventArgs.address': '1.7',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.horizontalPageBreaks': '1.9',
  'PageBreakCollection.add': '1.9',
  'PageBreakCollection.removePageBreaks': '1.9',
  'RangeFormat.wrapText': '1.1',
  'DataValidation.prompt': '1.8',
  'Worksheet.position': '1.1',
  'Worksheet.protection': '1.2',
  'Worksheet.tables': '1.1',
  'Worksheet.visibility': '1.1',
  // "1.2 for options; 1.7 for password": we pass options, no password.
  'WorksheetProtection.protect': '1.2',
  'WorksheetProtection.unprotect': '1.7',
  'WorksheetFreezePanes.freezeRows': '1.7',
  'WorksheetFreezePanes.unfreeze': '1.7',
  'PageLayout.headersFooters': '1.9',
  'PageLayout.set': '1.9',
  'PageLayout.setPrintArea': '1.9',
  'PageLayout.setPrintMargins': '1.9',
  'PageLayout.setPrintTitleRows': '1.9',
  'HeaderFooter.centerFooter': '1.9',
  'HeaderFooterGroup.defaultForAllPages': '1.9',
  'Range.clear': '1.1',
  'Range.columnCount': '1.1',
  'Range.columnIndex': '1.1',
  'Range.dataValidation': '1.8',
  'Range.format': '1.1',
  'Range.formulas': '1.1',
  'Range.getRow': '1.1',
  'Range.load': '1.1',
  'Range.merge': '1.2',
  'Range.numberFormat': '1.1',
  'Range.rowCount': '1.1',
  'Range.rowIndex': '1.1',
  'Range.select': '1.1',
  'Range.unmerge': '1.2',
  'Range.values': '1.1',
  'RangeFormat.borders': '1.1',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.font': '1.1',
  'RangeFormat.set': '1.1',
  'RangeFont.bold': '1.1',
  'RangeBorderCollection.getItem': '1.1',
  'RangeBorder.color': '1.1',
  'RangeBorder.style': '1.1',
  'DataValidation.errorAlert': '1.8',
  'DataValidation.ignoreBlanks': '1.8',
  'DataValidation.rule': '1.8',
  'TableCollection.add': '1.1',
  'TableCollection.getItem': '1.1',
  'TableCollection.getItemOrNullObject': '1.4',
  'TableCollection.items': '1.1',
  'TableCollection.load': '1.1',
  'Table.columns': '1.1',
  'Table.delete': '1.1',
  'Table.getDataBodyRange': '1.1',
  'Table.getHeaderRowRange': '1.1',
  'Table.load': '1.1',
  'Table.name': '1.1',
  'Table.rows': '1.1',
  'Table.showBandedRows': '1.3',
  'Table.showFilterButton': '1.3',
  'Table.style': '1.1',
  'Table.worksheet': '1.2',
  'TableColumnCollection.getItemAt': '1.1',
  'TableColumn.getDataBodyRange': '1.1',
  // "1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding the
  // alwaysInsert parameter": we add many rows, and never pass alwaysInsert (checked below).
  'TableRowCollection.add': '1.4',
  'TableRowCollection.getItemAt': '1.1',
  'TableRow.delete': '1.1',
  // Plan charts (excel-charts.ts): a combo of stacked columns and a line needs a series'
  // chartType, which with setValues / setXAxisValues / series.add is ExcelApi 1.7.
  'Worksheet.charts': '1.1',
  'ChartCollection.add': '1.1',
  'ChartCollection.items': '1.1',
  'ChartCollection.load': '1.1',
  'Chart.name': '1.1',
  'Chart.delete': '1.1',
  'Chart.title': '1.1',
  'Chart.series': '1.1',
  'Chart.setPosition': '1.1',
  'ChartTitle.text': '1.1',
  'ChartSeriesCollection.getItemAt': '1.1',
  'ChartSeriesCollection.add': '1.7',
  'ChartSeries.name': '1.1',
  'ChartSeries.setValues': '1.7',
  'ChartSeries.setXAxisValues': '1.7',
  'ChartSeries.chartType': '1.7',
};

const version = (v: string): number[] => v.split('.').map(Number);
const newer = (a: string, b: string): string => {
  const [x = 0, y = 0] = version(a);
  const [p = 0, q = 0] = version(b);
  return x > p || (x === p && y > q) ? a : b;
};

const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const requirementsBlock = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)?.[1] ?? '';
const declared = new Map([...requirementsBlock.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1] ?? '', m[2] ?? '']));

let uses: Map<string, ApiUse>;
beforeAll(() => {
  uses = scanExcelApi();
});

describe('requirement sets: the lowest that cover what the code calls', () => {
  it('the table lists exactly the Excel API members the source uses', () => {
    const missing = [...uses.values()].filter((u) => TABLE[u.member] === undefined).map((u) => `${u.member} (${u.at}; docs: ${u.documented.join(', ') || 'no set'})`);
    expect(missing, 'add these to TABLE with their ExcelApi set').toEqual([]);
    const unused = Object.keys(TABLE).filter((m) => !uses.has(m));
    expect(unused, 'no longer called: remove from TABLE').toEqual([]);
    expect(uses.size).toBeGreaterThan(60);
  });

  it("the table's sets are the ones the Office.js reference gives", () => {
    for (const u of uses.values()) {
      const want = TABLE[u.member] ?? '';
      const sets = u.documented.length > 0 ? u.documented : u.ownerSets.length > 0 ? u.ownerSets : ['1.1'];
      expect(sets, u.member).toContain(want);
    }
  });

  it('rows.add never passes alwaysInsert (that parameter alone would need ExcelApi 1.15), protect no password', () => {
    expect(uses.get('TableRowCollection.add')?.maxArgs).toBeLessThanOrEqual(2);
    expect(uses.get('WorksheetProtection.protect')?.maxArgs).toBeLessThanOrEqual(1);
  });

  it('the manifest declares the newest set used, no more: ExcelApi 1.9, within Excel 2021 (1.14)', () => {
    const needed = Object.entries(TABLE).filter(([m]) => uses.has(m)).reduce((v, [, s]) => newer(v, s), '1.1');
    expect(needed).toBe('1.9');
    expect(declared.get('ExcelApi')).toBe(needed);
    expect(newer(needed, '1.14')).toBe('1.14');
  });

  it('CustomFunctionsRuntime 1.2, because CUN.* errors carry a message', () => {
    // new CustomFunctions.Error(code, message): the message argument came in CustomFunctionsRuntime 1.2.
    const errors = readFileSync(join(ROOT, 'src', 'functions', 'errors.ts'), 'utf8');
    expect(errors).toMatch(/new CustomFunctions\.Error\([^,()]+,\s*`/);
    expect(declared.get('CustomFunctionsRuntime')).toBe('1.2');
    // And the shared runtime that hosts pane and functions together; nothing else is asked for.
    expect(declared.get('SharedRuntime')).toBe('1.1');
    expect([...declared.keys()].sort()).toEqual(['CustomFunctionsRuntime', 'ExcelApi', 'SharedRuntime']);
  });
});
