import { beforeAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { closeYear } from '../../src/app/close-year';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ReportJson } from '../../src/app/report-json';
import { buildSampleBook, netResult, sampleData } from '../../src/app/sample/build-sample';
import { fenToString } from '../../src/core/money';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { encodeVoucherRows } from '../../src/workbook/codecs/vouchers';
import { PRIOR_YEAR, VOUCHERS } from '../../src/workbook/layout';
import { nextYearBook } from '../support/next-year';

const vouchersSource = (rows: ReturnType<typeof encodeVoucherRows>, name: string) => ({ header: VOUCHERS.columns.map((c) => c.header), rows, where: { source: name, firstRow: 2 } });

/** The sample village's 2025 book, closed and distributed, and its 2026 book opened from 2025's closing balances. */
let y2025: XlsxWorkbook;
let y2026: XlsxWorkbook;
let report2025: ReportJson;

beforeAll(async () => {
  y2025 = await createXlsxWorkbook();
  report2025 = (await buildSampleBook(y2025)).report!;
  y2026 = await nextYearBook(y2025);
  // 2026: the sample's own generator for 2026 (income, costs, depreciation), closed, then distributed.
  const { vouchers, distributions } = sampleData(2026);
  expect((await importVouchers(y2026, vouchersSource(encodeVoucherRows(vouchers), '凭证.csv'))).ok).toBe(true);
  expect((await closeYear(y2026, { year: 2026 })).ok).toBe(true);
  expect((await importVouchers(y2026, vouchersSource(encodeVoucherRows(distributions(netResult(vouchers))), '分配.csv'))).ok).toBe(true);
  expect((await closeYear(y2026, { year: 2026 })).ok).toBe(true);
}, 240_000);

const amount = (r: ReportJson, key: string) => r.incomeStatement.find((x) => x.key === key)!;

describe('收益及收益分配表 本年金额 / 上年金额 across two consecutive years of the sample village', () => {
  it('takes 上年金额 from last year\'s workbook (report --previous): every line equals 2025\'s 本年金额', async () => {
    const r = await buildReports(y2026, { previous: y2025 });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const report = r.report!;
    expect(report.meta.fiscalYear).toBe(2026);
    for (const row of report.incomeStatement) expect([row.key, row.priorAmount]).toEqual([row.key, amount(report2025, row.key).amount]);
    // The year-to-year tie an accountant checks: 2026's 年初未分配收益 is 2025's 年末未分配收益.
    expect(amount(report, 'retainedOpening').amount).toBe(amount(report2025, 'retainedClosing').amount);
    expect(amount(report, 'retainedClosing').priorAmount).toBe(amount(report2025, 'retainedClosing').amount);
    // 2025's figures themselves (the sample's net result, 10% reserve, 40% to members in whole hundreds).
    const net2025 = netResult(sampleData(2025).vouchers);
    expect(amount(report2025, 'netResult').amount).toBe(fenToString(net2025));
    const [reserve, members] = sampleData(2025).distributions(net2025);
    expect(amount(report, 'toReserve').priorAmount).toBe(fenToString(reserve!.lines[0]!.debit));
    expect(amount(report, 'toMembers').priorAmount).toBe(fenToString(members!.lines[0]!.debit));
    // The generated sheet shows both columns; the prior-year subtotals are formulas too.
    const sheet = (await y2026.readSheet('收益及收益分配表'))!;
    const header = sheet.rows.find((row) => row.includes('本年金额'))!;
    expect(header.slice(0, 4)).toEqual(['项目', '行次', '本年金额', '上年金额']);
    const netRow = sheet.rows.find((row) => row[0] === '四、净收益')!;
    expect(fenToString(Math.round(Number(netRow[3]) * 100))).toBe(amount(report2025, 'netResult').amount);
  }, 240_000);

  it('without a previous workbook the JSON has no priorAmount (old fields unchanged)', async () => {
    const r = await buildReports(y2026);
    expect(r.report!.incomeStatement.every((row) => row.priorAmount === undefined)).toBe(true);
    expect(Object.keys(r.report!.incomeStatement[0]!)).toEqual(['line', 'key', 'label', 'amount']);
  }, 240_000);

  it('takes 上年金额 from a typed-in 上年数 table, computing the subtotals not typed (hand-worked)', async () => {
    const book = await createXlsxWorkbook(await y2026.toBytes());
    // 经营收入 100,000.00; 管理费用 20,000.00; 补助收入 5,000.00; 年初未分配收益 1,000.00; 提取公积公益金 8,500.00.
    await book.appendRows(PRIOR_YEAR, [[1, '一、经营收入', 100_000], [5, '管理费用', 20_000], [7, '补助收入', 5_000], [14, '年初未分配收益', 1_000], [17, '提取公积公益金', 8_500]]);
    const report = (await buildReports(book)).report!;
    // 经营收益 100,000 − 20,000 = 80,000; 收益总额 80,000 + 5,000 = 85,000 = 净收益; 可分配 85,000 + 1,000 = 86,000;
    // 年末未分配收益 86,000 − 8,500 = 77,500.
    expect(['operatingResult', 'totalResult', 'netResult', 'distributable', 'retainedClosing', 'toMembers'].map((k) => amount(report, k).priorAmount))
      .toEqual(['80000.00', '85000.00', '85000.00', '86000.00', '77500.00', '0.00']);
  }, 240_000);

  it('refuses a previous workbook of another year', async () => {
    const r = await buildReports(y2026, { previous: y2026 });
    expect(r.findings.map((f) => f.rule)).toContain('prior-year.wrong-year');
    expect(r.report).toBeUndefined();
  }, 240_000);
});
