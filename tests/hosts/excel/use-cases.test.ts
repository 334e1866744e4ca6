/**
 * The DOMAIN.md §8 worked example run through the use cases on the Excel host (over the fake
 * object model): the same figures as on the ExcelJS host, with the syncs each use case costs.
 */
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../../src/app/build-reports';
import { closeYear } from '../../../src/app/close-year';
import { importOpening } from '../../../src/app/import-opening';
import { importVouchers } from '../../../src/app/import-vouchers';
import type { ImportSource } from '../../../src/app/import-source';
import { initVillage } from '../../../src/app/init-village';
import { validateWorkbook } from '../../../src/app/validate-workbook';
import { createExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import { parseCsv } from '../../../src/workbook/voucher-import';
import { DISTRIBUTIONS_CSV, EXPECTED_CLOSING, EXPECTED_IS, EXPECTED_TOTAL_ASSETS, OPENING_CSV, VOUCHERS_CSV } from '../../integration/worked-example-files';
import { FakeExcel } from './fake-excel';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}

describe('use cases on the Excel host: DOMAIN.md §8 worked example', () => {
  it('reproduces the expected figures to the fen', async () => {
    const fake = new FakeExcel();
    const port = createExcelWorkbook(fake.run);
    const syncs: Record<string, number> = {};
    const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
      const before = fake.syncs;
      const out = await f();
      syncs[name] = fake.syncs - before;
      return out;
    };
    expect((await step('init', () => initVillage(port, { village: '示例村', township: '青山镇', year: 2025 }))).ok).toBe(true);
    expect((await step('opening', () => importOpening(port, source(OPENING_CSV, 'opening.csv')))).ok).toBe(true);
    expect((await step('vouchers', () => importVouchers(port, source(VOUCHERS_CSV, 'vouchers.csv')))).imported).toBe(10);
    expect((await step('close', () => closeYear(port, { year: 2025 }))).vouchers).toHaveLength(2);
    expect((await importVouchers(port, source(DISTRIBUTIONS_CSV, 'dist.csv'))).imported).toBe(2);
    expect((await closeYear(port, { year: 2025 })).vouchers).toHaveLength(3);
    const v = await step('validate', () => validateWorkbook(port));
    expect(v.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.zh}`)).toEqual([]);
    expect(v.ok).toBe(true);
    const r = await step('reports', () => buildReports(port));
    expect(r.ok).toBe(true);
    const report = r.report!;
    for (const [label, amount] of Object.entries(EXPECTED_IS)) {
      expect([label, report.incomeStatement.find((x) => x.label === label)?.amount]).toEqual([label, amount]);
    }
    const total = report.balanceSheet.find((x) => x.key === 'totalAssets')!;
    expect({ begin: total.begin, end: total.end }).toEqual(EXPECTED_TOTAL_ASSETS);
    for (const [code, [dr, cr]] of Object.entries(EXPECTED_CLOSING)) {
      const row = report.trialBalance.find((x) => x.code === code)!;
      expect([code, row.closingDebit, row.closingCredit]).toEqual([code, dr, cr]);
    }
    expect(fake.sheet('资产负债表').protection).toBeDefined();
    // A handful of port calls per use case, each a fixed number of syncs, whatever the book's size
    // (the next test shows 21 and 2,021 lines cost the same). validate is the widest at 15: the
    // book, the lock chain in _meta, and the list of sheets for the disclosure checks.
    for (const [name, n] of Object.entries(syncs)) expect([name, n, n <= 16]).toEqual([name, n, true]);
    expect(syncs.reports).toBeGreaterThan(0);
  });

  it('costs the same syncs for 21 voucher lines and for 2,021', async () => {
    const measure = async (extra: number): Promise<{ imports: number; reports: number }> => {
      const fake = new FakeExcel();
      const port = createExcelWorkbook(fake.run);
      await initVillage(port, { village: '示例村', township: '青山镇', year: 2025 });
      await importOpening(port, source(OPENING_CSV, 'opening.csv'));
      const [header = [], ...rows] = parseCsv(VOUCHERS_CSV);
      // 存现: cash into the bank, 1.00 each, vouchers 记-100 … in February.
      for (let i = 0; i < extra; i++) {
        rows.push(['2025-02-10', String(100 + i), '现金存入银行', '102', '1.00', ''], ['2025-02-10', String(100 + i), '现金存入银行', '101', '', '1.00']);
      }
      let before = fake.syncs;
      const imported = await importVouchers(port, { header, rows, where: { source: 'v.csv', firstRow: 2 } });
      expect(imported.imported).toBe(10 + extra);
      const imports = fake.syncs - before;
      before = fake.syncs;
      expect((await buildReports(port)).ok).toBe(true);
      return { imports, reports: fake.syncs - before };
    };
    expect(await measure(1_000)).toEqual(await measure(0));
  });
});
