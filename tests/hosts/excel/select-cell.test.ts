/**
 * selectCell against office-addin-mock (the OfficeDev mock): its context.sync() is counted and
 * the object model is the seed below, so a misspelt Office.js call fails here.
 */
import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { selectCell, type ExcelRun } from '../../../src/hosts/excel/excel-workbook';

function mockExcel(): { run: ExcelRun; calls: string[]; syncs: () => number } {
  const calls: string[] = [];
  const seed = {
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getCell: (row: number, column: number) => ({ select: () => calls.push(`select ${name} ${row},${column}`) }),
          }),
        },
      },
    },
  };
  const mock = new OfficeMockObject(seed);
  const context = mock.context as OfficeMockObject;
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    calls.push('sync');
    await sync();
  };
  const run = (<T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext)) as ExcelRun;
  return { run, calls, syncs: () => syncs };
}

describe('selectCell', () => {
  it('activates the sheet and selects the 0-based cell of a 1-based row and a column letter, in 1 sync', async () => {
    const excel = mockExcel();
    await selectCell('凭证', 12, 'D', excel.run);
    expect(excel.calls).toEqual(['activate 凭证', 'select 凭证 11,3', 'sync']);
    expect(excel.syncs()).toBe(1);
  });

  it('takes a 1-based column number, and falls back to column A for a header label', async () => {
    const excel = mockExcel();
    await selectCell('期初余额', 3, 2, excel.run);
    await selectCell('期初余额', 3, '借方金额', excel.run);
    expect(excel.calls.filter((c) => c.startsWith('select'))).toEqual(['select 期初余额 2,1', 'select 期初余额 2,0']);
    expect(excel.syncs()).toBe(2);
  });
});
