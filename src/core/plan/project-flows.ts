/**
 * One project's money year by year, computed with the contract register's own schedule
 * (income/schedule.ts → formulas.ts), so a plan project and a signed contract with the same
 * terms give the same figures to the fen.
 *
 * Conventions (they decide the figures):
 * - A typed project becomes a contract running from 1 January of its first income year for
 *   `lifeYears` whole years; a contract carried in from 合同 keeps its own dates and terms.
 * - 收入 (income) of a year is what is earned in it (the schedule's `year`); 现金 (cash) is what
 *   falls due in it (the schedule's due date: a PV subsidy arrives months or years late).
 * - 欠租比例 (default rate) scales both down; 年运营成本 is paid every operating year.
 * - The appraisal flow (whole-investment view) is −investment in the start year, then cash −
 *   running costs; financing is not a flow there. The village's own cash view adds the loan
 *   service and pays only 村自筹 of the investment (grants, loan and social capital pay the rest).
 */
import type Decimal from 'decimal.js';
import { D, decToFen, fenScaler, type Fen } from '../money';
import { contractDueItems } from '../income/schedule';
import type { Contract } from '../income/contract';
import { yearOf } from '../calendar';
import { loanSchedule, type LoanYear } from './loan';
import { FUNDING_SOURCES, type PlanParams, type PlanProject } from './model';

/** One project in one calendar year. Money in fen. */
export interface ProjectYear {
  year: number;
  income: Fen;
  cash: Fen;
  runningCost: Fen;
  interest: Fen;
  principal: Fen;
  /** Total investment paid this year (start year only). */
  investment: Fen;
  /** The village's own share of it (村自筹). */
  selfFunded: Fen;
  /** 净收益 = income − running cost − interest. */
  net: Fen;
  /** 限定用途 — restricted share of (income − running cost), never below 0. */
  restricted: Fen;
  /** 可自由支配 = net − restricted. */
  free: Fen;
  /** The village's cash: cash − running cost − loan payment − 村自筹. */
  villageCash: Fen;
}

export interface ProjectFlows {
  project: PlanProject;
  /** From the start year to the last year anything happens (life end, late subsidy, loan end). */
  years: ProjectYear[];
  loan: LoanYear[];
  /** Appraisal flows: flows[0] is the start year. */
  flows: Fen[];
  investment: Fen;
}

/** fen × x, rounded half up to a whole fen (money.ts's fenScaler, for one amount). */
export const scaleFen = (f: Fen, x: Decimal): Fen => fenScaler(x)(f);
const p = (params: PlanParams, key: keyof PlanParams, dflt: Decimal.Value = 0): Decimal => params[key] ?? new D(dflt);

/** The investment after scenarios: the `investment` parameter, else Σ funding. */
export function investmentOf(project: PlanProject): Fen {
  const typed = FUNDING_SOURCES.reduce((t, s) => t + project.funding[s.key], 0);
  return project.params.investment === undefined ? typed : decToFen(project.params.investment);
}

/** 村自筹 after scenarios: an investment over or under the funding typed falls on the village (never below 0). */
function selfFundedOf(project: PlanProject, investment: Fen): Fen {
  const typed = FUNDING_SOURCES.reduce((t, s) => t + project.funding[s.key], 0);
  return Math.max(0, project.funding.self + investment - typed);
}

/** The contract whose schedule gives the project's income; undefined for 其他. */
export function projectContract(project: PlanProject): Contract | undefined {
  const q = project.params;
  const base = project.contract;
  const start = base?.start ?? `${project.firstIncomeYear}-01-01`;
  const end = base?.end ?? `${project.firstIncomeYear + project.lifeYears - 1}-12-31`;
  const payment = base?.payment ?? project.payment ?? (project.kind === 'pv' ? { kind: 'monthly', day: 20 } : { kind: 'annual', instalments: [{ month: 12, day: 31, share: new D(1), nextYear: false }] });
  const common = {
    no: base?.no ?? project.name, counterparty: base?.counterparty ?? '', subject: base?.subject ?? project.name, start, end, payment,
    incomeAccount: base?.incomeAccount ?? (project.kind === 'coop' ? '502' : '501'), liabilityAccount: base?.liabilityAccount ?? '211',
    deposit: 0, openingArrears: 0,
    // A plan project's years count from its start, like a signed contract's (合同年度); a linked contract keeps its own choice.
    escalationYears: base?.escalationYears ?? 'contract',
    ...(q.escalationRate !== undefined && { escalationRate: q.escalationRate }),
    ...(project.escalationEveryYears !== undefined && { escalationEveryYears: project.escalationEveryYears }),
  };
  switch (project.kind) {
    case 'land': {
      const passThrough = base?.kind === 'land' ? base.passThrough : false;
      const fee = base?.kind === 'land' ? base.serviceFeePerMu : undefined;
      const grain = q.rentPerMu === undefined;
      return {
        ...common, kind: 'land', areaMu: p(q, 'areaMu'), passThrough, ...(fee !== undefined && { serviceFeePerMu: fee }),
        ...(grain ? { jinPerMu: p(q, 'jinPerMu'), grainPrice: { all: p(q, 'grainPrice'), byYear: new Map() }, ...(base?.kind === 'land' && base.repriceEveryYears !== undefined && { repriceEveryYears: base.repriceEveryYears }) } : { rentPerMu: p(q, 'rentPerMu') }),
      };
    }
    case 'coop':
      return { ...common, kind: 'coop', capital: p(q, 'capital'), floorRate: p(q, 'floorRate'), shareRate: p(q, 'shareRate'), mode: project.dividendMode, profit: { all: p(q, 'profit'), byYear: new Map() } };
    case 'pv':
      return {
        ...common, kind: 'pv', capacityKw: p(q, 'capacityKw'), hours: p(q, 'hours'), lifeYears: base?.kind === 'pv' ? base.lifeYears : yearOf(end) - yearOf(start) + 1, baseTariff: p(q, 'baseTariff'),
        firstYearDegradation: p(q, 'firstYearDegradation'), annualDegradation: p(q, 'annualDegradation'), curtailment: p(q, 'curtailment'),
        subsidyTariff: p(q, 'subsidyTariff'), subsidyLagMonths: p(q, 'subsidyLagMonths', 12).toNumber(),
        subsidyBatchMonths: base?.kind === 'pv' ? base.subsidyBatchMonths : [3, 9], subsidyPayRatio: p(q, 'subsidyPayRatio', 1),
        omCost: 0, vatRate: base?.kind === 'pv' ? base.vatRate : new D('0.13'), restrictedShare: p(q, 'restrictedShare', '0.8'),
      };
    case 'lease':
      return { ...common, kind: 'lease', rentPerM2Month: p(q, 'rentPerM2Month'), occupancy: p(q, 'occupancy', 1), ...(q.areaM2 !== undefined && { areaM2: q.areaM2 }) };
    case 'other':
      return undefined;
  }
}

/** Income earned and cash due by calendar year (fen), before the default rate. */
export interface ProjectIncome {
  earned: Map<number, Fen>;
  due: Map<number, Fen>;
}

/** Parameters that do not change the income schedule (costs, financing, shares applied after it). */
const NOT_INCOME: ReadonlySet<string> = new Set(['investment', 'runningCost', 'loanRate', 'restrictedShare', 'defaultRate']);

/**
 * Everything the income schedule depends on, as text: two projects with the same key earn the
 * same, so scenarios and the sensitivity table that only move costs or another project's figures
 * reuse the schedule (the contract schedule is the expensive part of a plan run).
 */
function incomeKey(p: PlanProject): string {
  const params = Object.entries(p.params).filter(([k]) => !NOT_INCOME.has(k)).map(([k, v]) => `${k}=${v.toString()}`).sort().join(',');
  const pay = p.payment === undefined ? '' : JSON.stringify(p.payment);
  return [p.kind, p.startYear, p.firstIncomeYear, p.lifeYears, p.escalationEveryYears ?? '', p.dividendMode, pay, p.contract?.no ?? '', params].join('|');
}

function incomeByYear(project: PlanProject): ProjectIncome {
  const earned = new Map<number, Fen>();
  const due = new Map<number, Fen>();
  const add = (m: Map<number, Fen>, y: number, f: Fen): void => void m.set(y, (m.get(y) ?? 0) + f);
  const c = projectContract(project);
  if (c === undefined) {
    const g = new D(1).plus(p(project.params, 'growthRate'));
    for (let k = 0; k < project.lifeYears; k++) {
      const f = decToFen(p(project.params, 'annualIncome').times(g.pow(k)));
      add(earned, project.firstIncomeYear + k, f);
      add(due, project.firstIncomeYear + k, f);
    }
    return { earned, due };
  }
  for (const i of contractDueItems(c, yearOf(c.end)).items) {
    add(earned, i.year, i.income);
    add(due, yearOf(i.dueDate), i.income);
  }
  return { earned, due };
}

/** The project's income schedule, from `cache` when a project with the same income inputs was computed. */
export function projectIncome(project: PlanProject, cache?: Map<string, ProjectIncome>): ProjectIncome {
  if (!cache) return incomeByYear(project);
  const key = incomeKey(project);
  const hit = cache.get(key);
  if (hit) return hit;
  const r = incomeByYear(project);
  cache.set(key, r);
  return r;
}

/** Year-by-year figures of one project. */
export function projectFlows(project: PlanProject, incomes?: Map<string, ProjectIncome>): ProjectFlows {
  const q = project.params;
  const investment = investmentOf(project);
  const self = selfFundedOf(project, investment);
  const keep = fenScaler(new D(1).minus(p(q, 'defaultRate')));
  const { earned, due } = projectIncome(project, incomes);
  const loan = loanSchedule(project.funding.loan, p(q, 'loanRate'), project.loanTermYears, project.startYear, project.loanMethod);
  const loanBy = new Map(loan.map((l) => [l.year, l]));
  const lifeEnd = project.contract ? yearOf(project.contract.end) : project.firstIncomeYear + project.lifeYears - 1;
  const operatingFrom = project.contract ? yearOf(project.contract.start) : project.firstIncomeYear;
  const last = Math.max(lifeEnd, ...due.keys(), ...loanBy.keys());
  const cost = decToFen(p(q, 'runningCost'));
  const restrict = fenScaler(p(q, 'restrictedShare', project.kind === 'pv' ? '0.8' : 0));
  const years: ProjectYear[] = [];
  const flows: Fen[] = [];
  for (let y = project.startYear; y <= last; y++) {
    const income = keep(earned.get(y) ?? 0);
    const cash = keep(due.get(y) ?? 0);
    const runningCost = y >= operatingFrom && y <= lifeEnd ? cost : 0;
    const l = loanBy.get(y);
    const interest = l?.interest ?? 0;
    const principal = l?.principal ?? 0;
    const inv = y === project.startYear ? investment : 0;
    const selfFunded = y === project.startYear ? self : 0;
    const net = income - runningCost - interest;
    const restricted = restrict(Math.max(0, income - runningCost));
    years.push({ year: y, income, cash, runningCost, interest, principal, investment: inv, selfFunded, net, restricted, free: net - restricted, villageCash: cash - runningCost - interest - principal - selfFunded });
    flows.push(cash - runningCost - inv);
  }
  return { project, years, loan, flows, investment };
}
