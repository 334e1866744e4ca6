/** initVillage: create the _meta sheet and the typed-in tables of a new village book. */
import { finding, type Finding } from '../core/findings';
import { buildChart, type SubAccountDef } from '../core/chart/accounts';
import { encodeAccountRows } from '../workbook/codecs/accounts';
import { chartListSheet } from '../workbook/codecs/chart-list';
import { missingColumns } from '../workbook/codecs/columns';
import { ACCOUNTS, LAYOUT_VERSION, META_SHEET, PLAN_SHEETS, PLAN_TABLES, SETTINGS, SETTINGS_KEYS, SHEETS, TYPED_TABLES } from '../workbook/layout';
import { commitWrites, type BookWrite, type RunOptions, type TypedTableSpec, type WorkbookMeta, type WorkbookPort } from '../workbook/port';
import { BookStateError } from './errors';
import { resultOf, type UseCaseResult } from './result';

/**
 * Sub-accounts every new book gets, because the statements and the year-end close need them:
 * 322 收益分配 splits into 各项分配 (the distributions of the year, closed at year end) and
 * 未分配收益 (where 321 closes to; core/ledger/close.ts finds it by name). 各项分配 has one leaf
 * per line of the 收益及收益分配表's distribution half.
 */
export const DEFAULT_SUB_ACCOUNTS: readonly SubAccountDef[] = [
  { code: '32201', name: '各项分配' },
  { code: '3220101', name: '提取公积公益金' },
  { code: '3220102', name: '向成员分配' },
  { code: '3220103', name: '其他分配' },
  { code: '32202', name: '未分配收益' },
];

export interface InitVillageOptions {
  village: string;
  township: string;
  year: number;
  /** Further sub-accounts (e.g. the sample's 50101 土地发包收入). */
  subAccounts?: readonly SubAccountDef[];
}

/** Initialize an empty workbook as a village book. Refuses a workbook that already has _meta. */
export async function initVillage(port: WorkbookPort, opts: InitVillageOptions, run?: RunOptions): Promise<UseCaseResult> {
  const planned = await initVillageWrites(port, opts);
  if (planned.writes.length === 0) return resultOf(planned.findings, {});
  run?.onProgress?.(0, 1, '初始化');
  await commitWrites(port, planned.writes);
  run?.onProgress?.(1, 1, '初始化完成');
  return resultOf([], {});
}

/**
 * The writes that make a village book, checked and computed but not applied, so a caller that
 * adds its own (new-year's balances, the 2004 conversion's opening) commits them all in one batch.
 * No writes when there are findings.
 */
export async function initVillageWrites(port: WorkbookPort, opts: InitVillageOptions): Promise<{ findings: Finding[]; writes: BookWrite[] }> {
  const findings: Finding[] = [];
  const village = opts.village.trim();
  const township = opts.township.trim();
  if (village === '') findings.push(finding('init.no-village', 'error', '缺少村名', 'The village name is missing'));
  if (township === '') findings.push(finding('init.no-township', 'error', '缺少乡镇名', 'The township name is missing'));
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100) {
    findings.push(finding('init.bad-year', 'error', `会计年度"${opts.year}"无效，应为四位年份`, `Fiscal year "${opts.year}" is invalid; give a four-digit year`));
  }
  const subs = [...DEFAULT_SUB_ACCOUNTS, ...(opts.subAccounts ?? [])];
  const { chart, findings: chartFindings } = buildChart(subs, (i) => ({ sheet: '科目', row: i + 2 }));
  findings.push(...chartFindings);
  if ((await port.readMeta()) !== undefined) {
    throw new BookStateError('already-initialized', '该工作簿已初始化，不能重复初始化', 'This workbook is already initialized');
  }
  findings.push(...(await sheetsTaken(port, [...TYPED_TABLES, ...PLAN_TABLES])));
  if (findings.length > 0) return { findings, writes: [] };
  const meta: WorkbookMeta = { layoutVersion: LAYOUT_VERSION, chartSystem: '2023', village, township, fiscalYear: opts.year, kind: 'village' };
  const settings = [
    [SETTINGS_KEYS.village, village],
    [SETTINGS_KEYS.township, township],
    [SETTINGS_KEYS.fiscalYear, String(opts.year)],
    [SETTINGS_KEYS.chartSystem, '农村集体经济组织会计制度（财会〔2023〕14号）'],
  ];
  return {
    findings,
    writes: [
      // Layout version 2: a new book has the plan tables (empty) after the ledger's.
      { kind: 'initialize', meta, tables: [...TYPED_TABLES, ...PLAN_TABLES] },
      { kind: 'append', spec: SETTINGS, rows: settings },
      { kind: 'append', spec: ACCOUNTS, rows: encodeAccountRows(subs) },
      // 科目表 now, so the account-code columns' drop-down lists work before the first report.
      { kind: 'replace', sheets: [chartListSheet(chart)] },
    ],
  };
}

/** Sheets a village book writes whole (reports, the chart list, _meta): a user's sheet of that name would be replaced. */
const WRITTEN_WHOLE: readonly string[] = [...Object.values(SHEETS), ...Object.values(PLAN_SHEETS), META_SHEET];

/**
 * A workbook being made a village book (the user's own, in Excel, the page or `init --existing`)
 * may already use our sheet names for something else. A typed-in sheet of that name is taken over
 * only when its header has every column of ours (a sheet made by us or by hand in our layout, the
 * one case the hosts append to); anything else would get our rows mixed into it, or fail at the
 * first import. A sheet named like one we write whole would be lost at the first report. Either
 * way nothing is written, and the finding says which sheet to rename.
 */
async function sheetsTaken(port: WorkbookPort, tables: readonly TypedTableSpec[]): Promise<Finding[]> {
  const names = new Set(await port.sheetNames());
  if (names.size === 0) return [];
  const findings: Finding[] = [];
  const present = tables.filter((t) => names.has(t.sheet));
  const data = present.length > 0 ? await port.readTables(present) : [];
  present.forEach((spec, i) => {
    const missing = missingColumns(data[i]?.header ?? [], spec);
    if (missing.length === 0) return;
    const cols = `${missing.slice(0, 3).map((h) => `"${h}"`).join('、')}${missing.length > 3 ? '等' : ''}`;
    findings.push(finding(
      'init.sheet-taken', 'error',
      `工作簿中已有"${spec.sheet}"表，但不是村账的${spec.sheet}表（没有${cols}列）：请先把它改名，再建账`,
      `The workbook already has a sheet ${spec.sheet} that is not the village book's (no "${missing.slice(0, 3).join('", "')}" column${missing.length > 1 ? 's' : ''}): rename it first`,
      { sheet: spec.sheet },
    ));
  });
  for (const name of WRITTEN_WHOLE.filter((n) => names.has(n))) {
    findings.push(finding(
      'init.sheet-taken', 'error',
      `工作簿中已有"${name}"表，村账生成报表时会整张重写这个表：请先把它改名，再建账`,
      `The workbook already has a sheet ${name}, which the village book rewrites whole: rename it first`,
      { sheet: name },
    ));
  }
  return findings;
}
