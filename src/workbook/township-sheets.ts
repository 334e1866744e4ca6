/**
 * A Consolidation → the generated sheets of the township workbook (封面, 汇总资产负债表,
 * 汇总收益及收益分配表, 收入来源, 村级分类, 同比, 问题清单, 统计报表). Totals are formulas with our
 * figure cached, as in the village reports, so WPS shows our numbers and a recalculating program
 * gets the same ones.
 */
import { VILLAGE_CLASSES } from '../core/consolidate/classify';
import type { Consolidation } from '../core/consolidate/consolidate';
import { SOURCE_KEYS, SOURCE_LABELS } from '../core/consolidate/sources';
import { fenFromCell, moneyToCell, type Fen } from '../core/money';
import { BALANCE_SHEET_LINES } from '../core/statements/balance-sheet';
import { INCOME_STATEMENT_LINES } from '../core/statements/income-statement';
import { columnLetter, generatedBodyFirstRow, TOWNSHIP_SHEETS } from './layout';
import type { Cell, ColumnSpec, FormulaCell, GeneratedSheet, Scalar, SheetGrid } from './port';
import { moneyCell, moneyCol, textCol } from './reports';

const countCol = (header: string, key: string, width = 10): ColumnSpec => ({ header, key, width, numFmt: '0' });

/** Title lines every township sheet starts with. */
function titleOf(report: string, c: Consolidation, extra?: string): string[] {
  return [report, `编制单位：${c.township}    会计期间：${c.year}年度`, extra ?? `单位：元    合计覆盖 ${c.totals.covers} 个村`];
}

/** '=C5+D5+…' style SUM over body columns c1..c2 of body row r (0-based), cached with `result`. */
function rowSum(title: readonly string[], r: number, c1: number, c2: number, result: Fen): FormulaCell {
  const row = generatedBodyFirstRow({ title: [...title] }) + r;
  if (c2 < c1) return { formula: '0', result: 0 };
  return { formula: `SUM(${columnLetter(c1)}${row}:${columnLetter(c2)}${row})`, result: moneyToCell(result) };
}

/** SUM down body column c over rows r1..r2 (0-based), cached with `result`. */
function colSum(title: readonly string[], c: number, r1: number, r2: number, result: Fen): FormulaCell {
  const base = generatedBodyFirstRow({ title: [...title] });
  if (r2 < r1) return { formula: '0', result: 0 };
  return { formula: `SUM(${columnLetter(c)}${base + r1}:${columnLetter(c)}${base + r2})`, result: moneyToCell(result) };
}

function renderCover(c: Consolidation, generatedAt: string): GeneratedSheet {
  const errors = c.problems.filter((p) => p.severity === 'error').length;
  const rows: Cell[][] = [
    ['乡镇', c.township, null],
    ['年度', c.year, null],
    ['找到的工作簿', c.found, '个文件'],
    ['纳入汇总的村', c.included.length, '个村：各汇总表的合计只含这些村'],
    ['未纳入汇总', c.excluded.length, '个文件：原因见下表和问题清单'],
    ['问题', c.problems.length, `项（错误 ${errors} 项，警告 ${c.problems.length - errors} 项）`],
    ['统计报表版本', c.statisticsEdition.name, null],
    ['生成时间', generatedAt, null],
    [null, null, null],
    ['未纳入汇总的文件', '村', '原因'],
    ...c.excluded.map((e): Cell[] => [e.file, e.village || null, e.zh.join('；')]),
  ];
  return {
    name: TOWNSHIP_SHEETS.cover,
    title: [`${c.township}${c.year}年度村级财务汇总`, '乡镇汇总工作簿（系统生成）', `纳入 ${c.included.length} 个村，未纳入 ${c.excluded.length} 个文件`],
    columns: [textCol('项目', 'item', 24), { header: '内容', key: 'value', width: 36 }, textCol('说明', 'note', 60)],
    rows,
    boldRows: [9],
  };
}

/** One amount column per village (and for the township total): its header suffix and figure. */
interface StatementPart {
  suffix: string;
  amount: (line: number, v: Consolidation['included'][number] | 'total') => Fen;
}

/** Excel refuses formulas longer than 8,192 characters; past that the total is written as a value. */
const MAX_FORMULA_CHARS = 8000;

/**
 * Rows = statement lines; columns = 项目, 行次, then for each village its parts side by side (e.g.
 * 年初数 | 期末数, so one village reads across), then 乡镇合计 for each part: a formula adding that
 * part's village columns, cached with our total.
 */
function statementByVillage(name: string, report: string, c: Consolidation, lines: readonly { line: number; label: string }[], parts: readonly StatementPart[], note: string): GeneratedSheet {
  const title = titleOf(report, c, `${note}    单位：元    合计覆盖 ${c.totals.covers} 个村`);
  const n = c.included.length;
  const k = parts.length;
  const base = generatedBodyFirstRow({ title: [...title] });
  const total = (r: number, p: number, line: number): Cell => {
    const result = parts[p]!.amount(line, 'total');
    if (k === 1) return rowSum(title, r, 2, 1 + n, result);
    if (n === 0) return { formula: '0', result: 0 };
    const formula = c.included.map((_, i) => `${columnLetter(2 + i * k + p)}${base + r}`).join('+');
    return formula.length > MAX_FORMULA_CHARS ? moneyCell(result) : { formula, result: moneyToCell(result) };
  };
  const rows = lines.map((l, r): Cell[] => [
    l.label, l.line,
    ...c.included.flatMap((v) => parts.map((p) => moneyCell(p.amount(l.line, v)))),
    ...parts.map((_, p) => total(r, p, l.line)),
  ]);
  const head = (who: string, p: StatementPart): string => (p.suffix === '' ? who : `${who} ${p.suffix}`);
  const columns: ColumnSpec[] = [
    textCol('项目', 'label', 28), countCol('行次', 'line', 6),
    ...c.included.flatMap((v, i) => parts.map((p, j) => moneyCol(head(v.village, p), `v${i}_${j}`))),
    ...parts.map((p, j) => moneyCol(head('乡镇合计', p), `total_${j}`, 18)),
  ];
  return { name, title, columns, rows };
}

function renderSources(c: Consolidation): GeneratedSheet {
  const title = titleOf('收入来源（集体经营性收入）', c);
  const k = SOURCE_KEYS.length;
  const rows: Cell[][] = c.included.map((v, r) => [
    v.village, ...SOURCE_KEYS.map((s) => moneyCell(v.sources[s])), rowSum(title, r, 1, k, v.operatingIncome), VILLAGE_CLASSES[v.classCode].zh,
  ]);
  const last = rows.length - 1;
  rows.push(['合计', ...SOURCE_KEYS.map((s, i) => colSum(title, 1 + i, 0, last, c.totals.sources[s])), colSum(title, 1 + k, 0, last, c.totals.operatingIncome), null]);
  return {
    name: TOWNSHIP_SHEETS.sources, title,
    columns: [textCol('村', 'village', 14), ...SOURCE_KEYS.map((s) => moneyCol(SOURCE_LABELS[s].zh, s)), moneyCol('经营性收入', 'operatingIncome', 18), textCol('类别', 'class', 10)],
    rows, totalRows: [rows.length - 1],
  };
}

function renderClasses(c: Consolidation): GeneratedSheet {
  const counts = (['shell', 'weak', 'average', 'rich'] as const).map((k) => `${VILLAGE_CLASSES[k].zh} ${c.classCounts[k]} 个`).join('，');
  return {
    name: TOWNSHIP_SHEETS.classes,
    title: titleOf('村级分类及排名', c, `${counts}    单位：元`),
    columns: [
      countCol('排名', 'rank', 6), textCol('村', 'village', 14), moneyCol('经营性收入', 'operatingIncome', 18), textCol('类别', 'class', 10), textCol('文件', 'file', 30),
      // The chain head is what the township keeps to notice a rewritten chain next time (consolidate --kept-heads).
      textCol('结账至', 'lockedThrough', 10), { ...textCol(KEPT_HEAD_HEADER, 'lockHash', 20), noPrint: true },
    ],
    rows: c.ranking.map((r) => [r.rank, r.village, moneyToCell(r.operatingIncome), VILLAGE_CLASSES[r.classCode].zh, r.file, r.lockedThrough ?? null, r.lockHash ?? null]),
  };
}

/** Header of the chain-head column on 村级分类, read back by readKeptHeads. */
export const KEPT_HEAD_HEADER = '哈希链末端';

/**
 * Village → chain head from an earlier township workbook's 村级分类 (as renderClasses wrote it).
 * Only SHA-256 heads (64 hex digits) are kept: an old FNV fingerprint cannot be looked up in a chain.
 */
export function readKeptHeads(grid: SheetGrid): Map<string, string> {
  const out = new Map<string, string>();
  const h = grid.rows.findIndex((r) => r.includes('村') && r.includes(KEPT_HEAD_HEADER));
  if (h < 0) return out;
  const nameCol = grid.rows[h]!.indexOf('村');
  const headCol = grid.rows[h]!.indexOf(KEPT_HEAD_HEADER);
  for (const r of grid.rows.slice(h + 1)) {
    const name = r[nameCol];
    const head = r[headCol];
    if (typeof name === 'string' && typeof head === 'string' && /^[0-9a-f]{64}$/.test(head)) out.set(name, head);
  }
  return out;
}

/** 同比: this year's operating income by village against last year's township workbook. */
function renderYearOverYear(c: Consolidation, previous: ReadonlyMap<string, Fen>): GeneratedSheet {
  const title = titleOf('同比（集体经营性收入）', c, `上年数取自${c.year - 1}年度乡镇汇总工作簿    单位：元`);
  const now = new Map(c.included.map((v) => [v.village, v.operatingIncome]));
  const names = [...new Set([...now.keys(), ...previous.keys()])];
  const base = generatedBodyFirstRow({ title });
  const rows: Cell[][] = names.map((name, r) => {
    const a = previous.get(name);
    const b = now.get(name);
    const diff: Cell = a !== undefined && b !== undefined ? { formula: `C${base + r}-B${base + r}`, result: moneyToCell(b - a) } : null;
    return [name, a === undefined ? null : moneyToCell(a), b === undefined ? null : moneyToCell(b), diff];
  });
  const last = rows.length - 1;
  const sumOf = (m: ReadonlyMap<string, Fen>): Fen => names.reduce((t, n) => t + (m.get(n) ?? 0), 0);
  rows.push(['合计', colSum(title, 1, 0, last, sumOf(previous)), colSum(title, 2, 0, last, sumOf(now)), { formula: `C${base + rows.length}-B${base + rows.length}`, result: moneyToCell(sumOf(now) - sumOf(previous)) }]);
  return {
    name: TOWNSHIP_SHEETS.yearOverYear, title,
    columns: [textCol('村', 'village', 14), moneyCol(`${c.year - 1}年`, 'previous', 18), moneyCol(`${c.year}年`, 'current', 18), moneyCol('增减', 'change', 18)],
    rows, totalRows: [rows.length - 1],
  };
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

function renderProblems(c: Consolidation): GeneratedSheet {
  return {
    name: TOWNSHIP_SHEETS.problems,
    title: titleOf('问题清单', c, `共 ${c.problems.length} 项；"未纳入"的村不在任何合计中`),
    columns: [
      countCol('序号', 'no', 6), textCol('村', 'village', 12), textCol('文件', 'file', 24), textCol('工作表', 'sheet', 14), textCol('单元格', 'cell', 12),
      textCol('规则', 'rule', 24), textCol('级别', 'severity', 8), textCol('汇总', 'included', 8), { ...textCol('说明', 'zh', 60), wrap: true }, { ...textCol('Description', 'en', 60), wrap: true, noPrint: true },
    ],
    rows: c.problems.map((p, i) => [i + 1, p.village || null, p.file || null, p.sheet || null, p.cell || null, p.rule, SEVERITY_ZH[p.severity], p.excluded ? '未纳入' : '已纳入', p.zh, p.en]),
    table: 'TownshipProblems',
  };
}

function renderStatistics(c: Consolidation): GeneratedSheet {
  const title = [c.statisticsEdition.name, `编制单位：${c.township}    ${c.year}年度    金额单位：元；村数单位：个`, `来源：${c.statisticsEdition.source}`];
  const base = generatedBodyFirstRow({ title });
  const rowOf = new Map(c.statistics.map((s, i) => [s.code, base + i]));
  const rows = c.statistics.map((s): Cell[] => {
    const shown: Scalar = s.unit === 'money' ? moneyToCell(s.value) : s.value;
    // A line the rule defines (no feeds of its own in the edition) is written as the rule's formula.
    const terms = s.rule?.split('=')[1];
    const value: Cell = s.byRule && terms !== undefined ? { formula: terms.replace(/\d+/g, (code) => `C${rowOf.get(Number(code)) ?? 0}`), result: shown } : shown;
    return [s.label, s.code, value, s.rule ?? null, s.ok ? '相符' : '不符'];
  });
  return {
    name: TOWNSHIP_SHEETS.statistics, title,
    columns: [textCol('项目', 'label', 28), countCol('代号', 'code', 6), { header: '数值', key: 'value', width: 18, numFmt: '#,##0.00;-#,##0.00;0' }, textCol('平衡关系', 'rule', 22), textCol('核对', 'check', 8)],
    rows,
  };
}

/** Every sheet of the township workbook. `previous` (village → last year's operating income) adds 同比. */
export function renderTownship(c: Consolidation, opts: { previous?: ReadonlyMap<string, Fen>; generatedAt: string }): GeneratedSheet[] {
  const sheets = [
    renderCover(c, opts.generatedAt),
    statementByVillage(TOWNSHIP_SHEETS.balanceSheet, '汇总资产负债表', c, BALANCE_SHEET_LINES, [
      { suffix: '年初数', amount: (line, v) => (v === 'total' ? c.totals.balanceSheet : v.balanceSheet)[line]?.begin ?? 0 },
      { suffix: '期末数', amount: (line, v) => (v === 'total' ? c.totals.balanceSheet : v.balanceSheet)[line]?.end ?? 0 },
    ], `${c.year}年初数与${c.year}-12 末期末数`),
    statementByVillage(TOWNSHIP_SHEETS.incomeStatement, '汇总收益及收益分配表', c, INCOME_STATEMENT_LINES, [
      { suffix: '', amount: (line, v) => (v === 'total' ? c.totals.incomeStatement : v.incomeStatement)[line] ?? 0 },
    ], '本年累计数'),
    renderSources(c),
    renderClasses(c),
  ];
  if (opts.previous !== undefined) sheets.push(renderYearOverYear(c, opts.previous));
  sheets.push(renderProblems(c), renderStatistics(c));
  return sheets;
}

/**
 * Last year's operating income by village from a township workbook's 收入来源 sheet (as
 * renderSources wrote it): the header row holds 村 and 经营性收入; rows run until 合计.
 */
export function readPreviousIncome(grid: SheetGrid): Map<string, Fen> {
  const out = new Map<string, Fen>();
  const h = grid.rows.findIndex((r) => r[0] === '村' && r.includes('经营性收入'));
  if (h < 0) return out;
  const col = grid.rows[h]!.indexOf('经营性收入');
  for (const r of grid.rows.slice(h + 1)) {
    const name = r[0];
    if (typeof name !== 'string' || name === '合计') break;
    const v = fenFromCell(r[col]);
    if (v.ok) out.set(name, v.fen);
  }
  return out;
}
