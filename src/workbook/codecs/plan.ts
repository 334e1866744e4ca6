/**
 * 规划设置 / 规划项目 / 规划情景 / 历年数据 → a Plan, with a finding for every bad cell (sheet,
 * row, column letter, rule; Chinese first). Cells are read by header label; each row is checked
 * with zod, then with the kind's rules (a land project needs an area and a cash or grain rent …).
 * Contracts of 合同 join the plan as existing projects unless a project links to them by
 * 合同编号, in which case the project takes the contract's dates and terms.
 */
import * as z from 'zod';
import type Decimal from 'decimal.js';
import { finding, type Finding } from '../../core/findings';
import { D, decToFen, type Fen } from '../../core/money';
import { DEFAULT_VILLAGE_THRESHOLDS } from '../../core/consolidate/classify';
import { DEFAULT_DISCOUNT_RATE } from '../../core/plan/appraisal';
import { parsePaymentRule, parseYearValues } from '../../core/income/contract-text';
import type { Contract } from '../../core/income/contract';
import {
  FUNDING_SOURCES, KIND_OF_PROJECT_ZH, PARAM_KEYS, PLAN_PARAMS, PROJECT_KINDS,
  type Funding, type ParamKey, type Plan, type PlanParams, type PlanProject, type PlanSettings, type Scenario,
} from '../../core/plan/model';
import { paramsFromContract, projectFromContract } from '../../core/plan/from-contract';
import { PLAN_PROJECTS, PLAN_SCENARIOS, PLAN_SETTINGS, PLAN_SETTING_KEYS } from '../layout';
import type { Scalar, TableData } from '../port';
import { cellText, isBlank, isBlankRow, parseAmountCell } from './cells';
import { resolveColumns, wantsOf } from './columns';

const msg = (zh: string, en: string): string => `${zh}|${en}`;

/** A number cell (or "5%" text) into a Decimal within [min, max]; blank → undefined. */
const dec = (min: number, max: number, zh: string) =>
  z.union([z.number(), z.string()]).optional().transform((v, ctx): Decimal | undefined => {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const t = typeof v === 'string' ? v.trim().replace(/,/g, '') : v;
    let x: Decimal;
    try {
      x = typeof t === 'string' && t.endsWith('%') ? new D(t.slice(0, -1)).div(100) : new D(t);
    } catch {
      ctx.addIssue({ code: 'custom', message: msg(`${zh}"${String(v)}"不是数字`, `${zh} "${String(v)}" is not a number`) });
      return z.NEVER;
    }
    if (!x.isFinite() || x.lt(min) || x.gt(max)) {
      ctx.addIssue({ code: 'custom', message: msg(`${zh}"${String(v)}"应在${min}到${max}之间`, `${zh} "${String(v)}" must be between ${min} and ${max}`) });
      return z.NEVER;
    }
    return x;
  });
const int = (min: number, max: number, zh: string) =>
  dec(min, max, zh).refine((x) => x === undefined || x.isInteger(), { message: msg(`${zh}应为整数`, `${zh} must be a whole number`) }).transform((x) => x?.toNumber());

const MONEY_KEYS: ReadonlySet<string> = new Set([...FUNDING_SOURCES.map((s) => s.key), 'runningCost', 'capital', 'profit', 'annualIncome']);
const paramShape = Object.fromEntries(PARAM_KEYS.filter((k) => k !== 'investment').map((k) => [k, dec(PLAN_PARAMS[k].min, PLAN_PARAMS[k].max, PLAN_PARAMS[k].zh)]));

const projectShape = z.object({
  name: z.string({ message: msg('缺少项目名称', 'project name is missing') }),
  kind: z.enum(PROJECT_KINDS, { message: msg(`类型应为${PROJECT_KINDS.join('、')}之一`, `kind must be one of ${PROJECT_KINDS.join(', ')}`) }),
  startYear: int(1990, 2100, '开工年度').refine((x) => x !== undefined, { message: msg('缺少开工年度', 'start year is missing') }),
  firstIncomeYear: int(1990, 2100, '首次收益年度'),
  lifeYears: int(1, 60, '寿命（年）'),
  ...Object.fromEntries(FUNDING_SOURCES.map((s) => [s.key, z.number().int().nonnegative().optional()])),
  loanTermYears: int(0, 40, '贷款期限（年）'),
  loanMethod: z.enum(['等额本息', '等额本金']).optional(),
  households: int(0, 1e6, '受益户数'),
  jobs: int(0, 1e6, '带动就业'),
  contractNo: z.string().optional(),
  escalationEveryYears: int(1, 50, '递增间隔（年）'),
  dividendMode: z.enum(['取大', '保底加分红']).optional(),
  paymentDates: z.string().optional().refine((s) => s === undefined || parsePaymentRule(s) !== undefined, { message: msg('收款日格式不对（如 12-31、每月20）', 'payment dates not understood (e.g. 12-31, 每月20)') }),
  note: z.string().optional(),
  ...paramShape,
});
type ProjectRow = z.output<typeof projectShape> & Record<string, unknown>;

const NEEDS: Record<string, readonly (readonly string[])[]> = {
  land: [['areaMu']], coop: [['capital'], ['floorRate'], ['shareRate']], pv: [['capacityKw'], ['hours'], ['baseTariff']], lease: [['rentPerM2Month']], other: [['annualIncome']],
};

/** Kind rules of a typed (not contract-linked) project; issues carry the column key. */
function kindIssues(r: ProjectRow, linked: boolean): { key: string; zh: string; en: string }[] {
  const out: { key: string; zh: string; en: string }[] = [];
  const kind = KIND_OF_PROJECT_ZH[r.kind];
  if (r.firstIncomeYear !== undefined && r.firstIncomeYear < (r.startYear ?? 0)) out.push({ key: 'firstIncomeYear', zh: '首次收益年度早于开工年度', en: 'first income year is before the start year' });
  if ((r.loan as number | undefined ?? 0) > 0 && (r.loanTermYears === undefined || r.loanTermYears === 0)) out.push({ key: 'loanTermYears', zh: '有贷款就要填贷款期限（年）', en: 'a loan needs a term in years' });
  if (linked) return out;
  if (r.lifeYears === undefined) out.push({ key: 'lifeYears', zh: '缺少寿命（年）', en: 'life in years is missing' });
  for (const [key] of NEEDS[kind] ?? []) {
    if (key !== undefined && r[key] === undefined) out.push({ key, zh: `${r.kind}项目缺少${PLAN_PARAMS[key as ParamKey]?.zh ?? key}`, en: `${r.kind} project: ${key} is missing` });
  }
  if (kind === 'land' && (r.rentPerMu === undefined) === (r.jinPerMu === undefined || r.grainPrice === undefined)) {
    out.push({ key: 'rentPerMu', zh: '土地流转项目应填每亩租金，或填每亩斤数和粮价（二选一）', en: 'a land project needs a cash rent per mu, or jin per mu with a grain price' });
  }
  return out;
}

function toProject(r: ProjectRow, row: number, contract: Contract | undefined): PlanProject {
  const funding = Object.fromEntries(FUNDING_SOURCES.map((s) => [s.key, (r[s.key] as number | undefined) ?? 0])) as Funding;
  const params: PlanParams = contract ? paramsFromContract(contract) : {};
  for (const k of PARAM_KEYS) {
    const v = r[k] as Decimal | undefined;
    // Money cells were read as fen; parameters are yuan.
    if (v !== undefined) params[k] = MONEY_KEYS.has(k) ? v.div(100) : v;
  }
  const start = r.startYear ?? 0;
  const first = contract ? Number(contract.start.slice(0, 4)) : (r.firstIncomeYear ?? start);
  const life = contract ? Number(contract.end.slice(0, 4)) - first + 1 : (r.lifeYears ?? 1);
  const payment = r.paymentDates !== undefined ? parsePaymentRule(r.paymentDates) : undefined;
  return {
    name: r.name, kind: KIND_OF_PROJECT_ZH[r.kind], startYear: start, firstIncomeYear: first, lifeYears: life, funding,
    loanTermYears: r.loanTermYears ?? 0, loanMethod: r.loanMethod === '等额本金' ? 'equal-principal' : 'annuity', params,
    ...(r.escalationEveryYears !== undefined && { escalationEveryYears: r.escalationEveryYears }),
    dividendMode: r.dividendMode === '保底加分红' ? 'plus' : 'max', ...(payment !== undefined && { payment }),
    ...(contract !== undefined && { contract }), ...(r.contractNo !== undefined && { contractNo: r.contractNo }),
    households: r.households ?? 0, jobs: r.jobs ?? 0, row,
  };
}

function splitIssue(message: string): { zh: string; en: string } {
  const [zh = message, en = message] = message.includes('|') ? message.split('|') : [];
  return { zh, en };
}

/** Rows of a typed-in table as key → cell, with a finding per unreadable money cell. */
function rowsOf(t: TableData, spec: { columns: readonly { key: string; header: string }[] }, required: string[], moneyKeys: ReadonlySet<string>, findings: Finding[]) {
  const r = resolveColumns(t.header, wantsOf(spec as typeof PLAN_PROJECTS, required), t.sheet, t.firstRow - 1);
  findings.push(...r.findings);
  if (r.findings.length > 0) return [];
  const letter = (key: string): string => t.columnLetters[r.index[key] ?? -1] ?? key;
  const out: { row: number; values: Record<string, string | number | undefined>; letter: (key: string) => string }[] = [];
  t.rows.forEach((cells, k) => {
    if (isBlankRow(cells)) return;
    const row = t.firstRow + k;
    const values: Record<string, string | number | undefined> = {};
    let bad = false;
    for (const c of spec.columns) {
      const v = cells[r.index[c.key] ?? -1];
      if (isBlank(v)) continue;
      if (moneyKeys.has(c.key)) {
        const p = parseAmountCell(v, c.header);
        if (p.ok) values[c.key] = p.value;
        else {
          findings.push(finding(p.issue.rule, 'error', p.issue.zh, p.issue.en, { sheet: t.sheet, row, column: letter(c.key) }));
          bad = true;
        }
      } else values[c.key] = typeof v === 'number' ? v : cellText(v);
    }
    if (!bad) out.push({ row, values, letter });
  });
  return out;
}

export function decodePlanProjects(t: TableData | undefined, contracts: readonly Contract[]): { projects: PlanProject[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const projects: PlanProject[] = [];
  const byNo = new Map(contracts.map((c) => [c.no, c]));
  const linked = new Set<string>();
  for (const { row, values, letter } of t ? rowsOf(t, PLAN_PROJECTS, ['name', 'kind', 'startYear'], MONEY_KEYS, findings) : []) {
    const at = (key: string, zh: string, en: string, rule = 'plan.invalid-project'): void =>
      void findings.push(finding(rule, 'error', `规划项目第${row}行：${zh}`, `plan project row ${row}: ${en}`, { sheet: PLAN_PROJECTS.sheet, row, column: letter(key) }));
    const p = projectShape.safeParse(values);
    if (!p.success) {
      for (const i of p.error.issues) at(String(i.path[0] ?? 'name'), splitIssue(i.message).zh, splitIssue(i.message).en);
      continue;
    }
    const r = p.data as ProjectRow;
    const contract = r.contractNo !== undefined ? byNo.get(r.contractNo) : undefined;
    if (r.contractNo !== undefined && contract === undefined) findings.push(finding('plan.unknown-contract', 'warning', `规划项目第${row}行：合同编号"${r.contractNo}"不在合同表中，按本行参数测算`, `plan project row ${row}: contract "${r.contractNo}" is not on 合同; the row's own figures are used`, { sheet: PLAN_PROJECTS.sheet, row, column: letter('contractNo') }));
    const issues = kindIssues(r, contract !== undefined);
    if (contract !== undefined && KIND_OF_PROJECT_ZH[r.kind] !== contract.kind) issues.push({ key: 'kind', zh: `类型与合同${contract.no}不一致`, en: `kind differs from contract ${contract.no}` });
    if (projects.some((q) => q.name === r.name)) issues.push({ key: 'name', zh: `项目名称"${r.name}"重复`, en: `duplicate project name "${r.name}"` });
    if (issues.length > 0) {
      for (const i of issues) at(i.key, i.zh, i.en);
      continue;
    }
    if (contract) linked.add(contract.no);
    projects.push(toProject(r, row, contract));
  }
  const carried = contracts.filter((c) => !linked.has(c.no)).map(projectFromContract);
  return { projects: [...carried, ...projects], findings };
}

const OPS = { 设为: 'set', 增加: 'add', 乘以: 'mul' } as const;

export function decodePlanScenarios(t: TableData | undefined, projects: readonly PlanProject[]): { scenarios: Scenario[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const byName = new Map<string, Scenario>();
  const paramOf = new Map<string, ParamKey>(PARAM_KEYS.flatMap((k) => [[PLAN_PARAMS[k].zh, k], [k, k]] as [string, ParamKey][]));
  for (const { row, values, letter } of t ? rowsOf(t, PLAN_SCENARIOS, ['scenario', 'param', 'value'], new Set(), findings) : []) {
    const bad = (key: string, zh: string, en: string): void => void findings.push(finding('plan.invalid-scenario', 'error', `规划情景第${row}行：${zh}`, `plan scenario row ${row}: ${en}`, { sheet: PLAN_SCENARIOS.sheet, row, column: letter(key) }));
    const name = String(values.scenario ?? '');
    const param = paramOf.get(String(values.param ?? ''));
    const op = OPS[String(values.op ?? '乘以') as keyof typeof OPS];
    const value = dec(-1e12, 1e12, '数值').safeParse(values.value);
    const project = values.project === undefined ? undefined : String(values.project);
    if (name === '') bad('scenario', '缺少情景名称', 'scenario name is missing');
    else if (param === undefined) bad('param', `参数"${String(values.param ?? '')}"不是规划项目的可调参数（如 粮价（元/斤）、出租率、总投资）`, `"${String(values.param ?? '')}" is not a plan parameter`);
    else if (op === undefined) bad('op', '方式应为设为、增加或乘以', 'op must be 设为, 增加 or 乘以');
    else if (!value.success || value.data === undefined) bad('value', '数值不是数字', 'value is not a number');
    else if (project !== undefined && !projects.some((p) => p.name === project)) bad('project', `没有名为"${project}"的规划项目`, `no plan project named "${project}"`);
    else {
      const s = byName.get(name) ?? { name, note: '', overrides: [] };
      // Money parameters are yuan, as typed.
      s.overrides.push({ param, op, value: value.data, ...(project !== undefined && { project }) });
      if (values.note !== undefined && s.note === '') s.note = String(values.note);
      byName.set(name, s);
    }
  }
  return { scenarios: [...byName.values()], findings };
}

const settingSchemas = {
  firstYear: int(1990, 2100, PLAN_SETTING_KEYS.firstYear),
  lastYear: int(1990, 2100, PLAN_SETTING_KEYS.lastYear),
  baseYear: int(1990, 2100, PLAN_SETTING_KEYS.baseYear),
  discountRate: dec(0, 1, PLAN_SETTING_KEYS.discountRate),
  weakBelow: dec(0.01, 1e12, PLAN_SETTING_KEYS.weakBelow),
  richFrom: dec(0.01, 1e12, PLAN_SETTING_KEYS.richFrom),
  households: int(0, 1e7, PLAN_SETTING_KEYS.households),
  population: int(0, 1e8, PLAN_SETTING_KEYS.population),
  lowIncomeHouseholds: int(0, 1e7, PLAN_SETTING_KEYS.lowIncomeHouseholds),
  behindMargin: dec(0, 1, PLAN_SETTING_KEYS.behindMargin),
  otherIncome: dec(0, 1e12, PLAN_SETTING_KEYS.otherIncome),
} as const;

/** 规划设置 → settings; undefined (with findings) when the horizon is missing or wrong. */
export function decodePlanSettings(t: TableData | undefined, village: string): { settings?: PlanSettings; findings: Finding[] } {
  const findings: Finding[] = [];
  const found = new Map<string, { value: string | number; row: number; letter: string }>();
  for (const { row, values, letter } of t ? rowsOf(t, PLAN_SETTINGS, ['key', 'value'], new Set(), findings) : []) {
    if (values.key !== undefined && values.value !== undefined) found.set(String(values.key), { value: values.value, row, letter: letter('value') });
  }
  const sheet = PLAN_SETTINGS.sheet;
  const get = <K extends keyof typeof settingSchemas>(k: K): z.output<(typeof settingSchemas)[K]> | undefined => {
    const cell = found.get(PLAN_SETTING_KEYS[k]);
    const r = settingSchemas[k].safeParse(cell?.value);
    if (r.success) return r.data as z.output<(typeof settingSchemas)[K]>;
    const { zh, en } = splitIssue(r.error.issues[0]?.message ?? '');
    findings.push(finding('plan.bad-setting', 'error', zh, en, { sheet, ...(cell && { row: cell.row, column: cell.letter }) }));
    return undefined;
  };
  const firstYear = get('firstYear');
  const lastYear = get('lastYear');
  if (firstYear === undefined || lastYear === undefined) {
    findings.push(finding('plan.no-horizon', 'error', `规划设置缺少"${PLAN_SETTING_KEYS.firstYear}"或"${PLAN_SETTING_KEYS.lastYear}"`, 'plan settings need the first and last plan year', { sheet }));
    return { findings };
  }
  if (lastYear < firstYear || lastYear - firstYear > 60) {
    findings.push(finding('plan.bad-horizon', 'error', '规划截止年度应不早于起始年度，且不超过60年', 'the last plan year must not be before the first, and at most 60 years later', { sheet }));
    return { findings };
  }
  const targets = new Map<number, Fen>();
  const tCell = found.get(PLAN_SETTING_KEYS.targets);
  if (tCell !== undefined) {
    const v = parseYearValues(String(tCell.value));
    if (v === undefined) findings.push(finding('plan.bad-setting', 'error', `年度目标"${String(tCell.value)}"应为金额或"2026:50000;2028:100000"`, `targets "${String(tCell.value)}" must be an amount or "2026:50000;2028:100000"`, { sheet, row: tCell.row, column: tCell.letter }));
    else for (let y = firstYear; y <= lastYear; y++) {
      const x = v.byYear.get(y) ?? v.all;
      if (x !== undefined) targets.set(y, decToFen(x));
    }
  }
  const fen = (x: Decimal | undefined, dflt: Fen): Fen => (x === undefined ? dflt : decToFen(x));
  const thresholds = { weakBelowFen: fen(get('weakBelow'), DEFAULT_VILLAGE_THRESHOLDS.weakBelowFen), richFromFen: fen(get('richFrom'), DEFAULT_VILLAGE_THRESHOLDS.richFromFen) };
  if (thresholds.richFromFen < thresholds.weakBelowFen) findings.push(finding('plan.bad-setting', 'error', '富裕村标准不能低于薄弱村标准', 'the rich threshold must not be below the weak one', { sheet }));
  const settings: PlanSettings = {
    village, firstYear, lastYear, baseYear: get('baseYear') ?? firstYear - 1, discountRate: get('discountRate') ?? new D(DEFAULT_DISCOUNT_RATE), targets, thresholds,
    households: get('households') ?? 0, population: get('population') ?? 0, lowIncomeHouseholds: get('lowIncomeHouseholds') ?? 0,
    behindMargin: get('behindMargin') ?? new D('0.1'), otherIncome: fen(get('otherIncome'), 0),
  };
  return { settings, findings };
}

/** The whole plan; undefined when the plan's own tables have errors (the ledger is not concerned). */
export function decodePlan(tables: { settings?: TableData; projects?: TableData; scenarios?: TableData }, contracts: readonly Contract[], village: string): { plan?: Plan; findings: Finding[] } {
  const s = decodePlanSettings(tables.settings, village);
  const p = decodePlanProjects(tables.projects, contracts);
  const sc = decodePlanScenarios(tables.scenarios, p.projects);
  const findings = [...s.findings, ...p.findings, ...sc.findings];
  if (!s.settings || findings.some((f) => f.severity === 'error')) return { findings };
  return { plan: { settings: s.settings, projects: p.projects, scenarios: sc.scenarios }, findings };
}

/** A row object (column key → cell) into a row in the spec's column order, for appendRows / the sample. */
export function encodePlanRow(spec: { columns: readonly { key: string }[] }, values: Readonly<Record<string, Scalar | undefined>>): Scalar[] {
  return spec.columns.map((c) => values[c.key] ?? null);
}
