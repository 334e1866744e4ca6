import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { D } from '../../../src/core/money';
import { loanSchedule } from '../../../src/core/plan/loan';
import { projectFlows } from '../../../src/core/plan/project-flows';
import { projectPlan } from '../../../src/core/plan/projection';
import { appraisePlan, appraiseProject } from '../../../src/core/plan/evaluate';
import { npv } from '../../../src/core/plan/appraisal';
import { funding, plan, project, settings } from './helpers';

describe('loanSchedule', () => {
  it('等额本息: 100,000 at 5% over 2 years, hand-worked', () => {
    // payment = 100,000 × 0.05 / (1 − 1.05^−2) = 5,000 / 0.0929705215… = 53,780.49
    // year 1: interest 100,000 × 5% = 5,000.00; principal 53,780.49 − 5,000 = 48,780.49; balance 51,219.51
    // year 2: interest 51,219.51 × 5% = 2,560.9755 → 2,560.98; principal = the balance 51,219.51; payment 53,780.49
    expect(loanSchedule(10_000_000, new D('0.05'), 2, 2026)).toEqual([
      { year: 2026, opening: 10_000_000, interest: 500_000, principal: 4_878_049, payment: 5_378_049, closing: 5_121_951 },
      { year: 2027, opening: 5_121_951, interest: 256_098, principal: 5_121_951, payment: 5_378_049, closing: 0 },
    ]);
  });

  it('等额本金: 90,000 at 4% over 3 years: 30,000 a year plus interest 3,600 / 2,400 / 1,200', () => {
    const s = loanSchedule(9_000_000, new D('0.04'), 3, 2027, 'equal-principal');
    expect(s.map((y) => [y.year, y.principal, y.interest])).toEqual([[2027, 3_000_000, 360_000], [2028, 3_000_000, 240_000], [2029, 3_000_000, 120_000]]);
  });

  it('always repays the loan exactly and never goes below zero', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e11 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (p, bp, n, eq) => {
      const s = loanSchedule(p, new D(bp).div(10000), n, 2026, eq ? 'equal-principal' : 'annuity');
      expect(s.reduce((t, y) => t + y.principal, 0)).toBe(p);
      expect(s.at(-1)?.closing).toBe(0);
      for (const y of s) expect(y.principal).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe('a land project with a loan', () => {
  // 100 mu × 800 yuan = 80,000 a year from 2026, paid on 31 December; financed by a 100,000 loan at 5% over 2 years.
  const land = project({ name: '土地整理', kind: 'land', startYear: 2026, funding: funding({ loan: 100_000 }), loanTermYears: 2, params: { areaMu: 100, rentPerMu: 800, loanRate: '0.05' } });
  it('charges the interest to net income and the whole payment to the village cash', () => {
    const [y1, y2, y3] = projectFlows(land).years;
    // 2026: net 80,000 − 5,000 interest = 75,000; village cash 80,000 − 53,780.49 = 26,219.51
    expect(y1).toMatchObject({ year: 2026, income: 8_000_000, interest: 500_000, principal: 4_878_049, net: 7_500_000, villageCash: 2_621_951, selfFunded: 0 });
    // 2027: net 80,000 − 2,560.98 = 77,439.02; village cash 80,000 − 53,780.49 = 26,219.51
    expect(y2).toMatchObject({ net: 7_743_902, villageCash: 2_621_951 });
    expect(y3).toMatchObject({ interest: 0, net: 8_000_000, villageCash: 8_000_000 });
  });
});

describe('a lease project starting mid-horizon', () => {
  // 500 m² × 4 yuan/m²/month × 12 × 90% = 21,600 a year from 2028 for 10 years; running cost 1,000;
  // investment 200,000 = county 150,000 + village 50,000.
  const lease = project({
    name: '标准厂房', kind: 'lease', startYear: 2028, lifeYears: 10, households: 20,
    funding: funding({ county: 150_000, self: 50_000 }), params: { areaM2: 500, rentPerM2Month: 4, occupancy: '0.9', runningCost: 1000 },
  });
  const p = plan([lease], { households: 400, population: 1500, lowIncomeHouseholds: 40 });
  const projection = projectPlan(p);

  it('earns nothing before its start and 21,600 a year from it', () => {
    expect(projection.years.map((y) => y.operatingIncome)).toEqual([0, 0, 2_160_000, 2_160_000, 2_160_000]);
    // 2028: 21,600 − 1,000 − 50,000 village share = −29,400; then +20,600 twice: cumulative 11,800 in 2030
    expect(projection.years.map((y) => y.villageCash)).toEqual([0, 0, -2_940_000, 2_060_000, 2_060_000]);
    expect(projection.years.at(-1)?.cumulativeCash).toBe(1_180_000);
  });

  it('appraises the project from its own start year and the plan from 2026', () => {
    const a = appraiseProject(projection.projects[0]!, p.settings);
    // flows: 2028 −200,000 + 20,600 = −179,400; 2029–2037 20,600 each.
    // NPV = −179,400 + 20,600 × (1 − 1.08^−9)/0.08 = −179,400 + 128,685.89 = −50,714.11
    expect(a.npv).toBe(-5_071_411);
    // payback: −179,400 + 8 × 20,600 = −14,600 after year 8; 8 + 14,600/20,600 = 8.70874 years
    expect(a.payback?.toFixed(5)).toBe('8.70874');
    // simple yield 20,600 / 200,000 = 10.3%; per household 20,600/400 = 51.50; per capita 20,600/1,500 = 13.73
    expect(a.simpleYield?.toString()).toBe('0.103');
    expect([a.perHousehold, a.perCapita]).toEqual([5150, 1373]);
    // 20 of 40 low-income households reached
    expect(a.coverage?.toString()).toBe('0.5');
    // The plan discounts to 2026: −50,714.11 / 1.08² = −43,479.17
    expect(appraisePlan(projection).plan.npv).toBe(-4_347_917);
  });
});

describe('a PV station with the subsidy two years late', () => {
  // 100 kW × 1,200 h = 120,000 kWh a year, no degradation. Excluding 13% VAT:
  // base 120,000 × 0.3779 / 1.13 = 40,130.97; subsidy 120,000 × 0.42 / 1.13 = 44,601.77.
  const pv = project({
    name: '村级光伏', kind: 'pv', startYear: 2026, lifeYears: 20, funding: funding({ bridge: 400_000 }),
    params: { capacityKw: 100, hours: 1200, baseTariff: '0.3779', subsidyTariff: '0.42', subsidyLagMonths: 24, runningCost: 5000 },
  });
  const f = projectFlows(pv);

  it('earns base + subsidy each year but receives the subsidy two years later', () => {
    expect(f.years[0]?.income).toBe(4_013_097 + 4_460_177);
    // Cash, base: month m is paid on the 20th of m+1, so December's 3,408.38 (31/365 of the year, by allocate) moves to January.
    // 2026: 40,130.97 − 3,408.38 = 36,722.59.   2027: 3,408.38 + 36,722.59 = 40,130.97.
    // Subsidy: month m falls due in the first batch month (March, September) on or after m + 24 months.
    // 2028: Dec 2027 base 3,408.38 + Jan–Nov 2028 base (leap year: 40,130.97 − 3,399.07) + subsidy Jan–Sep 2026 (273 days: 33,359.69) = 73,499.97
    // 2029: Dec 2028 base 3,399.07 + Jan–Nov 2029 36,722.59 + subsidy Oct–Dec 2026 (11,242.08, March 2029) + Jan–Sep 2027 (33,359.69) = 84,723.43
    expect(f.years.slice(0, 4).map((y) => y.cash)).toEqual([3_672_259, 4_013_097, 7_349_997, 8_472_343]);
  });

  it('keeps 80% of (income − running cost) restricted', () => {
    // income 40,130.97 + 44,601.77 = 84,732.74; (84,732.74 − 5,000) × 80% = 63,786.192 → 63,786.19;
    // free = 79,732.74 − 63,786.19 = 15,946.55
    expect(f.years[0]).toMatchObject({ restricted: 6_378_619, free: 1_594_655 });
  });

  it('is worth less with the lag than without it', () => {
    const prompt = projectFlows({ ...pv, params: { ...pv.params, subsidyLagMonths: new D(0) } });
    const s = settings();
    expect(appraiseProject(f, s).npv).toBeLessThan(appraiseProject(prompt, s).npv);
    // The appraisal flow is cash − running cost − investment: 36,722.59 − 5,000 − 400,000 in 2026.
    expect(f.flows[0]).toBe(3_672_259 - 500_000 - 40_000_000);
    expect(appraiseProject(f, s).npv).toBe(npv(f.flows.map((x) => new D(x).div(100)), '0.08').times(100).toNumber());
  });
});

describe('targets and village classes', () => {
  // Other income 30,000 (薄弱村). Land 50 mu × 800 = 40,000 from 2027; a cooperative stake of 500,000 with an 8% floor
  // (profit 0, so 40,000) from 2029; other income of 100,000 a year from 2030.
  const p = plan([
    project({ name: '土地', kind: 'land', startYear: 2027, params: { areaMu: 50, rentPerMu: 800 } }),
    project({ name: '入股', kind: 'coop', startYear: 2029, params: { capital: 500_000, floorRate: '0.08', shareRate: '0.1', profit: 0 } }),
    project({ name: '农家乐', kind: 'other', startYear: 2030, params: { annualIncome: 100_000 } }),
  ], { otherIncome: 3_000_000, targets: new Map([[2026, 5_000_000], [2027, 5_000_000], [2028, 8_000_000], [2029, 10_000_000], [2030, 10_000_000]]) });
  const r = projectPlan(p);

  it('adds up operating income, checks each target and finds the target year', () => {
    // 30,000 | 70,000 | 70,000 | 110,000 | 210,000
    expect(r.years.map((y) => y.operatingIncome)).toEqual([3_000_000, 7_000_000, 7_000_000, 11_000_000, 21_000_000]);
    expect(r.years.map((y) => y.meetsTarget)).toEqual([false, true, false, true, true]);
    expect(r.finalTarget).toBe(10_000_000);
    expect(r.targetYear).toBe(2029);
  });

  it('classes each year and lists the transitions', () => {
    expect(r.years.map((y) => y.classZh)).toEqual(['薄弱村', '一般村', '一般村', '一般村', '富裕村']);
    expect(r.classChanges).toEqual([{ year: 2027, fromZh: '薄弱村', toZh: '一般村' }, { year: 2030, fromZh: '一般村', toZh: '富裕村' }]);
    expect(r.years[2]?.incomeByKind).toEqual({ land: 4_000_000, coop: 0, pv: 0, lease: 0, other: 0 });
  });

  it('has no target year when the goal is never reached', () => {
    expect(projectPlan({ ...p, projects: p.projects.slice(0, 1) }).targetYear).toBeUndefined();
  });
});

describe('invariants', () => {
  it('plan NPV is the sum of project NPVs discounted to the first plan year (to a fen per project)', () => {
    fc.assert(fc.property(fc.array(fc.record({ start: fc.integer({ min: 2026, max: 2030 }), rent: fc.integer({ min: 100, max: 2000 }), inv: fc.integer({ min: 0, max: 500_000 }) }), { minLength: 1, maxLength: 5 }), (rows) => {
      const p = plan(rows.map((r, i) => project({ name: `p${i}`, kind: 'land', startYear: r.start, funding: funding({ self: r.inv }), params: { areaMu: 100, rentPerMu: r.rent } })));
      const pr = projectPlan(p);
      const a = appraisePlan(pr);
      const sum = a.projects.reduce((t, x, i) => t + x.npv / 1.08 ** ((p.projects[i]?.startYear ?? 2026) - 2026), 0);
      expect(Math.abs(a.plan.npv - sum)).toBeLessThanOrEqual(rows.length + 1);
      // Yearly operating income is the sum of the projects' incomes.
      for (const y of pr.years) expect(y.operatingIncome).toBe(pr.projects.reduce((t, f) => t + (f.years.find((z) => z.year === y.year)?.income ?? 0), 0));
    }), { numRuns: 40 });
  });
});
