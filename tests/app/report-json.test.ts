import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountString, plainLabel, ReportJson, toReportJson } from '../../src/app/report-json';
import { fenToString } from '../../src/core/money';

describe('report JSON', () => {
  it('labels lose their ordinal and 加/减 prefixes only', () => {
    expect(plainLabel('二、经营收益')).toBe('经营收益');
    expect(plainLabel('减：累计折旧')).toBe('累计折旧');
    expect(plainLabel('加：年初未分配收益')).toBe('年初未分配收益');
    expect(plainLabel('减：1.提取公积公益金')).toBe('提取公积公益金');
    expect(plainLabel('资产总计')).toBe('资产总计');
  });

  it('every fen amount becomes a two-decimal string the schema accepts', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
      const s = fenToString(fen);
      expect(AmountString.safeParse(s).success).toBe(true);
      expect(Math.round(Number(s) * 100)).toBe(fen);
    }));
    expect(AmountString.safeParse('12.5').success).toBe(false);
    expect(AmountString.safeParse('1,234.50').success).toBe(false);
  });

  it('toReportJson validates its output', () => {
    const tb = { from: '2025-01', to: '2025-12', rows: [{ code: '101', name: '库存现金', level: 1, openingDebit: 200000, openingCredit: 0, periodDebit: 5, periodCredit: 0, closingDebit: 200005, closingCredit: 0 }], totals: { openingDebit: 0, openingCredit: 0, periodDebit: 0, periodCredit: 0, closingDebit: 0, closingCredit: 0 } };
    const r = toReportJson({
      meta: { village: '示例村', township: '青山镇', fiscalYear: 2025, from: '2025-01', to: '2025-12' },
      trialBalance: tb,
      balanceSheet: { rows: [{ line: 32, key: 'totalAssets', label: '资产总计', begin: 58200000, end: 71250000 }] },
      incomeStatement: { rows: [{ line: 6, key: 'operatingResult', label: '二、经营收益', amount: -5 }] },
    });
    expect(ReportJson.parse(r)).toEqual(r);
    expect(r.trialBalance[0]).toMatchObject({ openingDebit: '2000.00', periodDebit: '0.05', closingDebit: '2000.05' });
    expect(r.balanceSheet[0]).toEqual({ line: 32, key: 'totalAssets', label: '资产总计', begin: '582000.00', end: '712500.00' });
    expect(r.incomeStatement[0]).toEqual({ line: 6, key: 'operatingResult', label: '经营收益', amount: '-0.05' });
  });
});
