/**
 * The plan JSON that `cunzhang plan --json` prints, the task pane shows and the plan document is
 * drawn from. Stable like the report JSON (docs/plan.md): amounts are strings with two decimals,
 * rates are decimal strings ("0.08"), a figure that does not exist is null, never absent.
 */
import * as z from 'zod';
import type Decimal from 'decimal.js';
import { fenToString, type Fen } from '../core/money';
import type { Finding } from '../core/findings';
import { CADENCES, type PlanActual } from '../core/plan/plan-actual';
import type { Appraisal } from '../core/plan/evaluate';
import { FUNDING_SOURCES, PROJECT_KIND_ZH } from '../core/plan/model';
import type { ScenarioResult, SensitivityRow } from '../core/plan/scenarios';
import { AmountString } from './report-json';

const Rate = z.string().regex(/^-?\d+(\.\d+)?$/);
const Kind = z.enum(['land', 'coop', 'pv', 'lease', 'other']);
const Nullable = <T extends z.ZodType>(t: T) => t.nullable();

const AppraisalJson = z.object({
  investment: AmountString,
  npv: AmountString,
  irr: Nullable(Rate),
  /** Static payback in years (2 decimals). */
  payback: Nullable(Rate),
  simpleYield: Nullable(Rate),
  averageNet: AmountString,
  perHousehold: Nullable(AmountString),
  perCapita: Nullable(AmountString),
  households: z.number().int(),
  coverage: Nullable(Rate),
});

const YearJson = z.object({
  year: z.number().int(),
  operatingIncome: AmountString,
  bySource: z.record(Kind, AmountString),
  otherIncome: AmountString,
  cash: AmountString,
  runningCost: AmountString,
  interest: AmountString,
  principal: AmountString,
  investment: AmountString,
  net: AmountString,
  restricted: AmountString,
  free: AmountString,
  villageCash: AmountString,
  cumulativeCash: AmountString,
  target: Nullable(AmountString),
  meetsTarget: z.boolean().nullable(),
  class: z.enum(['shell', 'weak', 'average', 'rich']),
  classZh: z.string(),
});

export const PlanJson = z.object({
  schema: z.literal('cunzhang.plan/1'),
  village: z.string(),
  township: z.string(),
  /** The scenario the projection is for ('基准' = the base plan). */
  scenario: z.string(),
  settings: z.object({ firstYear: z.number().int(), lastYear: z.number().int(), baseYear: z.number().int(), discountRate: Rate, households: z.number().int(), population: z.number().int(), lowIncomeHouseholds: z.number().int() }),
  /** Base-year 集体经营性收入 from the ledger or 历年数据; null when neither has the year. */
  base: z.object({ year: z.number().int(), operatingIncome: Nullable(AmountString), source: z.enum(['ledger', 'history']).nullable() }),
  history: z.array(z.object({ year: z.number().int(), operatingIncome: AmountString })),
  years: z.array(YearJson),
  finalTarget: Nullable(AmountString),
  targetYear: z.number().int().nullable(),
  classChanges: z.array(z.object({ year: z.number().int(), fromZh: z.string(), toZh: z.string() })),
  projects: z.array(AppraisalJson.extend({
    name: z.string(), kind: Kind, kindZh: z.string(), existing: z.boolean(), startYear: z.number().int(), firstIncomeYear: z.number().int(), lifeYears: z.number().int(),
    funding: z.record(z.string(), AmountString), jobs: z.number().int(), contractNo: z.string().nullable(),
  })),
  plan: AppraisalJson.extend({ sources: z.array(z.object({ kind: Kind, kindZh: z.string(), income: AmountString, share: Rate })) }),
  scenarios: z.array(z.object({ name: z.string(), note: z.string(), npv: AmountString, irr: Nullable(Rate), targetYear: z.number().int().nullable(), lastYearIncome: AmountString, totalIncome: AmountString })),
  sensitivity: z.object({
    base: z.object({ npv: AmountString, targetYear: z.number().int().nullable() }),
    rows: z.array(z.object({ param: z.string(), zh: z.string(), swing: AmountString, cases: z.array(z.object({ step: Rate, npv: AmountString, targetYear: z.number().int().nullable() })) })),
  }),
  actual: z.object({
    year: z.number().int(), asOf: z.string(),
    rows: z.array(z.object({ cadence: z.enum(['month', 'quarter', 'half', 'year']), cadenceZh: z.string(), period: z.string(), project: z.string(), kind: Kind.nullable(), plan: AmountString, actual: AmountString, variance: AmountString, variancePct: Nullable(Rate) })),
  }).nullable(),
  findings: z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), zh: z.string(), en: z.string(), sheet: z.string().nullable(), row: z.number().nullable(), column: z.string().nullable() })),
});
export type PlanJson = z.infer<typeof PlanJson>;

const s = fenToString;
const opt = (f: Fen | undefined): string | null => (f === undefined ? null : s(f));
const rate = (d: Decimal | undefined, places = 6): string | null => (d === undefined ? null : d.toDecimalPlaces(places).toString());

function appraisalJson(a: Appraisal): z.infer<typeof AppraisalJson> {
  return {
    investment: s(a.investment), npv: s(a.npv), irr: rate(a.irr, 8), payback: a.payback === undefined ? null : a.payback.toFixed(2), simpleYield: rate(a.simpleYield),
    averageNet: s(a.averageNet), perHousehold: opt(a.perHousehold), perCapita: opt(a.perCapita), households: a.households, coverage: rate(a.coverage, 4),
  };
}

export interface PlanJsonInput {
  village: string;
  township: string;
  main: ScenarioResult;
  all: ScenarioResult[];
  sensitivity: { base: { npv: Fen; targetYear?: number }; rows: SensitivityRow[] };
  actual: PlanActual | undefined;
  base: { year: number; operatingIncome?: Fen; source?: 'ledger' | 'history' };
  history: { year: number; operatingIncome: Fen }[];
  findings: Finding[];
}

export function toPlanJson(i: PlanJsonInput): PlanJson {
  const pr = i.main.projection;
  const st = pr.settings;
  const total = (r: ScenarioResult): Fen => r.projection.years.reduce((t, y) => t + y.operatingIncome, 0);
  return PlanJson.parse({
    schema: 'cunzhang.plan/1', village: i.village, township: i.township, scenario: i.main.name,
    settings: { firstYear: st.firstYear, lastYear: st.lastYear, baseYear: st.baseYear, discountRate: st.discountRate.toString(), households: st.households, population: st.population, lowIncomeHouseholds: st.lowIncomeHouseholds },
    base: { year: i.base.year, operatingIncome: opt(i.base.operatingIncome), source: i.base.source ?? null },
    history: i.history.map((h) => ({ year: h.year, operatingIncome: s(h.operatingIncome) })),
    years: pr.years.map((y) => ({
      year: y.year, operatingIncome: s(y.operatingIncome), bySource: Object.fromEntries(Object.entries(y.incomeByKind).map(([k, v]) => [k, s(v)])),
      otherIncome: s(y.otherIncome), cash: s(y.cash), runningCost: s(y.runningCost), interest: s(y.interest), principal: s(y.principal), investment: s(y.investment),
      net: s(y.net), restricted: s(y.restricted), free: s(y.free), villageCash: s(y.villageCash), cumulativeCash: s(y.cumulativeCash),
      target: opt(y.target), meetsTarget: y.meetsTarget ?? null, class: y.classCode, classZh: y.classZh,
    })),
    finalTarget: opt(pr.finalTarget), targetYear: pr.targetYear ?? null, classChanges: pr.classChanges,
    projects: i.main.appraisal.projects.map((a, k) => {
      const p = pr.projects[k]!.project;
      return {
        ...appraisalJson(a), name: a.name, kind: a.kind, kindZh: PROJECT_KIND_ZH[a.kind], existing: a.existing, startYear: p.startYear, firstIncomeYear: p.firstIncomeYear, lifeYears: p.lifeYears,
        funding: Object.fromEntries(FUNDING_SOURCES.map((f) => [f.key, s(p.funding[f.key])])), jobs: a.jobs, contractNo: p.contract?.no ?? p.contractNo ?? null,
      };
    }),
    plan: { ...appraisalJson(i.main.appraisal.plan), sources: i.main.appraisal.plan.sources.map((x) => ({ kind: x.kind, kindZh: PROJECT_KIND_ZH[x.kind], income: s(x.income), share: x.share.toDecimalPlaces(4).toString() })) },
    scenarios: i.all.map((r) => ({
      name: r.name, note: r.note, npv: s(r.appraisal.plan.npv), irr: rate(r.appraisal.plan.irr, 8), targetYear: r.projection.targetYear ?? null,
      lastYearIncome: s(r.projection.years.at(-1)?.operatingIncome ?? 0), totalIncome: s(total(r)),
    })),
    sensitivity: {
      base: { npv: s(i.sensitivity.base.npv), targetYear: i.sensitivity.base.targetYear ?? null },
      rows: i.sensitivity.rows.map((r) => ({ param: r.param, zh: r.zh, swing: s(r.swing), cases: r.cases.map((c) => ({ step: c.step, npv: s(c.npv), targetYear: c.targetYear ?? null })) })),
    },
    actual: i.actual === undefined ? null : {
      year: i.actual.year, asOf: i.actual.asOf,
      rows: i.actual.rows.map((r) => ({
        cadence: r.cadence, cadenceZh: CADENCES.find((c) => c.cadence === r.cadence)?.zh ?? '', period: r.period, project: r.project, kind: r.kind ?? null,
        plan: s(r.plan), actual: s(r.actual), variance: s(r.variance), variancePct: rate(r.variancePct, 4),
      })),
    },
    findings: i.findings.map((f) => ({ rule: f.rule, severity: f.severity, zh: f.zh, en: f.en, sheet: f.sheet ?? null, row: f.row ?? null, column: f.column ?? null })),
  });
}
