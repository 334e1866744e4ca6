/**
 * Round trip of a real file: init → import → close → report, saved atomically, then read back
 * by ExcelJS, by our own host, and by LibreOffice headless — both with our cached formula
 * results and recalculating every formula itself — finding the same DOMAIN.md §8 figures.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { closeYear } from '../../src/app/close-year';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import type { ReportJson } from '../../src/app/report-json';
import { saveWorkbookFileAtomic } from '../../src/hosts/xlsx/file';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { parseCsv } from '../../src/workbook/voucher-import';
import { xlsxToCsvRecalculated, xlsxToCsvSheets } from '../support/libreoffice';
import { DISTRIBUTIONS_CSV, OPENING_CSV, VOUCHERS_CSV } from './worked-example-files';

const source = (text: string, name: string): ImportSource => {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
};

let dir: string;
let path: string;
let report: ReportJson;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-roundtrip-'));
  path = join(dir, 'book.xlsx');
  const wb = await createXlsxWorkbook();
  await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025 });
  await importOpening(wb, source(OPENING_CSV, 'opening.csv'));
  await importVouchers(wb, source(VOUCHERS_CSV, 'vouchers.csv'));
  await closeYear(wb, { year: 2025 });
  await importVouchers(wb, source(DISTRIBUTIONS_CSV, 'dist.csv'));
  await closeYear(wb, { year: 2025 });
  const r = await buildReports(wb);
  expect(r.ok).toBe(true);
  report = r.report!;
  await saveWorkbookFileAtomic(wb, path);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Figures (as shown, '#,##0.00') to find per sheet: [row label, column header to its right, value]. */
const EXPECT: Record<string, [string, string, string][]> = {
  资产负债表: [['资产总计', '年初数', '582,000.00'], ['资产总计', '期末数', '712,500.00'], ['负债和所有者权益总计', '年初数', '582,000.00'], ['负债和所有者权益总计', '期末数', '712,500.00']],
  收益及收益分配表: [['二、经营收益', '本年金额', '109,700.00'], ['三、收益总额', '本年金额', '130,500.00'], ['四、净收益', '本年金额', '130,500.00'], ['五、可分配收益', '本年金额', '152,500.00'], ['六、年末未分配收益', '本年金额', '99,450.00']],
  科目余额表: [['101', '期末借方', '800.00'], ['102', '期末借方', '321,700.00'], ['152', '期末贷方', '110,000.00'], ['311', '期末贷方', '73,050.00'], ['322', '期末贷方', '99,450.00'], ['合计', '期初借方', '682,000.00']],
};

/**
 * The cell under the first `header` right of `label` in the row holding `label` (header row found by
 * its text), so the two halves of the two-sided 资产负债表 are read each under its own 年初数 / 期末数.
 */
function pick(rows: readonly (readonly string[])[], label: string, header: string): string | undefined {
  const h = rows.findIndex((r) => r.includes(header));
  const row = rows.slice(h + 1).find((r) => r.includes(label));
  const at = row?.indexOf(label) ?? -1;
  const col = rows[h]?.findIndex((x, i) => i > at && x === header) ?? -1;
  return row?.[col];
}

function checkSheets(sheets: Record<string, string[][]>): void {
  for (const [sheet, wants] of Object.entries(EXPECT)) {
    for (const [label, header, value] of wants) expect([sheet, label, header, pick(sheets[sheet] ?? [], label, header)]).toEqual([sheet, label, header, value]);
  }
}

describe('round trip through a saved .xlsx', () => {
  it('ExcelJS reads our numbers, with formulas whose cached results are the figures', async () => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(path);
    const shown = (v: ExcelJS.CellValue): string => {
      const n = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
      return typeof n === 'number' ? n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(n ?? '');
    };
    const sheets: Record<string, string[][]> = {};
    for (const name of Object.keys(EXPECT)) {
      const ws = x.getWorksheet(name)!;
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        rows[n - 1] = Array.from({ length: ws.columnCount }, (_, c) => shown(row.getCell(c + 1).value));
      });
      sheets[name] = Array.from(rows, (r) => r ?? []);
    }
    checkSheets(sheets);
    const total = x.getWorksheet('资产负债表')!.getRow(sheets['资产负债表']!.findIndex((r) => r[0] === '资产总计') + 1).getCell(4).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^D\d+\+D\d+$/);
    const claims = x.getWorksheet('资产负债表')!.getRow(sheets['资产负债表']!.findIndex((r) => r[4] === '负债和所有者权益总计') + 1).getCell(8).value as ExcelJS.CellFormulaValue;
    expect(claims.formula).toMatch(/^H\d+\+H\d+$/);
  });

  it('our own host reads the written file back to the same report', async () => {
    const again = await buildReports(await createXlsxWorkbook(await readFile(path)));
    expect(again.report).toEqual(report);
  });

  it('LibreOffice shows the same figures, from our cached results and when it recalculates every formula', async () => {
    const cached = await xlsxToCsvSheets(path, { asShown: true });
    checkSheets(cached);
    const recalculated = await xlsxToCsvRecalculated(path);
    checkSheets(recalculated);
    // Every generated sheet, cell for cell: LibreOffice's own arithmetic equals our cached figures.
    for (const name of ['科目余额表', '资产负债表', '收益及收益分配表', '总账', '明细账', '现金日记账', '银行日记账', '结转凭证']) {
      expect([name, recalculated[name]]).toEqual([name, cached[name]]);
    }
  }, 240_000);

  it('the recalculating reader really recalculates (control: a wrong cached result is corrected)', async () => {
    const wb = await createXlsxWorkbook();
    await wb.replaceGeneratedSheets([{ name: '对照', title: ['对照'], columns: [{ header: '金额', key: 'a', numFmt: '#,##0.00' }], rows: [[1], [2], [{ formula: 'SUM(A3:A4)', result: 999 }]] }]);
    const p = join(dir, 'control.xlsx');
    await saveWorkbookFileAtomic(wb, p);
    expect((await xlsxToCsvSheets(p, { asShown: true }))['对照']?.[4]?.[0]).toBe('999.00');
    expect((await xlsxToCsvRecalculated(p))['对照']?.[4]?.[0]).toBe('3.00');
  }, 240_000);
});
