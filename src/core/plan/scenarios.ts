/**
 * 情景分析 — scenarios as parameter overrides of the base plan, and the one-at-a-time
 * sensitivity (tornado) table of plan NPV and target year at −20%, −10%, +10%, +20%.
 *
 * A parameter applies to a project when its kind uses it and the project has a value for it
 * (typed, or a default that means something: 出租率 100%, 补贴滞后 12 months …): a grain-price
 * scenario leaves cash-rent land alone. Results are clamped to the parameter's range.
 */
import type Decimal from 'decimal.js';
import { D, moneyToFen, type Fen } from '../money';
import { PLAN_PARAMS, type ParamKey, type Plan, type PlanProject, type ProjectKind, type Scenario, type ScenarioOverride } from './model';
import { investmentOf } from './project-flows';
import { newFlowsCache, projectPlan, type FlowsCache, type Projection } from './projection';
import { appraisePlan, planFlows, type PlanAppraisal, type ProjectAppraisal } from './evaluate';
import { npv } from './appraisal';

const COMMON: readonly ParamKey[] = ['investment', 'runningCost', 'loanRate', 'restrictedShare', 'defaultRate'];
const KIND_PARAMS: Readonly<Record<ProjectKind, readonly ParamKey[]>> = {
  land: ['areaMu', 'rentPerMu', 'jinPerMu', 'grainPrice', 'escalationRate'],
  coop: ['capital', 'floorRate', 'shareRate', 'profit'],
  pv: ['capacityKw', 'hours', 'firstYearDegradation', 'annualDegradation', 'curtailment', 'baseTariff', 'subsidyTariff', 'subsidyLagMonths', 'subsidyPayRatio'],
  lease: ['areaM2', 'rentPerM2Month', 'occupancy', 'escalationRate'],
  other: ['annualIncome', 'growthRate'],
};

/** The value a project computes with when the parameter is not typed; undefined = not used. */
function defaultOf(p: PlanProject, key: ParamKey): Decimal | undefined {
  switch (key) {
    case 'investment': return new D(investmentOf(p)).div(100);
    case 'runningCost': case 'loanRate': case 'defaultRate': case 'escalationRate': case 'growthRate':
    case 'firstYearDegradation': case 'annualDegradation': case 'curtailment': return new D(0);
    case 'restrictedShare': return new D(p.kind === 'pv' ? '0.8' : 0);
    case 'subsidyLagMonths': return new D(12);
    case 'subsidyPayRatio': case 'occupancy': return new D(1);
    default: return undefined;
  }
}

/** The parameter's value for the project, or undefined when the project does not use it. */
export function paramValue(p: PlanProject, key: ParamKey): Decimal | undefined {
  if (!COMMON.includes(key) && !KIND_PARAMS[p.kind].includes(key)) return undefined;
  return p.params[key] ?? defaultOf(p, key);
}

function clamp(key: ParamKey, x: Decimal): Decimal {
  const r = PLAN_PARAMS[key];
  const v = D.min(r.max, D.max(r.min, x));
  return key === 'subsidyLagMonths' ? v.toDecimalPlaces(0, D.ROUND_HALF_UP) : v;
}

function applyOne(p: PlanProject, o: ScenarioOverride): PlanProject {
  if (o.project !== undefined && o.project !== p.name) return p;
  const now = paramValue(p, o.param);
  if (now === undefined) return p;
  const next = clamp(o.param, o.op === 'set' ? o.value : o.op === 'add' ? now.plus(o.value) : now.times(o.value));
  // The same object back when nothing changes (a default the project computes with anyway, such
  // as a running cost of 0 scaled by 1.2), so cached flows are reused.
  if (next.eq(now)) return p;
  return { ...p, params: { ...p.params, [o.param]: next } };
}

/** The plan with a scenario's overrides applied in order. */
export function applyScenario(plan: Plan, scenario: Scenario): Plan {
  return { ...plan, projects: plan.projects.map((p) => scenario.overrides.reduce(applyOne, p)) };
}

export interface ScenarioResult {
  /** '基准' for the base plan. */
  name: string;
  note: string;
  projection: Projection;
  appraisal: { projects: ProjectAppraisal[]; plan: PlanAppraisal };
}

export const BASE_SCENARIO = '基准';

export function runScenario(plan: Plan, scenario?: Scenario, cache?: FlowsCache): ScenarioResult {
  const p = scenario ? applyScenario(plan, scenario) : plan;
  const projection = projectPlan(p, cache);
  return { name: scenario?.name ?? BASE_SCENARIO, note: scenario?.note ?? '', projection, appraisal: appraisePlan(projection, cache) };
}

/** The base plan and every scenario, side by side. */
export function runScenarios(plan: Plan, cache: FlowsCache = newFlowsCache()): ScenarioResult[] {
  return [runScenario(plan, undefined, cache), ...plan.scenarios.map((s) => runScenario(plan, s, cache))];
}

/** Plan NPV and target year only (what the sensitivity table needs; no IRR search). */
function npvAndTarget(plan: Plan, cache: FlowsCache): { npv: Fen; targetYear?: number } {
  const pr = projectPlan(plan, cache);
  const flows = planFlows(pr).map((f) => new D(f).div(100));
  return { npv: moneyToFen(npv(flows.length > 0 ? flows : [0], plan.settings.discountRate)), ...(pr.targetYear !== undefined && { targetYear: pr.targetYear }) };
}

/** The steps of the sensitivity table. */
export const SENSITIVITY_STEPS = ['-0.2', '-0.1', '0.1', '0.2'] as const;

/** Drivers worth a row in the tornado (the ones a village can be wrong about). */
export const SENSITIVITY_PARAMS: readonly ParamKey[] = [
  'investment', 'runningCost', 'rentPerMu', 'grainPrice', 'floorRate', 'profit', 'hours', 'baseTariff', 'subsidyTariff', 'rentPerM2Month', 'occupancy', 'annualIncome', 'loanRate',
];

export interface SensitivityRow {
  param: ParamKey;
  zh: string;
  cases: { step: string; npv: Fen; targetYear?: number }[];
  /** |NPV(+20%) − NPV(−20%)|, the bar length of the tornado; rows are sorted by it. */
  swing: Fen;
}

/**
 * One-at-a-time sensitivity: each driver some new project uses is scaled by (1 + step) in every
 * project using it, everything else held at the base plan.
 */
export function sensitivity(plan: Plan, cache: FlowsCache = newFlowsCache()): { base: { npv: Fen; targetYear?: number }; rows: SensitivityRow[] } {
  const base = npvAndTarget(plan, cache);
  const used = SENSITIVITY_PARAMS.filter((k) => plan.projects.some((p) => !p.existing && paramValue(p, k)?.isZero() === false));
  const rows = used.map((param): SensitivityRow => {
    const cases = SENSITIVITY_STEPS.map((step) => {
      const r = npvAndTarget(applyScenario(plan, { name: step, note: '', overrides: [{ param, op: 'mul', value: new D(1).plus(step) }] }), cache);
      return { step, ...r };
    });
    const lo = cases[0]?.npv ?? 0;
    const hi = cases[cases.length - 1]?.npv ?? 0;
    return { param, zh: PLAN_PARAMS[param].zh, cases, swing: Math.abs(hi - lo) };
  });
  rows.sort((a, b) => b.swing - a.swing);
  return { base, rows };
}
