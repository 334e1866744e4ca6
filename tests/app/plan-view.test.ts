/** The plan JSON shaped for the charts of the 规划书 and the 发展规划 panel (src/app/plan-view.ts). */
import { describe, expect, it } from 'vitest';
import type { PlanJson } from '../../src/app/plan-json';
import { actualTotals, hasOtherIncome, incomeSources, wanOf } from '../../src/app/plan-view';

type Row = NonNullable<PlanJson['actual']>['rows'][number];
const row = (cadence: Row['cadence'], period: string, project: string, plan: string, actual: string): Row => ({
  cadence, cadenceZh: '', period, project, kind: 'land', plan, actual, variance: '0.00', variancePct: null,
});

/** Only the parts the helpers read; the rest of a plan JSON does not matter to them. */
function planWith(parts: Partial<PlanJson>): PlanJson {
  return parts as PlanJson;
}

describe('plan view', () => {
  it('sums planned and booked income of all projects per period, in fen', () => {
    const p = planWith({
      actual: {
        year: 2025, asOf: '2025-06',
        rows: [
          row('quarter', '2025Q1', '甲', '100.10', '90.05'),
          row('quarter', '2025Q1', '乙', '0.20', '0.30'),
          row('quarter', '2025Q2', '甲', '1000.00', '1200.99'),
          row('month', '2025-01', '甲', '33.37', '30.02'),
        ],
      },
    });
    // Q1: plan 100.10 + 0.20 = 100.30 → 10030 fen; booked 90.05 + 0.30 = 90.35 → 9035 fen.
    // (In floating point 100.1 + 0.2 is 100.29999999999998; in fen it is exact.)
    expect(actualTotals(p, 'quarter')).toEqual([
      { period: '2025Q1', plan: 10030, actual: 9035 },
      { period: '2025Q2', plan: 100000, actual: 120099 },
    ]);
    expect(actualTotals(p, 'month')).toEqual([{ period: '2025-01', plan: 3337, actual: 3002 }]);
    expect(actualTotals(planWith({ actual: null }))).toEqual([]);
  });

  it('keeps the income sources some year has, and other income only when there is some', () => {
    const sources = (['land', 'coop', 'pv', 'lease', 'other'] as const).map((kind) => ({ kind, kindZh: kind, income: '0.00', share: '0' }));
    const year = (pv: string, other: string) => ({ bySource: { land: '10.00', coop: '0.00', pv, lease: '0.00', other: '0.00' }, otherIncome: other });
    const p = planWith({ plan: { sources } as PlanJson['plan'], years: [year('0.00', '0.00'), year('5.00', '0.00')] as PlanJson['years'] });
    expect(incomeSources(p).map((s) => s.kind)).toEqual(['land', 'pv']);
    expect(hasOtherIncome(p)).toBe(false);
    expect(hasOtherIncome(planWith({ years: [year('0.00', '0.01')] as PlanJson['years'] }))).toBe(true);
  });

  it('draws in 万元 to two decimals', () => {
    // 1,234,567.89 yuan = 123,456,789 fen = 123.4567889 万元 → 123.46.
    expect(wanOf(123_456_789)).toBe(123.46);
    expect(wanOf(0)).toBe(0);
    // −12,345.67 yuan = −1.234567 万元 → −1.23.
    expect(wanOf(-1_234_567)).toBe(-1.23);
  });
});
