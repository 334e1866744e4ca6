import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { closeYear } from '../../src/app/close-year';
import { BookStateError } from '../../src/app/errors';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import { lockPeriod } from '../../src/app/lock-period';
import type { ReportJson } from '../../src/app/report-json';
import { validateWorkbook } from '../../src/app/validate-workbook';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { OPENING, VOUCHERS } from '../../src/workbook/layout';
import { parseCsv } from '../../src/workbook/voucher-import';
import {
  DISTRIBUTIONS_CSV, EXPECTED_CLOSING, EXPECTED_IS, EXPECTED_TOTAL_ASSETS, OPENING_CSV, VOUCHERS_CSV,
} from '../integration/worked-example-files';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}

async function newBook(): Promise<XlsxWorkbook> {
  const wb = await createXlsxWorkbook();
  expect((await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
  return wb;
}

/** The typed-in tables and sheet list: what "nothing written" must leave unchanged. */
async function snapshot(wb: XlsxWorkbook): Promise<unknown> {
  return { sheets: await wb.sheetNames(), tables: await wb.readTables([OPENING, VOUCHERS]), meta: await wb.readMeta() };
}

async function workedExample(): Promise<XlsxWorkbook> {
  const wb = await newBook();
  expect((await importOpening(wb, source(OPENING_CSV, 'opening.csv'))).ok).toBe(true);
  expect((await importVouchers(wb, source(VOUCHERS_CSV, 'vouchers.csv'))).imported).toBe(10);
  expect((await closeYear(wb, { year: 2025 })).vouchers).toHaveLength(2);
  expect((await importVouchers(wb, source(DISTRIBUTIONS_CSV, 'dist.csv'))).imported).toBe(2);
  expect((await closeYear(wb, { year: 2025 })).vouchers).toHaveLength(3);
  return wb;
}

const isAmount = (r: ReportJson, label: string): string | undefined => r.incomeStatement.find((x) => x.label === label)?.amount;

describe('use cases on the ExcelJS host: DOMAIN.md §8 worked example', () => {
  it('reproduces every expected figure to the fen', async () => {
    const wb = await workedExample();
    const r = await buildReports(wb);
    expect(r.ok).toBe(true);
    const report = r.report!;
    for (const [label, amount] of Object.entries(EXPECTED_IS)) expect([label, isAmount(report, label)]).toEqual([label, amount]);
    const total = report.balanceSheet.find((x) => x.key === 'totalAssets')!;
    const claims = report.balanceSheet.find((x) => x.key === 'totalLiabilitiesAndEquity')!;
    expect({ begin: total.begin, end: total.end }).toEqual(EXPECTED_TOTAL_ASSETS);
    expect({ begin: claims.begin, end: claims.end }).toEqual(EXPECTED_TOTAL_ASSETS);
    for (const [code, [dr, cr]] of Object.entries(EXPECTED_CLOSING)) {
      const row = report.trialBalance.find((x) => x.code === code)!;
      expect([code, row.closingDebit, row.closingCredit]).toEqual([code, dr, cr]);
    }
    expect(r.operatingIncome).toBe(13_140_000);
    expect(r.sheets).toEqual(expect.arrayContaining(['科目余额表', '总账', '明细账', '现金日记账', '银行日记账', '资产负债表', '收益及收益分配表', '检查结果']));
  });

  it('a partial period report: March to June', async () => {
    const wb = await workedExample();
    const r = await buildReports(wb, { from: '2025-03', to: '2025-06' });
    const report = r.report!;
    expect(report.meta).toMatchObject({ from: '2025-03', to: '2025-06' });
    // 35,400 (PV, March) + 12,000 (dividend, June).
    expect(isAmount(report, '经营收益')).toBe('47400.00');
    const bank = report.trialBalance.find((x) => x.code === '102')!;
    expect([bank.openingDebit, bank.periodDebit, bank.closingDebit]).toEqual(['240000.00', '47400.00', '287400.00']);
  });

  it('re-importing the same file adds nothing', async () => {
    const wb = await workedExample();
    const before = await snapshot(wb);
    const again = await importVouchers(wb, source(VOUCHERS_CSV, 'vouchers.csv'));
    expect(again).toMatchObject({ ok: true, imported: 0, skipped: 10 });
    const opening = await importOpening(wb, source(OPENING_CSV, 'opening.csv'));
    expect(opening).toMatchObject({ ok: true, imported: 0, skipped: 7 });
    expect(await snapshot(wb)).toEqual(before);
  });

  it('one bad row imports nothing and names every bad line', async () => {
    const wb = await newBook();
    await importOpening(wb, source(OPENING_CSV, 'opening.csv'));
    const before = await snapshot(wb);
    const bad = VOUCHERS_CSV.replace('2025-03-15,1,收到光伏电费,102,35400.00,', '2025-03-15,1,收到光伏电费,102,35400.001,')
      .replace('2025-08-01,1,厂房租金,501,,24000.00', '2025-08-01,1,厂房租金,599,,24000.00');
    const r = await importVouchers(wb, source(bad, 'bad.csv'));
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    const errors = r.findings.filter((f) => f.severity === 'error');
    // Line 4 of the file (header is line 1) has 3 decimals; line 11 posts to an unknown account.
    expect(errors.map((f) => [f.sheet, f.row])).toEqual(expect.arrayContaining([['bad.csv', 4], ['bad.csv', 11]]));
    expect(await snapshot(wb)).toEqual(before);
  });

  it('an unbalanced opening is refused whole', async () => {
    const wb = await newBook();
    const before = await snapshot(wb);
    const r = await importOpening(wb, source(OPENING_CSV.replace('2000.00', '2100.00'), 'opening.csv'));
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.rule)).toContain('opening.unbalanced');
    expect(await snapshot(wb)).toEqual(before);
  });

  it('a changed voucher under a number already on the book is a conflict, not a second copy', async () => {
    const wb = await workedExample();
    const changed = VOUCHERS_CSV.replaceAll('60000.00', '61000.00');
    const r = await importVouchers(wb, source(changed, 'changed.csv'));
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.rule)).toContain('voucher.duplicate-number');
  });

  it('init refuses an initialized workbook; use cases refuse an uninitialized one', async () => {
    const wb = await newBook();
    await expect(initVillage(wb, { village: 'x', township: 'y', year: 2025 })).rejects.toBeInstanceOf(BookStateError);
    await expect(validateWorkbook(await createXlsxWorkbook())).rejects.toMatchObject({ issue: 'not-initialized' });
    const bad = await initVillage(await createXlsxWorkbook(), { village: ' ', township: 'y', year: 25 });
    expect(bad.findings.map((f) => f.rule)).toEqual(['init.no-village', 'init.bad-year']);
  });

  it('close and reports refuse a book with errors and write nothing', async () => {
    const wb = await workedExample();
    // An unbalanced voucher typed straight into 凭证 (not through import).
    await wb.appendRows(VOUCHERS, [['2025-12-20', '9', '错账', '102', 100, null, null, null, null, null, null, null], ['2025-12-20', '9', '错账', '501', null, 90, null, null, null, null, null, null]]);
    const before = await snapshot(wb);
    const c = await closeYear(wb, { year: 2025 });
    expect(c.ok).toBe(false);
    expect(c.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['close.refused', 'voucher.unbalanced']));
    const r = await buildReports(wb);
    expect(r).toMatchObject({ ok: false, report: undefined, sheets: [] });
    const v = await validateWorkbook(wb);
    expect(v.counts.errors).toBeGreaterThan(0);
    expect(await snapshot(wb)).toEqual(before);
  });

  it('a voucher added after the close makes 结转凭证 stale until closed again', async () => {
    const wb = await workedExample();
    await importVouchers(wb, source(`${VOUCHERS_CSV.split('\n')[0]}\n2025-12-31,5,补记利息,102,100.00,\n2025-12-31,5,补记利息,504,,100.00\n`, 'late.csv'));
    expect((await validateWorkbook(wb)).findings.map((f) => f.rule)).toContain('close.stale');
    await closeYear(wb, {});
    expect((await validateWorkbook(wb)).findings.map((f) => f.rule)).not.toContain('close.stale');
    expect(isAmount((await buildReports(wb)).report!, '年末未分配收益')).toBe('99550.00');
  });

  it('lock writes meta.lockedThrough; locked months refuse new vouchers', async () => {
    const wb = await workedExample();
    expect((await lockPeriod(wb, { through: '2025-06' })).ok).toBe(true);
    expect((await wb.readMeta())?.lockedThrough).toBe('2025-06');
    const late = await importVouchers(wb, source(`${VOUCHERS_CSV.split('\n')[0]}\n2025-05-02,7,补记,102,1.00,\n2025-05-02,7,补记,504,,1.00\n`, 'late.csv'));
    expect(late.ok).toBe(false);
    expect(late.findings.map((f) => f.rule)).toContain('voucher.locked-period');
    const back = await lockPeriod(wb, { through: '2025-03' });
    expect(back.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['lock.refused', 'lock.backwards']));
  });

  it('a period outside the fiscal year is a finding, not a crash', async () => {
    const wb = await workedExample();
    const r = await buildReports(wb, { from: '2025-07', to: '2025-03' });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.rule)).toContain('period.reversed');
    expect((await buildReports(wb, { to: '2026-01' })).findings.map((f) => f.rule)).toContain('period.bad-month');
  });
});

describe('initVillage', () => {
  it('writes the default 322 sub-accounts and the 科目表 the code lists point at', async () => {
    const wb = await newBook();
    expect(await wb.sheetNames()).toEqual(expect.arrayContaining(['设置', '科目', '期初余额', '凭证', '科目表']));
    const validation = await validateWorkbook(wb);
    expect(validation.ok).toBe(true);
    const r = await buildReports(wb);
    const codes = r.report!.trialBalance.map((x) => x.code);
    // Sub-accounts without amounts are not listed; 322 is, as a first-level account.
    expect(codes).toContain('322');
  });

  it('refuses sub-accounts the chart cannot take, writing nothing', async () => {
    const wb = await createXlsxWorkbook();
    const r = await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025, subAccounts: [{ code: '99901', name: '无上级' }] });
    expect(r.findings.map((f) => f.rule)).toEqual(['chart.no-parent']);
    expect(await wb.readMeta()).toBeUndefined();
    expect(await wb.sheetNames()).toEqual([]);
  });
});

describe('lockPeriod and later edits', () => {
  it('a row typed into a locked month after the lock is found by validate', async () => {
    const wb = await workedExample();
    expect((await lockPeriod(wb, { through: '2025-06' })).ok).toBe(true);
    expect((await wb.readMeta())?.lockChain?.at(-1)?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await validateWorkbook(wb)).ok).toBe(true);
    // Typed straight into 凭证 (the import path refuses it), balanced, in locked March.
    await wb.appendRows(VOUCHERS, [['2025-03-20', '2', '补记', '102', 10, null], ['2025-03-20', '2', '补记', '504', null, 10]]);
    const v = await validateWorkbook(wb);
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.rule)).toContain('lock.voucher-inserted');
  });
});

describe('RunOptions', () => {
  it('reports progress and stops on cancel without writing', async () => {
    const wb = await workedExample();
    const seen: string[] = [];
    await buildReports(wb, { onProgress: (done, total, label) => seen.push(`${done}/${total} ${label}`) });
    expect(seen[0]).toBe('0/4 读取工作簿');
    expect(seen.at(-1)).toBe('4/4 报表完成');
    const before = await wb.sheetNames();
    const ac = new AbortController();
    ac.abort();
    await expect(buildReports(wb, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await wb.sheetNames()).toEqual(before);
  });
});

describe('a damaged book', () => {
  it('a renamed 凭证 sheet is an error, not an empty ledger', async () => {
    const wb = await workedExample();
    const bytes = await wb.toBytes();
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    x.getWorksheet('凭证')!.name = '凭证备份';
    const renamed = await createXlsxWorkbook(new Uint8Array(await x.xlsx.writeBuffer()));
    const r = await validateWorkbook(renamed);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.rule, f.sheet])).toContainEqual(['book.missing-sheet', '凭证']);
    expect((await buildReports(renamed)).report).toBeUndefined();
  });
});
