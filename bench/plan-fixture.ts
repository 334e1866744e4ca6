/** The plan bench's plan: 50 projects (ten of each kind) over 30 years with 5 scenarios. */
import { D } from '../src/core/money';
import { DEFAULT_VILLAGE_THRESHOLDS } from '../src/core/consolidate/classify';
import { FUNDING_SOURCES, type Funding, type Plan, type PlanProject, type ProjectKind } from '../src/core/plan/model';

const KINDS: ProjectKind[] = ['land', 'coop', 'pv', 'lease', 'other'];
const PARAMS: Record<ProjectKind, Record<string, string>> = {
  land: { areaMu: '120', rentPerMu: '800', escalationRate: '0.05' },
  coop: { capital: '400000', floorRate: '0.06', shareRate: '0.1', profit: '300000' },
  pv: { capacityKw: '100', hours: '1100', firstYearDegradation: '0.02', annualDegradation: '0.0045', baseTariff: '0.3779', subsidyTariff: '0.2', subsidyLagMonths: '12', runningCost: '3000' },
  lease: { areaM2: '800', rentPerM2Month: '8', occupancy: '0.9', escalationRate: '0.05' },
  other: { annualIncome: '60000', growthRate: '0.03', runningCost: '10000' },
};

function funding(self: number, bridge: number, loan: number): Funding {
  return Object.fromEntries(FUNDING_SOURCES.map((s) => [s.key, s.key === 'self' ? self : s.key === 'bridge' ? bridge : s.key === 'loan' ? loan : 0])) as Funding;
}

export function benchPlan(): Plan {
  const projects: PlanProject[] = Array.from({ length: 50 }, (_, i) => {
    const kind = KINDS[i % 5]!;
    return {
      name: `项目${i + 1}`, kind, startYear: 2026 + (i % 10), firstIncomeYear: 2026 + (i % 10) + (kind === 'pv' ? 1 : 0), lifeYears: kind === 'pv' ? 25 : 20,
      funding: funding(5_000_000 + i * 10_000, 20_000_000, i % 3 === 0 ? 10_000_000 : 0), loanTermYears: 5, loanMethod: 'annuity',
      params: Object.fromEntries(Object.entries({ ...PARAMS[kind], loanRate: '0.0435' }).map(([k, v]) => [k, new D(v)])),
      ...(kind === 'land' || kind === 'lease' ? { escalationEveryYears: 3 } : {}), dividendMode: 'max', households: 10, jobs: 1,
    };
  });
  const targets = new Map(Array.from({ length: 30 }, (_, k) => [2026 + k, 50_000_000 + k * 5_000_000] as [number, number]));
  return {
    settings: { village: '基准村', firstYear: 2026, lastYear: 2055, baseYear: 2025, discountRate: new D('0.08'), targets, thresholds: DEFAULT_VILLAGE_THRESHOLDS, households: 500, population: 1800, lowIncomeHouseholds: 60, behindMargin: new D('0.1'), otherIncome: 0 },
    projects,
    scenarios: [
      { name: '粮价下跌', note: '', overrides: [{ param: 'rentPerMu', op: 'mul', value: new D('0.85') }] },
      { name: '补贴晚两年', note: '', overrides: [{ param: 'subsidyLagMonths', op: 'add', value: new D(24) }] },
      { name: '衰减加快', note: '', overrides: [{ param: 'annualDegradation', op: 'add', value: new D('0.003') }] },
      { name: '出租率下降', note: '', overrides: [{ param: 'occupancy', op: 'mul', value: new D('0.8') }] },
      { name: '投资超支', note: '', overrides: [{ param: 'investment', op: 'mul', value: new D('1.1') }] },
    ],
  };
}
