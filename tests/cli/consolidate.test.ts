import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { run } from '../../src/cli/main';
import { tableToCsv } from '../../src/cli/commands/consolidate-export';
import { xlsxToCsvRecalculated, xlsxToCsvSheets } from '../support/libreoffice';
import { townshipFixtureSet } from '../support/township-fixtures';
import { cli } from './run-cli';

vi.setConfig({ testTimeout: 240_000 });

let dir: string;
let villages: string;
const at = (name: string): string => join(dir, name);

interface Summary {
  found: number;
  covers: number;
  included: { file: string; village: string }[];
  excluded: { file: string; reasons: string[] }[];
  totals: { operatingIncome: string; balanceSheet: Record<string, { end: string }>; incomeStatement: Record<string, string> };
}

async function inProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void): NodeJS.WritableStream => ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'cunzhang', ...args], { out: sink((s) => (out += s)), err: sink((s) => (err += s)) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-consolidate-'));
  villages = at('villages');
  await mkdir(villages);
  for (const f of await townshipFixtureSet()) await writeFile(join(villages, f.label), f.bytes);
}, 240_000);
afterAll(async () => {
  if (!process.env.KEEP_CONSOLIDATE_DIR) await rm(dir, { recursive: true, force: true });
  else console.log(dir);
});

describe('cunzhang consolidate', () => {
  let summary: Summary;

  it('writes the township workbook and the dataset, one thread', async () => {
    const r = await inProcess('consolidate', villages, '-o', at('township.xlsx'), '--township', '青山镇', '--year', '2025', '--json', '--export', at('export'), '--workers', '1');
    expect([r.code, r.err]).toEqual([0, '']);
    summary = JSON.parse(r.out) as Summary;
    expect(summary.found).toBe(9);
    expect(summary.covers).toBe(3);
    // A folder's files are read in name order.
    expect(summary.included.map((v) => v.village)).toEqual(['东村', '南村', '西村']);
    // 131,400 × 2 (东村, 西村) + 0 (南村)
    expect(summary.totals.operatingIncome).toBe('262800.00');
    expect(summary.totals.balanceSheet['32']!.end).toBe('2007000.00');
  });

  it('reads with two worker threads under tsx and gets the same answer', async () => {
    const r = await cli(dir, 'consolidate', villages, '-o', at('township-2.xlsx'), '--json', '--workers', '2');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.included).toEqual(summary.included);
    expect(s.excluded).toEqual(summary.excluded);
    expect(s.totals).toEqual(summary.totals);
  });

  it('the Parquet export, loaded by DuckDB, reproduces the township totals to the fen', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const q = async (sql: string): Promise<Record<string, unknown>[]> => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    const lines = `read_parquet('${at('export')}/parquet/statement_lines/*/*/*.parquet', hive_partitioning = true)`;
    const rows = await q(`SELECT statement, line, CAST(sum(amount) AS VARCHAR) AS total, count(DISTINCT village) AS villages, any_value(township) AS township, any_value(year) AS year
      FROM ${lines} GROUP BY statement, line ORDER BY statement, line`);
    const total = (st: string, line: number): unknown => rows.find((r) => r.statement === st && Number(r.line) === line)?.total;
    expect(total('balance_sheet', 32)).toBe('2007000.00');
    expect(total('balance_sheet', 56)).toBe('2007000.00');
    for (const [line, amount] of Object.entries(summary.totals.incomeStatement)) expect([line, total('income_statement', Number(line))]).toEqual([line, amount]);
    for (const [line, a] of Object.entries(summary.totals.balanceSheet)) expect([line, total('balance_sheet', Number(line))]).toEqual([line, a.end]);
    expect(rows[0]).toMatchObject({ township: '青山镇', villages: '3' });
    const src = await q(`SELECT CAST(sum(amount) AS VARCHAR) AS s FROM read_parquet('${at('export')}/parquet/income_sources/*/*/*.parquet', hive_partitioning = true)`);
    expect(src[0]!.s).toBe('262800.00');
    const f = await q(`SELECT rule, file FROM read_parquet('${at('export')}/parquet/findings/*/*/*.parquet', hive_partitioning = true) WHERE excluded ORDER BY file, rule`);
    expect(f.some((x) => x.rule === 'township.lock-edited' && x.file === '下村.xlsx')).toBe(true);
    con.closeSync();
    db.closeSync();
    const csv = await readFile(at('export/csv/income_sources/year=2025/township=青山镇/part-0.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFvillage,file,source,label,amount');
  });

  it('LibreOffice opens the township workbook and recalculates the totals to our figures', async () => {
    const [cached, recalculated] = await Promise.all([xlsxToCsvSheets(at('township.xlsx'), { asShown: true }), xlsxToCsvRecalculated(at('township.xlsx'))]);
    for (const name of ['汇总资产负债表', '汇总收益及收益分配表', '收入来源', '统计报表']) expect([name, recalculated[name]]).toEqual([name, cached[name]]);
    const bs = recalculated['汇总资产负债表']!;
    // 年初数 | 期末数 per village, then the township's: 3 × 582,000 = 1,746,000; 712,500 × 2 + 582,000 = 2,007,000.
    expect(bs.find((r) => r[0] === '资产总计')!.slice(2)).toEqual(['582,000.00', '712,500.00', '582,000.00', '582,000.00', '582,000.00', '712,500.00', '1,746,000.00', '2,007,000.00']);
    expect(recalculated['收入来源']!.find((r) => r[0] === '合计')![6]).toBe('262,800.00');
    // 统计报表 line 7 经营收益 = 1+2+3−4−5: 109,700 × 2 (南村 has none)
    expect(recalculated['统计报表']!.find((r) => r[1] === '7')![2]).toBe('219,400.00');
  });
});

describe('tableToCsv', () => {
  it('neutralises text that would start a formula, and quotes commas', () => {
    const csv = tableToCsv({ name: 't', columns: [{ name: 'village', type: 'VARCHAR' }, { name: 'amount', type: 'DECIMAL(18,2)' }], rows: [['=HYPERLINK("x")', '-5.00'], ['a,b', '1.00']] });
    expect(csv).toBe('\uFEFFvillage,amount\r\n"\'=HYPERLINK(""x"")",-5.00\r\n"a,b",1.00\r\n');
  });
});
