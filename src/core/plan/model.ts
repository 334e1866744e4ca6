/**
 * The plan model (发展规划, DOMAIN.md §5): settings, projects and scenarios as plain data. Money
 * is integer fen; rates and quantities are Decimals. Parsing lives in the workbook codecs; this
 * file only says what a plan is, and which project parameters scenarios and sensitivity may vary.
 */
import type Decimal from 'decimal.js';
import type { Fen } from '../money';
import type { Contract, PaymentRule } from '../income/contract';
import type { VillageThresholds } from '../consolidate/classify';

/** 类型 of a plan project, as typed in 规划项目. */
export const PROJECT_KINDS = ['土地流转', '合作社入股', '光伏', '租赁', '其他'] as const;
export type ProjectKindZh = (typeof PROJECT_KINDS)[number];
export type ProjectKind = 'land' | 'coop' | 'pv' | 'lease' | 'other';
export const KIND_OF_PROJECT_ZH: Readonly<Record<ProjectKindZh, ProjectKind>> = {
  土地流转: 'land', 合作社入股: 'coop', 光伏: 'pv', 租赁: 'lease', 其他: 'other',
};
export const PROJECT_KIND_ZH: Readonly<Record<ProjectKind, ProjectKindZh>> = {
  land: '土地流转', coop: '合作社入股', pv: '光伏', lease: '租赁', other: '其他',
};

/** 资金来源 — how a project's investment is paid for, in column order of 规划项目. */
export const FUNDING_SOURCES = [
  { key: 'central', zh: '中央财政' },
  { key: 'province', zh: '省级财政' },
  { key: 'city', zh: '市级财政' },
  { key: 'county', zh: '县级财政' },
  { key: 'township', zh: '乡镇财政' },
  { key: 'bridge', zh: '衔接资金' },
  { key: 'self', zh: '村自筹' },
  { key: 'loan', zh: '贷款' },
  { key: 'social', zh: '社会资本' },
] as const;
export type FundingKey = (typeof FUNDING_SOURCES)[number]['key'];
export type Funding = Readonly<Record<FundingKey, Fen>>;

/**
 * The numeric parameters a scenario may override and the sensitivity table may vary, with the
 * range a value must stay in (a +20% occupancy of 100% is clamped to 100%) and, for money, the
 * unit (yuan). Names match the 合同 register's columns where the meaning is the same.
 */
export const PLAN_PARAMS = {
  investment: { zh: '总投资', min: 0, max: 1e12 },
  runningCost: { zh: '年运营成本', min: 0, max: 1e12 },
  loanRate: { zh: '贷款利率', min: 0, max: 1 },
  restrictedShare: { zh: '限定用途比例', min: 0, max: 1 },
  defaultRate: { zh: '欠租比例', min: 0, max: 1 },
  areaMu: { zh: '面积（亩）', min: 0, max: 1e6 },
  rentPerMu: { zh: '每亩租金', min: 0, max: 1e5 },
  jinPerMu: { zh: '每亩斤数', min: 0, max: 1e4 },
  grainPrice: { zh: '粮价（元/斤）', min: 0, max: 1e3 },
  escalationRate: { zh: '递增率', min: -0.5, max: 1 },
  capital: { zh: '入股金额', min: 0, max: 1e12 },
  floorRate: { zh: '保底收益率', min: 0, max: 1 },
  shareRate: { zh: '分红比例', min: 0, max: 1 },
  profit: { zh: '合作社盈余', min: -1e12, max: 1e12 },
  capacityKw: { zh: '装机容量（kW）', min: 0, max: 1e6 },
  hours: { zh: '等效小时', min: 0, max: 8760 },
  firstYearDegradation: { zh: '首年衰减', min: 0, max: 1 },
  annualDegradation: { zh: '年衰减', min: 0, max: 1 },
  curtailment: { zh: '弃光率', min: 0, max: 1 },
  baseTariff: { zh: '基础电价', min: 0, max: 10 },
  subsidyTariff: { zh: '补贴电价', min: 0, max: 10 },
  subsidyLagMonths: { zh: '补贴滞后（月）', min: 0, max: 120 },
  subsidyPayRatio: { zh: '补贴到位率', min: 0, max: 1 },
  areaM2: { zh: '面积（平方米）', min: 0, max: 1e7 },
  rentPerM2Month: { zh: '月租金（元/平方米）', min: 0, max: 1e6 },
  occupancy: { zh: '出租率', min: 0, max: 1 },
  annualIncome: { zh: '年收入', min: 0, max: 1e12 },
  growthRate: { zh: '年增长率', min: -0.5, max: 1 },
} as const;
export type ParamKey = keyof typeof PLAN_PARAMS;
export const PARAM_KEYS = Object.keys(PLAN_PARAMS) as ParamKey[];
export type PlanParams = Partial<Record<ParamKey, Decimal>>;

/** 还款方式 — 等额本息 (annuity) or 等额本金 (equal principal). */
export type LoanMethod = 'annuity' | 'equal-principal';

/** One row of 规划项目 (or a contract of the 合同 register carried into the plan). */
export interface PlanProject {
  name: string;
  kind: ProjectKind;
  /** Year the investment is made (and a loan drawn). */
  startYear: number;
  /** First year the project earns; its life counts from here. */
  firstIncomeYear: number;
  lifeYears: number;
  /** How the investment is paid for; Σ funding = the investment as typed. */
  funding: Funding;
  loanTermYears: number;
  loanMethod: LoanMethod;
  /** The varying figures; money in yuan. `investment` is Σ funding unless a scenario changes it. */
  params: PlanParams;
  escalationEveryYears?: number;
  dividendMode: 'max' | 'plus';
  /** 收款日; default: PV monthly on the 20th, others once a year on 31 December. */
  payment?: PaymentRule;
  /** A contract of the 合同 register this project is (its terms replace the typed ones). */
  contract?: Contract;
  contractNo?: string;
  /** 受益户数 — households reached (带贫益贫). */
  households: number;
  jobs: number;
  /** True for contracts carried in from 合同 (no investment of their own). */
  existing?: boolean;
  /** Worksheet row in 规划项目, for findings. */
  row?: number;
}

export interface PlanSettings {
  village: string;
  /** 规划期 — first and last year of the plan. */
  firstYear: number;
  lastYear: number;
  /** 基期 — the year whose actuals the plan starts from. */
  baseYear: number;
  discountRate: Decimal;
  /** 集体经营性收入 target by year (fen); a year without one has no target. */
  targets: ReadonlyMap<number, Fen>;
  thresholds: VillageThresholds;
  households: number;
  population: number;
  /** 脱贫户和监测户 — low-income households, the denominator of 带贫益贫 coverage. */
  lowIncomeHouseholds: number;
  /** A project more than this share behind its plan is a finding (e.g. 0.1). */
  behindMargin: Decimal;
  /** 其他经营性收入 — operating income outside the projects (kept flat each plan year), fen. */
  otherIncome: Fen;
}

/** One override of a scenario (规划情景 row): set, add to, or multiply a parameter. */
export interface ScenarioOverride {
  param: ParamKey;
  op: 'set' | 'add' | 'mul';
  value: Decimal;
  /** Project name; undefined = every project that has the parameter (or whose kind uses it). */
  project?: string;
}

export interface Scenario {
  name: string;
  note: string;
  overrides: ScenarioOverride[];
}

export interface Plan {
  settings: PlanSettings;
  projects: PlanProject[];
  scenarios: Scenario[];
}
