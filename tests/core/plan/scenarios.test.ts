import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core/money';
import { applyScenario, runScenarios, sensitivity } from '../../../src/core/plan/scenarios';
import { planVersusActual } from '../../../src/core/plan/plan-actual';
import { voucher } from '../income/helpers';
import { funding, plan, project } from './helpers';

// Land 100 mu × 800 = 80,000 a year (cash rent), grain land 50 mu × 500 jin × 1.20 = 30,000, a lease
// 500 m² × 4 × 12 × 90% = 21,600, all from 2026 and paid on 31 December.
const land = project({ name: '现金地租', kind: 'land', startYear: 2026, funding: funding({ self: 200_000 }), params: { areaMu: 100, rentPerMu: 800 } });
const grain = project({ name: '粮食地租', kind: 'land', startYear: 2026, params: { areaMu: 50, jinPerMu: 500, grainPrice: '1.2' } });
const lease = project({ name: '厂房', kind: 'lease', startYear: 2026, contractNo: 'ZL-01', params: { areaM2: 500, rentPerM2Month: 4, occupancy: '0.9' } });
const base = plan([land, grain, lease], { targets: new Map([[2030, 13_000_000]]) }, [
  { name: '粮价下跌', note: '', overrides: [{ param: 'grainPrice', op: 'mul', value: new D('0.85') }] },
  { name: '出租率下降', note: '', overrides: [{ param: 'occupancy', op: 'add', value: new D('-0.2') }, { param: 'defaultRate', op: 'set', value: new D('0.2'), project: '现金地租' }] },
]);

describe('scenarios', () => {
  it('apply only where the project uses the parameter', () => {
    const p = applyScenario(base, base.scenarios[0]!);
    expect(p.projects.map((x) => x.params.grainPrice?.toString())).toEqual([undefined, '1.02', undefined]);
  });

  it('run side by side with hand-worked incomes', () => {
    const [b, s1, s2] = runScenarios(base).map((r) => r.projection.years[0]!.operatingIncome);
    // base 80,000 + 30,000 + 21,600 = 131,600
    expect(b).toBe(13_160_000);
    // grain −15%: 50 × 500 × 1.02 = 25,500 → 127,100
    expect(s1).toBe(12_710_000);
    // occupancy 90% − 20 points = 70%: 16,800; 20% of the cash rent defaulted: 64,000 → 64,000 + 30,000 + 16,800 = 110,800
    expect(s2).toBe(11_080_000);
  });

  it('sensitivity moves NPV the right way, and rows are sorted by swing', () => {
    const s = sensitivity(base);
    // Swings over 10 years (Σ 1.08^−t, t = 0..9 = 7.2469): cash rent 32,000 × 7.2469 ≈ 231,900; grain 12,000 × 7.2469 ≈ 86,960;
    // investment 80,000 (year 0); lease rent 8,640 × 7.2469 ≈ 62,610; occupancy less (90% × 1.2 is capped at 100%).
    expect(s.rows.map((r) => r.param)).toEqual(['rentPerMu', 'grainPrice', 'investment', 'rentPerM2Month', 'occupancy']);
    const rent = s.rows[0]!;
    expect(rent.cases.map((c) => c.step)).toEqual(['-0.2', '-0.1', '0.1', '0.2']);
    expect(rent.cases[0]!.npv).toBeLessThan(s.base.npv);
    expect(rent.cases[3]!.npv).toBeGreaterThan(s.base.npv);
    // +20% investment: 240,000 instead of 200,000 paid in year 0, undiscounted → NPV falls by exactly 40,000
    const inv = s.rows.find((r) => r.param === 'investment')!;
    expect(inv.cases[3]!.npv).toBe(s.base.npv - 4_000_000);
    // The target (130,000) is met in 2026 at base; with the cash rent −20% (64,000) income is 115,600: never.
    expect(s.base.targetYear).toBe(2026);
    expect(rent.cases[0]!.targetYear).toBeUndefined();
  });
});

describe('plan versus actual', () => {
  // The lease (ZL-01) plans 21,600 on 31 December; say 10,000 is booked in June and 5,000 in December.
  const vouchers = [voucher('2026-06-10', '102', '501', 1_000_000, { contract: 'ZL-01' }), voucher('2026-12-31', '102', '501', 500_000, { contract: 'ZL-01' }), voucher('2026-03-01', '102', '501', 80_000)];
  it('compares every elapsed period and flags projects behind plan', () => {
    const r = planVersusActual([lease], vouchers, 2026, '2026-12', new D('0.1'));
    const q = (cadence: string, period: string) => r.rows.find((x) => x.cadence === cadence && x.period === period && x.project === '厂房');
    // Q2: plan 0, booked 10,000 → variance +10,000, no percentage
    expect(q('quarter', '2026Q2')).toMatchObject({ plan: 0, actual: 1_000_000, variance: 1_000_000 });
    expect(q('quarter', '2026Q2')?.variancePct).toBeUndefined();
    // Q4: plan 21,600, booked 5,000 → −16,600, −76.85%
    expect(q('quarter', '2026Q4')).toMatchObject({ plan: 2_160_000, actual: 500_000, variance: -1_660_000 });
    expect(q('quarter', '2026Q4')?.variancePct?.toFixed(4)).toBe('-0.7685');
    // Year: 15,000 of 21,600 = 30.56% short, beyond the 10% margin
    expect(q('year', '2026')).toMatchObject({ plan: 2_160_000, actual: 1_500_000, variance: -660_000 });
    expect(r.findings.map((f) => f.rule)).toEqual(['plan.behind']);
    // 800.00 booked without a contract number is shown, unplanned
    expect(r.rows.find((x) => x.project === '未关联项目' && x.cadence === 'year')).toMatchObject({ plan: 0, actual: 80_000 });
    expect(r.rows.filter((x) => x.project === '厂房').length).toBe(12 + 4 + 2 + 1);
  });

  it('compares only the periods that have ended', () => {
    const r = planVersusActual([lease], vouchers, 2026, '2026-07', new D('0.1'));
    expect(r.rows.filter((x) => x.project === '厂房').map((x) => x.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026Q1', '2026Q2', '2026H1']);
    expect(r.findings).toEqual([]);
  });
});
