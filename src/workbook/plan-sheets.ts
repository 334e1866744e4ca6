/**
 * The generated plan sheets: 规划测算 (years across, figures down), 项目评估 (one row per
 * project and the plan), 情景分析 (scenarios side by side and the sensitivity table) and
 * 计划执行 (plan versus booked income by the review cadence). Money is written as numbers with
 * '#,##0.00', rates as numbers with a percent format.
 */
import type Decimal from 'decimal.js';
import type { Fen } from '../core/money';
import { CADENCES, type PlanActual } from '../core/plan/plan-actual';
import type { ProjectAppraisal, PlanAppraisal } from '../core/plan/evaluate';
import { FUNDING_SOURCES, PROJECT_KIND_ZH, type ProjectKind } from '../core/plan/model';
import { KIND_ORDER, type Projection } from '../core/plan/projection';
import type { ScenarioResult, SensitivityRow } from '../core/plan/scenarios';
import { PLAN_SHEETS } from './layout';
import type { Cell, ChartSpec, ColumnSpec, GeneratedSheet } from './port';
import { moneyCell, moneyCol, textCol } from './reports';

export interface PlanHead {
  village: string;
  township: string;
  scenario: string;
}

const pctCol = (header: string, key: string): ColumnSpec => ({ header, key, width: 10, numFmt: '0.00%' });
const numCol = (header: string, key: string, numFmt = '0.00'): ColumnSpec => ({ header, key, width: 10, numFmt });
const rateCell = (d: Decimal | undefined): Cell => (d === undefined ? null : d.toDecimalPlaces(6).toNumber());
const title = (name: string, h: PlanHead, extra: string[] = []): string[] => [name, `编制单位：${h.township}${h.village}    情景：${h.scenario}`, ...extra, '单位：元'];

/** 规划测算 — the projection, one column per plan year. */
export function renderProjection(p: Projection, h: PlanHead, base: { year: number; operatingIncome?: Fen }): GeneratedSheet {
  const years = p.years;
  const columns: ColumnSpec[] = [textCol('项目', 'item', 22), ...years.map((y) => moneyCol(`${y.year}年`, `y${y.year}`, 14))];
  const line = (label: string, f: (y: Projection['years'][number]) => Fen): Cell[] => [label, ...years.map((y) => moneyCell(f(y)))];
  const rows: Cell[][] = [
    ...KIND_ORDER.map((k: ProjectKind) => line(`${PROJECT_KIND_ZH[k]}收入`, (y) => y.incomeByKind[k])),
    line('其他经营性收入', (y) => y.otherIncome),
    line('集体经营性收入', (y) => y.operatingIncome),
    ['年度目标', ...years.map((y) => (y.target === undefined ? null : moneyCell(y.target)))],
    ['是否达标', ...years.map((y) => (y.meetsTarget === undefined ? null : y.meetsTarget ? '达标' : '未达标'))],
    ['村级分类', ...years.map((y) => y.classZh)],
    line('现金收入', (y) => y.cash),
    line('运营成本', (y) => y.runningCost),
    line('贷款利息', (y) => y.interest),
    line('偿还本金', (y) => y.principal),
    line('项目投资', (y) => y.investment),
    line('净收益', (y) => y.net),
    line('其中：限定用途', (y) => y.restricted),
    line('可自由支配', (y) => y.free),
    line('村集体现金净流量', (y) => y.villageCash),
    line('累计现金', (y) => y.cumulativeCash),
  ];
  const totals = [6];
  const bold = [rows.length];
  rows.push(['分项目收入', ...years.map(() => null)]);
  for (const f of p.projects) {
    const by = new Map(f.years.map((y) => [y.year, y.income]));
    rows.push([f.project.name, ...years.map((y) => moneyCell(by.get(y.year) ?? 0, true))]);
  }
  const baseText = base.operatingIncome === undefined ? `基期（${base.year}年）集体经营性收入：无数据` : `基期（${base.year}年）集体经营性收入：${(base.operatingIncome / 100).toFixed(2)}`;
  const goal = p.finalTarget === undefined ? '未设目标' : p.targetYear === undefined ? '规划期内未达到目标' : `${p.targetYear}年达到目标`;
  // Income by source stacked by year (the kinds and 其他经营性收入, rows 0…), the year's target as a line.
  const sources = [...KIND_ORDER.map((k: ProjectKind) => `${PROJECT_KIND_ZH[k]}收入`), '其他经营性收入'];
  const chart: ChartSpec = {
    title: '集体经营性收入构成与年度目标', columns: 'stacked', seriesIn: 'rows', span: { from: 1, to: 1 + years.length },
    series: [...sources.map((name, index) => ({ name, index })), { name: '年度目标', index: sources.length + 1, line: true }],
  };
  return { name: PLAN_SHEETS.projection, title: title('规划测算', h, [`${baseText}    ${goal}`]), columns, rows, totalRows: totals, boldRows: bold, print: { orientation: 'landscape' }, charts: years.length > 0 ? [chart] : [] };
}

const APPRAISAL_COLUMNS: readonly ColumnSpec[] = [
  textCol('项目', 'name', 20), textCol('类型', 'kind', 10), numCol('开工年度', 'start', '0'), moneyCol('总投资', 'investment', 14),
  moneyCol('净现值', 'npv', 14), pctCol('内部收益率', 'irr'), numCol('静态回收期（年）', 'payback'), pctCol('简单收益率', 'yield'),
  moneyCol('年均净收益', 'averageNet', 14), moneyCol('户均', 'perHousehold', 10), moneyCol('人均', 'perCapita', 10),
  numCol('受益户数', 'households', '0'), pctCol('带贫益贫覆盖率', 'coverage'), numCol('带动就业', 'jobs', '0'),
  // The funding split stays on screen but off paper (all 25 columns on one A4 width would print at 5.5 pt); the 规划书 prints it.
  ...FUNDING_SOURCES.map((f) => ({ ...moneyCol(f.zh, f.key, 12), noPrint: true })),
];

/** 项目评估 — appraisal of each project and of the plan's new projects together, then source shares. */
export function renderAppraisal(projects: readonly ProjectAppraisal[], plan: PlanAppraisal, p: Projection, h: PlanHead): GeneratedSheet {
  const appraisalCells = (a: PlanAppraisal | ProjectAppraisal): Cell[] => [
    moneyCell(a.npv), rateCell(a.irr), a.payback === undefined ? null : a.payback.toDecimalPlaces(2).toNumber(), rateCell(a.simpleYield),
    moneyCell(a.averageNet), a.perHousehold === undefined ? null : moneyCell(a.perHousehold), a.perCapita === undefined ? null : moneyCell(a.perCapita),
    a.households, rateCell(a.coverage),
  ];
  const rows: Cell[][] = projects.map((a, k) => {
    const pr = p.projects[k]!.project;
    return [a.existing ? `${a.name}（已签合同）` : a.name, PROJECT_KIND_ZH[a.kind], pr.startYear, moneyCell(a.investment), ...appraisalCells(a), a.jobs, ...FUNDING_SOURCES.map((f) => moneyCell(pr.funding[f.key], true))];
  });
  const fund = (key: (typeof FUNDING_SOURCES)[number]['key']): Fen => p.projects.reduce((t, f) => t + (f.project.existing ? 0 : f.project.funding[key]), 0);
  const totalAt = rows.length;
  rows.push(['规划新增项目合计', null, null, moneyCell(plan.investment), ...appraisalCells(plan), projects.filter((a) => !a.existing).reduce((t, a) => t + a.jobs, 0), ...FUNDING_SOURCES.map((f) => moneyCell(fund(f.key)))]);
  const width = APPRAISAL_COLUMNS.length;
  const pad = (cells: Cell[]): Cell[] => [...cells, ...new Array<Cell>(width - cells.length).fill(null)];
  rows.push(pad([]));
  const heading = rows.length;
  rows.push(pad(['收入来源', '占比', null, '规划期收入']));
  for (const s of plan.sources) rows.push(pad([PROJECT_KIND_ZH[s.kind], rateCell(s.share), null, moneyCell(s.income)]));
  return { name: PLAN_SHEETS.appraisal, title: title('项目评估', h, [`折现率 ${p.settings.discountRate.times(100).toString()}%`]), columns: APPRAISAL_COLUMNS, rows, totalRows: [totalAt], boldRows: [heading], print: { orientation: 'landscape' } };
}

/** 情景分析 — every scenario side by side, then the sensitivity (tornado) table. */
export function renderScenarios(all: readonly ScenarioResult[], sens: { base: { npv: Fen; targetYear?: number }; rows: readonly SensitivityRow[] }, h: PlanHead): GeneratedSheet {
  const columns: ColumnSpec[] = [
    textCol('情景 / 参数', 'name', 20), moneyCol('净现值', 'npv', 14), textCol('内部收益率 / −20%', 'a', 16), textCol('达标年份 / −10%', 'b', 16),
    textCol('末年经营性收入 / +10%', 'c', 18), textCol('规划期收入合计 / +20%', 'd', 18), textCol('说明 / 净现值变幅', 'note', 24),
  ];
  const money = (f: Fen): string => (f / 100).toFixed(2);
  const rows: Cell[][] = all.map((r) => [
    r.name, moneyCell(r.appraisal.plan.npv), r.appraisal.plan.irr === undefined ? '—' : `${r.appraisal.plan.irr.times(100).toFixed(2)}%`,
    r.projection.targetYear === undefined ? '未达标' : String(r.projection.targetYear), money(r.projection.years.at(-1)?.operatingIncome ?? 0),
    money(r.projection.years.reduce((t, y) => t + y.operatingIncome, 0)), r.note || null,
  ]);
  rows.push(new Array<Cell>(7).fill(null));
  const heading = rows.length;
  rows.push(['敏感性分析（逐项 ±10%、±20%）', moneyCell(sens.base.npv), '−20%', '−10%', '+10%', '+20%', '净现值变幅']);
  for (const s of sens.rows) {
    const cell = (i: number): string => {
      const c = s.cases[i];
      return c === undefined ? '' : `${money(c.npv)}（${c.targetYear ?? '未达标'}）`;
    };
    rows.push([s.zh, null, cell(0), cell(1), cell(2), cell(3), money(s.swing)]);
  }
  return { name: PLAN_SHEETS.scenarios, title: title('情景分析', h, ['敏感性一栏为"净现值（达标年份）"']), columns, rows, boldRows: [heading], print: { orientation: 'landscape' } };
}

/** 计划执行 — plan versus booked income, by 月度检查 / 季度督导 / 半年评估 / 年终考核. */
export function renderPlanActual(a: PlanActual, h: PlanHead): GeneratedSheet {
  const columns: ColumnSpec[] = [
    textCol('检查', 'cadence', 10), textCol('期间', 'period', 10), textCol('项目', 'project', 22), textCol('类型', 'kind', 10),
    moneyCol('计划收入', 'plan'), moneyCol('已入账收入', 'actual'), moneyCol('差异', 'variance'), pctCol('差异率', 'pct'),
  ];
  const rows: Cell[][] = [];
  for (const c of CADENCES) {
    for (const r of a.rows.filter((x) => x.cadence === c.cadence)) {
      rows.push([c.zh, r.period, r.project, r.kind === undefined ? null : PROJECT_KIND_ZH[r.kind], moneyCell(r.plan), moneyCell(r.actual), moneyCell(r.variance), rateCell(r.variancePct)]);
    }
  }
  // Plan vs actual by project for the year so far (the 年终考核 rows, last in the sheet).
  const last = CADENCES[CADENCES.length - 1]!.zh;
  const from = rows.findIndex((r) => r[0] === last);
  const chart: ChartSpec = {
    title: `${a.year}年计划与实际收入（${last}）`, columns: 'clustered', seriesIn: 'columns', span: { from, to: rows.length }, categoryColumn: 2,
    series: [{ name: '计划收入', index: 4 }, { name: '已入账收入', index: 5 }],
  };
  return { name: PLAN_SHEETS.actual, title: title('计划执行', h, [`${a.year}年，截至 ${a.asOf}`]), columns, rows, table: 'PlanActual', charts: from >= 0 ? [chart] : [] };
}
