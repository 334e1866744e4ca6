/**
 * 规划测算 — the plan year by year: every project's flows (project-flows.ts) summed over the plan
 * years, 集体经营性收入 against each year's target, the village class each year
 * (consolidate/classify.ts) and the year the plan's final target is first reached.
 * Every project counts towards income, including contracts carried in from 合同; cumulative
 * cash starts at 0 on 1 January of the first plan year.
 */
import type { Fen } from '../money';
import { classifyVillage, type VillageClassCode } from '../consolidate/classify';
import type { Plan, PlanProject, PlanSettings, ProjectKind } from './model';
import { projectFlows, type ProjectFlows, type ProjectIncome, type ProjectYear } from './project-flows';

export const KIND_ORDER: readonly ProjectKind[] = ['land', 'coop', 'pv', 'lease', 'other'];

/** The plan in one year. Money in fen. */
export interface PlanYear {
  year: number;
  incomeByKind: Record<ProjectKind, Fen>;
  /** 其他经营性收入 outside the projects (settings). */
  otherIncome: Fen;
  /** 集体经营性收入 = Σ project income + other income. */
  operatingIncome: Fen;
  cash: Fen;
  runningCost: Fen;
  interest: Fen;
  principal: Fen;
  investment: Fen;
  net: Fen;
  restricted: Fen;
  free: Fen;
  villageCash: Fen;
  cumulativeCash: Fen;
  target?: Fen;
  meetsTarget?: boolean;
  classCode: VillageClassCode;
  classZh: string;
}

export interface Projection {
  settings: PlanSettings;
  projects: ProjectFlows[];
  years: PlanYear[];
  /** The last year's target (the plan's goal), if any year has one. */
  finalTarget?: Fen;
  /** First plan year whose operating income reaches the final target; undefined if none does. */
  targetYear?: number;
  /** Years in which the class changes from the year before (the first plan year against the base year is not counted). */
  classChanges: { year: number; fromZh: string; toZh: string }[];
}

function emptyKinds(): Record<ProjectKind, Fen> {
  return { land: 0, coop: 0, pv: 0, lease: 0, other: 0 };
}

/** The plan's goal: the target of the latest plan year that has one. */
function finalTargetOf(s: PlanSettings): Fen | undefined {
  let best: { year: number; fen: Fen } | undefined;
  for (const [year, fen] of s.targets) if (year <= s.lastYear && (best === undefined || year > best.year)) best = { year, fen };
  return best?.fen;
}

/**
 * A project's flows depend on the project alone, and scenarios hand back the very same project
 * object when they leave it alone: runs over one plan (scenarios, sensitivity) pass one cache so
 * an unchanged project is computed once.
 */
export interface FlowsCache {
  flows: Map<PlanProject, ProjectFlows>;
  incomes: Map<string, ProjectIncome>;
  /** Appraisals of flows already appraised (evaluate.ts), keyed by the flows object. */
  appraisals: Map<ProjectFlows, unknown>;
}

export function newFlowsCache(): FlowsCache {
  return { flows: new Map(), incomes: new Map(), appraisals: new Map() };
}

function flowsOf(p: PlanProject, cache: FlowsCache | undefined): ProjectFlows {
  const hit = cache?.flows.get(p);
  if (hit) return hit;
  const f = projectFlows(p, cache?.incomes);
  cache?.flows.set(p, f);
  return f;
}

/** Projects the whole plan. Pure; the same plan gives the same projection. */
export function projectPlan(plan: Plan, cache?: FlowsCache): Projection {
  const s = plan.settings;
  const projects = plan.projects.map((p) => flowsOf(p, cache));
  const years: PlanYear[] = [];
  let cumulative = 0;
  for (let year = s.firstYear; year <= s.lastYear; year++) {
    const incomeByKind = emptyKinds();
    const sums = { cash: 0, runningCost: 0, interest: 0, principal: 0, investment: 0, net: 0, restricted: 0, free: 0, villageCash: 0 };
    for (const f of projects) {
      // A project's years run without a gap from its start year.
      const y: ProjectYear | undefined = f.years[year - f.project.startYear];
      if (!y) continue;
      incomeByKind[f.project.kind] += y.income;
      sums.cash += y.cash;
      sums.runningCost += y.runningCost;
      sums.interest += y.interest;
      sums.principal += y.principal;
      sums.investment += y.investment;
      sums.net += y.net;
      sums.restricted += y.restricted;
      sums.free += y.free;
      sums.villageCash += y.villageCash;
    }
    const operatingIncome = Object.values(incomeByKind).reduce((a, b) => a + b, 0) + s.otherIncome;
    // Income outside the projects is free to use and arrives in the year.
    sums.net += s.otherIncome;
    sums.free += s.otherIncome;
    sums.cash += s.otherIncome;
    sums.villageCash += s.otherIncome;
    cumulative += sums.villageCash;
    const cls = classifyVillage(operatingIncome, s.thresholds);
    const target = s.targets.get(year);
    years.push({
      year, incomeByKind, otherIncome: s.otherIncome, operatingIncome, ...sums, cumulativeCash: cumulative,
      ...(target !== undefined && { target, meetsTarget: operatingIncome >= target }),
      classCode: cls.code, classZh: cls.zh,
    });
  }
  const finalTarget = finalTargetOf(s);
  const targetYear = finalTarget === undefined ? undefined : years.find((y) => y.operatingIncome >= finalTarget)?.year;
  const classChanges = years.slice(1).flatMap((y, i) => {
    const prev = years[i];
    return prev && prev.classCode !== y.classCode ? [{ year: y.year, fromZh: prev.classZh, toZh: y.classZh }] : [];
  });
  return {
    settings: s, projects, years, classChanges,
    ...(finalTarget !== undefined && { finalTarget }),
    ...(targetYear !== undefined && { targetYear }),
  };
}
