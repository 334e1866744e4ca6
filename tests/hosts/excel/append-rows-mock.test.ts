/**
 * The import's append to a typed-in table (commitIn with one append) against office-addin-mock, Microsoft's
 * mock of the Office.js object model, rather than our own fake: values can only be read after
 * load + sync, and every call the host makes must exist in the seed. It pins down the documented
 * call: rows.add(index, values) with no alwaysInsert (that parameter needs ExcelApi 1.15; its
 * default, true, inserts the rows into the table).
 */
import { countedContext } from './office-mock';
import { describe, expect, it } from 'vitest';
import { commitIn } from '../../../src/hosts/excel/excel-commit';
import { OPENING } from '../../../src/workbook/layout';

const HEADER = OPENING.columns.map((c) => c.header);
const FORMATS = OPENING.columns.map((c) => c.numFmt ?? 'General');

function mockExcel(firstRow: unknown[]) {
  const calls: { op: string; args: unknown[] }[] = [];
  const seed = {
    context: {
      workbook: {
        application: { suspendApiCalculationUntilNextSync: () => calls.push({ op: 'suspend', args: [] }) },
        // The mock's load cannot follow 'items/name' into an array: these collections answer it themselves.
        worksheets: { load: () => ({ items: [{ name: '期初余额' }] }) },
        tables: {
          load: () => ({ items: [{ name: 'Opening', worksheet: { name: '期初余额' } }] }),
          getItem: (name: string) => {
            calls.push({ op: 'tables.getItem', args: [name] });
            return {
              getHeaderRowRange: () => m.mock.context.workbook.header,
              getDataBodyRange: () => m.mock.context.workbook.body,
              rows: {
                add: (...args: unknown[]) => calls.push({ op: 'rows.add', args }),
                getItemAt: (i: number) => ({ delete: () => calls.push({ op: 'row.delete', args: [i] }) }),
              },
            };
          },
        },
        header: { values: [HEADER] },
        body: {
          rowCount: 1,
          getRow: (i: number) => {
            calls.push({ op: 'body.getRow', args: [i] });
            return m.mock.context.workbook.firstRow;
          },
        },
        firstRow: { values: [firstRow], numberFormat: [FORMATS] },
      },
    },
  };
  const m = countedContext(seed);
  return { ctx: m.context as unknown as Excel.RequestContext, calls, syncs: m.syncs };
}

describe('commitIn of one append over office-addin-mock', () => {
  it('adds all rows in one rows.add(undefined, values) — no alwaysInsert — and drops the placeholder row', async () => {
    const excel = mockExcel(['', '', '', '']);
    // Spec column order: 科目编码, 科目名称, 借方余额, 贷方余额.
    await commitIn(excel.ctx, [{ kind: 'append', spec: OPENING, rows: [['101', '库存现金', 2000, null], ['301', '资本', null, 500000]] }], 4_000_000);
    const adds = excel.calls.filter((c) => c.op === 'rows.add');
    expect(adds).toHaveLength(1);
    expect(adds[0]?.args).toHaveLength(2);
    expect(adds[0]?.args[0]).toBeUndefined();
    expect(adds[0]?.args[1]).toEqual([['101', '库存现金', 2000, ''], ['301', '资本', '', 500000]]);
    // The empty row a new table is created with goes after the add (a table keeps one body row).
    expect(excel.calls.map((c) => c.op).slice(-2)).toEqual(['rows.add', 'row.delete']);
    // 1 sync for which sheets and tables exist, 1 to read the header and first row, 1 to write.
    expect(excel.syncs()).toBe(3);
  });

  it('keeps a real first row', async () => {
    const excel = mockExcel(['102', '银行存款', 180000, '']);
    await commitIn(excel.ctx, [{ kind: 'append', spec: OPENING, rows: [['151', '固定资产', 500000, null]] }], 4_000_000);
    expect(excel.calls.some((c) => c.op === 'row.delete')).toBe(false);
  });
});
