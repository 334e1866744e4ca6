import { describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/app/report-json';
import { MESSAGES } from '../../src/taskpane/i18n';
import { amountText, reportToTables } from '../../src/taskpane/report-tables';

const zh = MESSAGES['zh-CN'];

// Figures of DOMAIN.md §8 (示例村 2025): 102 银行存款 ends at 180,000 + 182,200 − 40,500 = 321,700.00; 资产总计 800 + 321,700 + 500,000 − 110,000.
const report: ReportJson = {
  meta: { village: '示例村', township: '示例镇', fiscalYear: 2025, from: '2025-01', to: '2025-12' },
  trialBalance: [
    { code: '102', name: '银行存款', level: 1, openingDebit: '180000.00', openingCredit: '0.00', periodDebit: '182200.00', periodCredit: '40500.00', closingDebit: '321700.00', closingCredit: '0.00' },
    { code: '50101', name: '土地发包收入', level: 2, openingDebit: '0.00', openingCredit: '0.00', periodDebit: '0.00', periodCredit: '60000.00', closingDebit: '0.00', closingCredit: '60000.00' },
  ],
  balanceSheet: [
    { line: 2, key: 'cash', label: '银行存款', begin: '180000.00', end: '321700.00' },
    { line: 17, key: 'depreciation', label: '累计折旧', begin: '100000.00', end: '110000.00' },
    { line: 30, key: 'totalAssets', label: '资产总计', begin: '582000.00', end: '712500.00' },
  ],
  incomeStatement: [{ line: 9, key: 'netResult', label: '净收益', amount: '-1234.05' }],
};

describe('amountText', () => {
  it('groups thousands and keeps two decimals exactly', () => {
    expect(amountText('1234.50')).toBe('1,234.50');
    expect(amountText('321700.00')).toBe('321,700.00');
    expect(amountText('-0.05')).toBe('-0.05');
    expect(amountText('0.00')).toBe('0.00');
    expect(amountText('0.00', true)).toBe('');
    expect(amountText('12345678901.99')).toBe('12,345,678,901.99');
  });
});

describe('reportToTables', () => {
  const tables = reportToTables(report, zh);
  it('groups the amount columns a narrow pane shows one group at a time: 年初/期末, and 期初/本期/期末 借贷', () => {
    const [bs, is, tb] = tables;
    expect(bs?.columns.map((c) => c.group?.key)).toEqual([undefined, undefined, 'begin', 'end']);
    expect(bs?.columns.map((c) => c.group?.label).slice(2)).toEqual(['年初数', '期末数']);
    expect(is?.columns.some((c) => c.group !== undefined)).toBe(false);
    expect(tb?.columns.map((c) => c.group?.key)).toEqual([undefined, undefined, 'opening', 'opening', 'period', 'period', 'closing', 'closing']);
    expect(reportToTables(report, MESSAGES['en-US'])[2]?.columns.at(-1)?.group?.label).toBe('Closing');
  });
  it('draws the balance sheet, the income statement and the trial balance, in that order', () => {
    expect(tables.map((t) => t.title)).toEqual(['资产负债表', '收益及收益分配表', '科目余额表']);
    expect(tables[0]?.subtitle).toBe('编制单位：示例镇示例村    会计期间：2025-01 至 2025-12');
  });
  it('formats every amount and marks totals and money columns', () => {
    const [bs, is, tb] = tables;
    expect(bs?.rows.map((r) => r.cells)).toEqual([
      ['货币资金', '2', '180,000.00', '321,700.00'],
      ['减：累计折旧', '17', '100,000.00', '110,000.00'],
      ['资产总计', '30', '582,000.00', '712,500.00'],
    ]);
    expect(bs?.rows.map((r) => r.strong)).toEqual([false, false, true]);
    expect(bs?.columns.map((c) => c.money)).toEqual([false, false, true, true]);
    expect(is?.rows[0]?.cells).toEqual(['四、净收益', '9', '-1,234.05']);
    expect(is?.rows[0]?.strong).toBe(true);
    expect(tb?.rows[0]?.cells).toEqual(['102', '银行存款', '180,000.00', '', '182,200.00', '40,500.00', '321,700.00', '']);
    expect(tb?.rows.map((r) => r.indent)).toEqual([0, 1, 0]);
    // 合计 adds first-level accounts only (50101 sits inside 501).
    expect(tb?.rows[2]?.cells).toEqual(['合计', '', '180,000.00', '0.00', '182,200.00', '40,500.00', '321,700.00', '0.00']);
    expect(tb?.rows[2]?.strong).toBe(true);
  });
  it('speaks English when asked', () => {
    expect(reportToTables(report, MESSAGES['en-US']).map((t) => t.title)).toEqual(['Balance sheet', 'Income and distribution', 'Trial balance']);
  });
});
