/**
 * buildPlan — the development plan use case: read the book with 合同 and the plan tables in one
 * call, decode the plan (bad plan rows become findings and block only the plan sheets), run the
 * base plan and every scenario, the sensitivity table and plan versus actual for the book's year,
 * then (unless read-only) add earlier years' actuals to 历年数据 and replace the four plan sheets
 * in one batch. A version-1 book gains the plan tables first (migrate-book.ts).
 */
import { finding, hasErrors, type Finding } from '../core/findings';
import type { Fen } from '../core/money';
import type { YearMonth } from '../core/ledger/types';
import { buildIncomeStatement } from '../core/statements/income-statement';
import { planVersusActual, type PlanActual } from '../core/plan/plan-actual';
import { runScenario, runScenarios, sensitivity } from '../core/plan/scenarios';
import { newFlowsCache } from '../core/plan/projection';
import { decodeContracts, CONTRACTS } from '../workbook/contracts';
import { decodePlan } from '../workbook/codecs/plan';
import { PLAN_HISTORY, PLAN_PROJECTS, PLAN_SCENARIOS, PLAN_SETTINGS } from '../workbook/layout';
import { renderAppraisal, renderPlanActual, renderProjection, renderScenarios, type PlanHead } from '../workbook/plan-sheets';
import { cellText, isBlankRow, parseAmountCell } from '../workbook/codecs/cells';
import { commitWrites, type RunOptions, type Scalar, type TableData, type WorkbookPort } from '../workbook/port';
import { readBook, type Book } from './book';
import { migrationWrites } from './migrate-book';
import { toPlanJson, type PlanJson } from './plan-json';
import { resultOf, type UseCaseResult } from './result';

/** One earlier year's actuals, a row of 历年数据. Money in fen. */
export interface HistoryRow {
  year: number;
  operatingRevenue: Fen;
  investmentIncome: Fen;
  operatingIncome: Fen;
  subsidyIncome: Fen;
  source: string;
}

export interface BuildPlanOptions extends RunOptions {
  /** Project this scenario instead of the base plan (its name on 规划情景). */
  scenario?: string;
  /** Last month of plan versus actual; default the month of the latest voucher of the book's year. */
  asOf?: YearMonth;
  /** Earlier years' actuals (from earlier books) to add to 历年数据. */
  history?: readonly HistoryRow[];
  /** Compute only; write nothing. */
  readOnly?: boolean;
}

export interface BuildPlanResult extends UseCaseResult {
  /** Undefined when the plan tables have errors (then nothing was written). */
  plan: PlanJson | undefined;
  sheets: string[];
}

/** 历年数据 rows as read (year → row); bad rows are findings. */
function decodeHistory(t: TableData | undefined, findings: Finding[]): Map<number, Fen> {
  const out = new Map<number, Fen>();
  if (!t) return out;
  const yearAt = t.header.indexOf('年度');
  const incomeAt = t.header.indexOf('集体经营性收入');
  t.rows.forEach((cells, k) => {
    if (isBlankRow(cells)) return;
    const row = t.firstRow + k;
    const year = Number(cellText(cells[yearAt]));
    const inc = parseAmountCell(cells[incomeAt], '集体经营性收入');
    if (!Number.isInteger(year) || year < 1990 || year > 2100 || !inc.ok) {
      findings.push(finding('plan.bad-history', 'warning', `历年数据第${row}行：年度或集体经营性收入无效，已跳过`, `历年数据 row ${row}: bad year or operating income; skipped`, { sheet: t.sheet, row }));
    } else out.set(year, inc.value);
  });
  return out;
}

/** An earlier (or this) year's actuals from a book: 经营收入, 投资收益, 经营性收入, 补助收入 of its fiscal year. */
export async function historyFromBook(port: WorkbookPort, source: string): Promise<HistoryRow> {
  return historyOf(await readBook(port), source);
}

function historyOf(book: Book, source: string): HistoryRow {
  const y = book.meta.fiscalYear;
  const is = buildIncomeStatement({ chart: book.chart, opening: book.opening, vouchers: [...book.vouchers, ...book.closing], from: `${y}-01`, to: `${y}-12` });
  const get = (key: string): Fen => is.rows.find((r) => r.key === key)?.amount ?? 0;
  return { year: y, operatingRevenue: get('operatingRevenue'), investmentIncome: get('investmentIncome'), operatingIncome: is.operatingIncome, subsidyIncome: get('subsidyIncome'), source };
}

function latestMonth(book: Book): YearMonth | undefined {
  let last: string | undefined;
  for (const v of book.vouchers) if (v.date.startsWith(String(book.meta.fiscalYear)) && (last === undefined || v.date > last)) last = v.date;
  return last?.slice(0, 7);
}

export async function buildPlan(port: WorkbookPort, opts: BuildPlanOptions = {}): Promise<BuildPlanResult> {
  const book = await readBook(port, opts, [CONTRACTS, PLAN_SETTINGS, PLAN_PROJECTS, PLAN_SCENARIOS, PLAN_HISTORY]);
  const [contractTable, settingsT, projectsT, scenariosT, historyT] = book.extra;
  const contracts = decodeContracts(contractTable).contracts;
  const decoded = decodePlan({ ...(settingsT && { settings: settingsT }), ...(projectsT && { projects: projectsT }), ...(scenariosT && { scenarios: scenariosT }) }, contracts, book.meta.village);
  const findings: Finding[] = [...decoded.findings];
  if (settingsT === undefined) findings.push(finding('plan.missing', 'error', '工作簿没有"规划设置"表，请先填写规划设置', 'The workbook has no 规划设置 sheet; fill in the plan settings first', { sheet: PLAN_SETTINGS.sheet }));
  const plan = decoded.plan;
  if (!plan || hasErrors(findings)) return resultOf(findings, { plan: undefined, sheets: [] });
  const scenario = opts.scenario === undefined ? undefined : plan.scenarios.find((s) => s.name === opts.scenario);
  if (opts.scenario !== undefined && scenario === undefined) {
    findings.push(finding('plan.unknown-scenario', 'error', `规划情景中没有"${opts.scenario}"`, `no scenario named "${opts.scenario}" on 规划情景`, { sheet: PLAN_SCENARIOS.sheet }));
    return resultOf(findings, { plan: undefined, sheets: [] });
  }
  opts.onProgress?.(2, 4, '规划测算');
  const cache = newFlowsCache();
  const main = runScenario(plan, scenario, cache);
  const all = runScenarios(plan, cache);
  const sens = sensitivity(plan, cache);
  const s = plan.settings;
  const fy = book.meta.fiscalYear;
  const asOf = opts.asOf ?? latestMonth(book);
  let actual: PlanActual | undefined;
  if (fy >= s.firstYear && fy <= s.lastYear && asOf !== undefined) {
    actual = planVersusActual(plan.projects, book.vouchers, fy, asOf, s.behindMargin);
    findings.push(...actual.findings);
  }
  const history = decodeHistory(historyT, findings);
  // A year already on 历年数据 keeps its typed figure; earlier books fill the years missing there.
  const added = (opts.history ?? []).filter((h) => !history.has(h.year));
  for (const h of added) history.set(h.year, h.operatingIncome);
  const ledgerBase = fy === s.baseYear ? historyOf(book, '本账簿').operatingIncome : undefined;
  const baseIncome = ledgerBase ?? history.get(s.baseYear);
  const base = { year: s.baseYear, ...(baseIncome !== undefined && { operatingIncome: baseIncome, source: ledgerBase !== undefined ? 'ledger' as const : 'history' as const }) };
  const json = toPlanJson({
    village: book.meta.village, township: book.meta.township, main, all, sensitivity: sens, actual, base,
    history: [...history].sort((a, b) => a[0] - b[0]).map(([year, operatingIncome]) => ({ year, operatingIncome })), findings,
  });
  const head: PlanHead = { village: book.meta.village, township: book.meta.township, scenario: main.name };
  const sheets = [
    renderProjection(main.projection, head, base),
    renderAppraisal(main.appraisal.projects, main.appraisal.plan, main.projection, head),
    renderScenarios(all, sens, head),
    ...(actual ? [renderPlanActual(actual, head)] : []),
  ];
  if (opts.readOnly) return resultOf(findings, { plan: json, sheets: [] });
  opts.onProgress?.(3, 4, '写入规划表');
  const historyRows = added.map((h): Scalar[] => [h.year, h.operatingRevenue / 100, h.investmentIncome / 100, h.operatingIncome / 100, h.subsidyIncome / 100, h.source]);
  // One batch: the migration (a version-1 book), earlier years' actuals, the plan sheets.
  await commitWrites(port, [...(await migrationWrites(port, book.meta)), { kind: 'append', spec: PLAN_HISTORY, rows: historyRows }, { kind: 'replace', sheets }]);
  opts.onProgress?.(4, 4, '规划完成');
  return resultOf(findings, { plan: json, sheets: sheets.map((x) => x.name) });
}
