/**
 * 项目评估 — appraisal of each project and of the plan (DOMAIN.md §5) with appraisal.ts:
 * NPV at the plan's discount rate, IRR, static payback, the simple yield villages report,
 * income per household and per capita, 带贫益贫 coverage and each income source's share.
 *
 * - A project's flows start in its start year (flow 0, undiscounted) and run to the end of its life.
 * - The plan's flows are its new projects' flows placed on the calendar from the first plan year
 *   (flow 0) on; contracts carried in from 合同 are not new investment and stay out. So
 *   plan NPV = Σ project NPV / (1+r)^(start − first year), up to the fen rounding of each term.
 * - Simple yield = average yearly (income − running cost) over the operating years / investment.
 * - Coverage = households reached / low-income households, capped at 100% (households reached
 *   by two projects would otherwise count twice).
 */
import type Decimal from 'decimal.js';
import { D, decToFen, moneyToFen, type Fen } from '../money';
import { AppraisalError, irr, npv, paybackYears } from './appraisal';
import type { PlanSettings, ProjectKind } from './model';
import type { ProjectFlows } from './project-flows';
import { KIND_ORDER, type FlowsCache, type Projection } from './projection';

export interface Appraisal {
  investment: Fen;
  npv: Fen;
  /** Undefined when the flows have no IRR (all of one sign, or no root). */
  irr?: Decimal;
  /** Undefined when the investment is not paid back within the flows. */
  payback?: Decimal;
  /** Undefined without investment. */
  simpleYield?: Decimal;
  /** Average yearly income − running cost over the operating years. */
  averageNet: Fen;
  perHousehold?: Fen;
  perCapita?: Fen;
  households: number;
  coverage?: Decimal;
}

export interface ProjectAppraisal extends Appraisal {
  name: string;
  kind: ProjectKind;
  existing: boolean;
  jobs: number;
}

export interface SourceShare {
  kind: ProjectKind;
  income: Fen;
  share: Decimal;
}

export interface PlanAppraisal extends Appraisal {
  /** Share of each source in plan-period operating income from projects (concentration risk). */
  sources: SourceShare[];
}

const tryOr = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch (e) {
    if (e instanceof AppraisalError) return undefined;
    throw e;
  }
};

function ratioFen(num: Fen, den: number): Fen | undefined {
  return den > 0 ? decToFen(new D(num).div(den).div(100)) : undefined;
}

function appraiseFlows(flows: readonly Fen[], investment: Fen, averageNet: Fen, households: number, s: PlanSettings): Appraisal {
  const yuan = flows.map((f) => new D(f).div(100));
  const irrValue = tryOr(() => irr(yuan));
  const paybackValue = investment > 0 ? tryOr(() => paybackYears(yuan)) : undefined;
  const perHousehold = ratioFen(averageNet, s.households);
  const perCapita = ratioFen(averageNet, s.population);
  return {
    investment,
    npv: moneyToFen(npv(yuan.length > 0 ? yuan : [0], s.discountRate)),
    ...(irrValue !== undefined && { irr: irrValue }),
    ...(paybackValue !== undefined && { payback: paybackValue }),
    ...(investment > 0 && { simpleYield: new D(averageNet).div(investment) }),
    averageNet,
    ...(perHousehold !== undefined && { perHousehold }),
    ...(perCapita !== undefined && { perCapita }),
    households,
    ...(s.lowIncomeHouseholds > 0 && { coverage: D.min(1, new D(households).div(s.lowIncomeHouseholds)) }),
  };
}

function averageNetOf(f: ProjectFlows): Fen {
  const operating = f.years.filter((y) => y.runningCost > 0 || y.income > 0);
  if (operating.length === 0) return 0;
  const total = operating.reduce((t, y) => t + y.income - y.runningCost, 0);
  return decToFen(new D(total).div(operating.length).div(100));
}

export function appraiseProject(f: ProjectFlows, s: PlanSettings): ProjectAppraisal {
  const p = f.project;
  return { name: p.name, kind: p.kind, existing: p.existing === true, jobs: p.jobs, ...appraiseFlows(f.flows, f.investment, averageNetOf(f), p.households, s) };
}

/** The plan's new projects' flows on the calendar from the first plan year. */
export function planFlows(projection: Projection): Fen[] {
  const first = projection.settings.firstYear;
  const out: Fen[] = [];
  for (const f of projection.projects) {
    if (f.project.existing) continue;
    f.flows.forEach((cf, k) => {
      const t = f.project.startYear + k - first;
      if (t < 0) return;
      while (out.length <= t) out.push(0);
      out[t] = (out[t] ?? 0) + cf;
    });
  }
  return out;
}

export function appraisePlan(projection: Projection, cache?: FlowsCache): { projects: ProjectAppraisal[]; plan: PlanAppraisal } {
  const s = projection.settings;
  const projects = projection.projects.map((f) => {
    // Same flows object (an unchanged project in another scenario) and same settings: same appraisal.
    const hit = cache?.appraisals.get(f) as ProjectAppraisal | undefined;
    if (hit) return hit;
    const a = appraiseProject(f, s);
    cache?.appraisals.set(f, a);
    return a;
  });
  const fresh = projects.filter((p) => !p.existing);
  const investment = fresh.reduce((t, p) => t + p.investment, 0);
  const averageNet = fresh.reduce((t, p) => t + p.averageNet, 0);
  const households = fresh.reduce((t, p) => t + p.households, 0);
  const totals = new Map<ProjectKind, Fen>(KIND_ORDER.map((k) => [k, 0]));
  for (const y of projection.years) for (const k of KIND_ORDER) totals.set(k, (totals.get(k) ?? 0) + y.incomeByKind[k]);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  const sources = KIND_ORDER.map((kind) => ({ kind, income: totals.get(kind) ?? 0, share: all > 0 ? new D(totals.get(kind) ?? 0).div(all) : new D(0) }));
  return { projects, plan: { ...appraiseFlows(planFlows(projection), investment, averageNet, households, s), sources } };
}
