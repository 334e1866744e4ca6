/**
 * The consolidation's facts as flat tables for the levels above (county, province): village ×
 * statement line, village × income source, village classes, and the problem list. Partitioned
 * by year and township (the partition values are not repeated inside the tables, as Hive-style
 * readers — DuckDB, Spark, Trino — take them from the path). Schema: docs/consolidation.md.
 * Only included villages have statement and source rows, so their sums are the township totals.
 */
import { VILLAGE_CLASSES } from '../core/consolidate/classify';
import type { Consolidation } from '../core/consolidate/consolidate';
import { SOURCE_KEYS, SOURCE_LABELS } from '../core/consolidate/sources';
import { fenToString } from '../core/money';
import { BALANCE_SHEET_LINES } from '../core/statements/balance-sheet';
import { INCOME_STATEMENT_LINES } from '../core/statements/income-statement';

export type DatasetType = 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'DECIMAL(18,2)';

export interface DatasetTable {
  name: string;
  columns: readonly { name: string; type: DatasetType }[];
  /** DECIMAL cells are exact text ('1234.50'); null is missing. */
  rows: (string | number | boolean | null)[][];
}

export interface ConsolidationDataset {
  year: number;
  township: string;
  tables: DatasetTable[];
}

const V = 'VARCHAR';
const M = 'DECIMAL(18,2)';
const col = (name: string, type: DatasetType): { name: string; type: DatasetType } => ({ name, type });

export function consolidationDataset(c: Consolidation): ConsolidationDataset {
  const who = [col('village', V), col('file', V)];
  const statementLines: DatasetTable = {
    name: 'statement_lines',
    columns: [...who, col('statement', V), col('line', 'INTEGER'), col('key', V), col('label', V), col('begin_amount', M), col('amount', M)],
    rows: c.included.flatMap((v) => [
      ...BALANCE_SHEET_LINES.map((d) => [v.village, v.file, 'balance_sheet', d.line, d.key, d.label, fenToString(v.balanceSheet[d.line]?.begin ?? 0), fenToString(v.balanceSheet[d.line]?.end ?? 0)]),
      ...INCOME_STATEMENT_LINES.map((d) => [v.village, v.file, 'income_statement', d.line, d.key, d.label, null, fenToString(v.incomeStatement[d.line] ?? 0)]),
    ]),
  };
  const incomeSources: DatasetTable = {
    name: 'income_sources',
    columns: [...who, col('source', V), col('label', V), col('amount', M)],
    rows: c.included.flatMap((v) => SOURCE_KEYS.map((s) => [v.village, v.file, s, SOURCE_LABELS[s].zh, fenToString(v.sources[s])])),
  };
  const rank = new Map(c.ranking.map((r) => [r.file, r.rank]));
  const excluded = new Set(c.excluded.map((e) => e.file));
  const villages: DatasetTable = {
    name: 'villages',
    columns: [
      ...who, col('included', 'BOOLEAN'), col('fiscal_year', 'INTEGER'), col('village_township', V), col('operating_income', M), col('class', V), col('class_zh', V), col('rank', 'INTEGER'),
      col('closed', 'BOOLEAN'), col('locked_through', V), col('lock_hash', V), col('lock_edited', 'BOOLEAN'), col('arrears', M),
    ],
    rows: [...c.included, ...c.excluded.flatMap((e) => (e.facts ? [e.facts] : []))].map((v) => [
      v.village, v.file, !excluded.has(v.file), v.fiscalYear, v.township, fenToString(v.operatingIncome), v.classCode, VILLAGE_CLASSES[v.classCode].zh, rank.get(v.file) ?? null,
      v.closed, v.lockedThrough ?? null, v.lockHash ?? null, v.lockEdited, fenToString(v.contracts.reduce((t, k) => t + k.arrears, 0)),
    ]),
  };
  const findings: DatasetTable = {
    name: 'findings',
    columns: [...who, col('sheet', V), col('cell', V), col('rule', V), col('severity', V), col('excluded', 'BOOLEAN'), col('zh', V), col('en', V)],
    rows: c.problems.map((p) => [p.village || null, p.file || null, p.sheet || null, p.cell || null, p.rule, p.severity, p.excluded, p.zh, p.en]),
  };
  return { year: c.year, township: c.township, tables: [statementLines, incomeSources, villages, findings] };
}
