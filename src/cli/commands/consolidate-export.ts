/**
 * Writing the consolidation dataset (src/app/consolidation-dataset.ts) as CSV and as Parquet,
 * Hive-partitioned by year and township:
 *   DIR/csv/<table>/year=YYYY/township=NAME/part-0.csv
 *   DIR/parquet/<table>/year=YYYY/township=NAME/part-0.parquet
 * so many townships' exports side by side are one dataset. Parquet is written by embedded
 * DuckDB (@duckdb/node-api) from a newline-delimited JSON staging file with the declared column
 * types, so DECIMAL amounts stay exact. CSV text cells are neutralised against formula injection.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsolidationDataset, DatasetTable } from '../../app/consolidation-dataset';
import { neutraliseFormulaText } from '../../core/text-safety';

/** A path segment safe on every file system (a township name could hold a slash). */
function segment(s: string): string {
  return s.replace(/[/\\:*?"<>|]/g, '_') || '_';
}

function partitionDir(root: string, kind: 'csv' | 'parquet', table: string, d: ConsolidationDataset): string {
  return join(root, kind, table, `year=${d.year}`, `township=${segment(d.township)}`);
}

function csvCell(v: string | number | boolean | null, type: string): string {
  if (v === null) return '';
  const text = type === 'VARCHAR' ? neutraliseFormulaText(String(v)) : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One table as CSV text: UTF-8 with BOM (Excel and WPS then read the Chinese right), CRLF. */
export function tableToCsv(t: DatasetTable): string {
  const lines = [t.columns.map((c) => c.name).join(','), ...t.rows.map((r) => r.map((v, i) => csvCell(v, t.columns[i]!.type)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function writeCsv(root: string, d: ConsolidationDataset): Promise<string[]> {
  const out: string[] = [];
  for (const t of d.tables) {
    const dir = partitionDir(root, 'csv', t.name, d);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'part-0.csv');
    await writeFile(file, tableToCsv(t));
    out.push(file);
  }
  return out;
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

async function writeParquet(root: string, d: ConsolidationDataset): Promise<string[]> {
  // Loaded only when asked for: the native module is large and the rest of the CLI needs none of it.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const stage = await mkdtemp(join(tmpdir(), 'cunzhang-export-'));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const out: string[] = [];
  try {
    for (const t of d.tables) {
      const dir = partitionDir(root, 'parquet', t.name, d);
      await mkdir(dir, { recursive: true });
      const json = join(stage, `${t.name}.jsonl`);
      await writeFile(json, t.rows.map((r) => JSON.stringify(Object.fromEntries(t.columns.map((c, i) => [c.name, r[i] ?? null])))).join('\n'));
      const columns = `{${t.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;
      const file = join(dir, 'part-0.parquet');
      const source = t.rows.length === 0
        ? `SELECT ${t.columns.map((c) => `CAST(NULL AS ${c.type}) AS "${c.name}"`).join(', ')} LIMIT 0`
        : `SELECT * FROM read_json(${sqlString(json)}, format = 'newline_delimited', columns = ${columns})`;
      await con.run(`COPY (${source}) TO ${sqlString(file)} (FORMAT parquet)`);
      out.push(file);
    }
  } finally {
    con.closeSync();
    db.closeSync();
    await rm(stage, { recursive: true, force: true });
  }
  return out;
}

/** Write both forms; returns the files written. */
export async function exportDataset(root: string, d: ConsolidationDataset): Promise<string[]> {
  return [...(await writeCsv(root, d)), ...(await writeParquet(root, d))];
}
