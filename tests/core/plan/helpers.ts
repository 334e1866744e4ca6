import { D } from '../../../src/core/money';
import { DEFAULT_VILLAGE_THRESHOLDS } from '../../../src/core/consolidate/classify';
import { FUNDING_SOURCES, type Funding, type FundingKey, type ParamKey, type Plan, type PlanProject, type PlanSettings } from '../../../src/core/plan/model';

/** Funding in yuan by source; the rest 0. */
export function funding(yuan: Partial<Record<FundingKey, number>>): Funding {
  return Object.fromEntries(FUNDING_SOURCES.map((s) => [s.key, Math.round((yuan[s.key] ?? 0) * 100)])) as Funding;
}

/** A plan project with parameters typed as numbers or strings (decimal text). */
export function project(p: Partial<Omit<PlanProject, 'params' | 'funding'>> & { name: string; kind: PlanProject['kind']; startYear: number; funding?: Funding; params?: Partial<Record<ParamKey, string | number>> }): PlanProject {
  const params = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, new D(v)]));
  return {
    firstIncomeYear: p.startYear, lifeYears: 10, loanTermYears: 0, loanMethod: 'annuity', dividendMode: 'max', households: 0, jobs: 0,
    ...p, funding: p.funding ?? funding({}), params,
  };
}

export function settings(s: Partial<PlanSettings> = {}): PlanSettings {
  return {
    village: '示例村', firstYear: 2026, lastYear: 2030, baseYear: 2025, discountRate: new D('0.08'), targets: new Map(),
    thresholds: DEFAULT_VILLAGE_THRESHOLDS, households: 0, population: 0, lowIncomeHouseholds: 0, behindMargin: new D('0.1'), otherIncome: 0,
    ...s,
  };
}

export function plan(projects: PlanProject[], s: Partial<PlanSettings> = {}, scenarios: Plan['scenarios'] = []): Plan {
  return { settings: settings(s), projects, scenarios };
}
