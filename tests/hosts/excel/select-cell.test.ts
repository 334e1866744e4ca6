/**
 * selectCell against office-addin-mock (the OfficeDev mock): its context.sync() is counted, and
 * its load/sync bookkeeping makes reading the header rows before a sync fail as in Excel. The
 * object model is the seed below, so a misspelt Office.js call fails here too.
 */
import { describe, expect, it } from 'vitest';
import { countedContext } from './office-mock';
import { selectCell, type ExcelRun } from '../../../src/hosts/excel/excel-workbook';

/** 期初余额-like sheet: a title line, then the header row. */
const ROWS_ABOVE = [
  ['期初余额表', '', ''],
  ['科目编码', '科目名称', '借方金额'],
];

function mockExcel(): { run: ExcelRun; calls: string[]; syncs: () => number } {
  const calls: string[] = [];
  const seed = {
    context: {
      workbook: {
        rowsAbove: { values: ROWS_ABOVE },
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getCell: (row: number, column: number) => ({ select: () => calls.push(`select ${name} ${row},${column}`) }),
            getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
              calls.push(`read ${name} ${row},${column} ${rows}x${columns}`);
              return m.mock.context.workbook.rowsAbove;
            },
          }),
        },
      },
    },
  };
  const m = countedContext(seed, () => calls.push('sync'));
  const run = (<T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(m.context as unknown as Excel.RequestContext)) as ExcelRun;
  return { run, calls, syncs: m.syncs };
}

describe('selectCell', () => {
  it('activates the sheet and selects the 0-based cell of a 1-based row and a column letter, in 1 sync', async () => {
    const excel = mockExcel();
    await selectCell('凭证', 12, 'D', excel.run);
    expect(excel.calls).toEqual(['activate 凭证', 'select 凭证 11,3', 'sync']);
    expect(excel.syncs()).toBe(1);
  });

  it('takes a 1-based column number in 1 sync', async () => {
    const excel = mockExcel();
    await selectCell('期初余额', 3, 2, excel.run);
    expect(excel.calls).toEqual(['activate 期初余额', 'select 期初余额 2,1', 'sync']);
  });

  it('finds a header label in the rows above in 2 syncs, and falls back to column A for an unknown label', async () => {
    const excel = mockExcel();
    await selectCell('期初余额', 3, '借方金额', excel.run);
    expect(excel.calls).toEqual(['read 期初余额 0,0 2x64', 'sync', 'activate 期初余额', 'select 期初余额 2,2', 'sync']);
    await selectCell('期初余额', 3, '贷方金额', excel.run);
    expect(excel.calls.slice(5)).toEqual(['read 期初余额 0,0 2x64', 'sync', 'activate 期初余额', 'select 期初余额 2,0', 'sync']);
    expect(excel.syncs()).toBe(4);
  });
});
