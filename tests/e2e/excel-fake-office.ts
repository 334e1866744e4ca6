/**
 * Office.js as the live-checks e2e test serves it at the CDN address (bundled by esbuild into one
 * script): the fake Excel of the host tests (tests/hosts/excel/fake-excel.ts) holding a small
 * village book, Office.onReady saying "Excel", and hooks for the test to play the accountant:
 * window.__type(sheet, row, col, value) writes a cell and fires Worksheet.onChanged as Excel does;
 * window.__selected() tells which cell the add-in selected.
 */
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import { initVillage } from '../../src/app/init-village';
import { createExcelWorkbook } from '../../src/hosts/excel/excel-workbook';
import { parseCsv } from '../../src/workbook/voucher-import';
import { OPENING_CSV, VOUCHERS_CSV } from '../integration/worked-example-files';
import { FakeExcel } from '../hosts/excel/fake-excel';

const fake = new FakeExcel();
const w = window as unknown as Record<string, unknown>;

async function seed(): Promise<void> {
  const port = createExcelWorkbook(fake.run);
  await initVillage(port, { village: '示例村', township: '青山镇', year: 2025 });
  const [oh = [], ...orows] = parseCsv(OPENING_CSV);
  await importOpening(port, { header: oh, rows: orows, where: { source: 'o.csv', firstRow: 2 } });
  const [vh = [], ...vrows] = parseCsv(VOUCHERS_CSV);
  await importVouchers(port, { header: vh, rows: vrows, where: { source: 'v.csv', firstRow: 2 } });
}

const ready = seed().then(() => ({ host: 'Excel', platform: 'PC' }));
w.Office = { HostType: { Excel: 'Excel' }, actions: { associate: () => undefined }, onReady: () => ready };
w.CustomFunctions = { associate: () => undefined };
// Excel.run(batch) and Excel.run(context, batch), the form that removes event handlers.
w.Excel = {
  run: (a: unknown, b?: unknown) => (typeof a === 'function' ? fake.run(a as never) : fake.runWith(a as never, b as never)),
};
w.__type = async (sheet: string, row: number, col: number, value: string | number): Promise<void> => {
  fake.sheet(sheet).write({ row0: row - 1, col0: col, rows: 1, cols: 1 }, [[value]], 'values');
  await fake.fireChanged(sheet, `${String.fromCharCode(65 + col)}${row}`);
};
w.__selected = (): unknown => {
  const active = fake.book.active;
  return active && { sheet: active.name, ...active.selected };
};
w.__handlers = (): number => fake.handlers.length;
