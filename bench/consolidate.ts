/**
 * Township consolidation benchmark (not a test): N generated village workbooks of L voucher
 * lines each, consolidated by the CLI's path (readWithWorkers + consolidate), against a floor
 * that only unzips each file and XML-parses every part (fflate + saxes), with no accounting.
 * Each measurement runs in a fresh child process, so peak RSS (maxRSS, worker threads included)
 * is its own.
 *
 *   npx tsx bench/consolidate.ts [--files 500] [--lines 2000] [--workers 2]
 *
 * Goal (issue 13): 500 × 2,000 lines under 20 s and 1 GiB peak on 2 cores, within 2× of the floor.
 * Workbooks are generated once per (files, lines) into the OS temp directory and reused.
 */
import { fork } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, Worker } from 'node:worker_threads';
import { consolidate } from '../src/core/consolidate/consolidate';
import { importOpening } from '../src/app/import-opening';
import { importVouchers } from '../src/app/import-vouchers';
import { initVillage } from '../src/app/init-village';
import { fenToString } from '../src/core/money';
import { openWorkbookFile } from '../src/hosts/xlsx/file';
import { createXlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { parseCsv } from '../src/workbook/voucher-import';
import { readWithWorkers, type FileSource } from '../src/cli/commands/consolidate-pool';
import { floorPaths } from './consolidate-floor';
import { BENCH_OPENING, BENCH_SUBS, generateVoucherCsv } from './generate';

type Kind = 'floor' | 'ours';
interface Result {
  kind: Kind;
  workers: number;
  ms: number;
  cpuMs: number;
  rssMB: number;
  check: string;
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

/** Distinct voucher sets; files beyond them reuse a set under another village name (the sums do not care). */
const TEMPLATES = 8;

async function generate(files: number, lines: number): Promise<string> {
  const dir = join(tmpdir(), `cunzhang-bench-consolidate-${files}x${lines}`);
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).filter((f) => f.endsWith('.xlsx')).length === files) return dir;
  const templates: Uint8Array[] = [];
  for (let t = 0; t < Math.min(TEMPLATES, files); t++) {
    const wb = await createXlsxWorkbook();
    await initVillage(wb, { village: `模板${t}`, township: '青山镇', year: 2025, subAccounts: BENCH_SUBS.filter((s) => !s.code.startsWith('322')) });
    const opening = ['科目编码,借方余额,贷方余额', ...BENCH_OPENING.map((o) => `${o.account},${o.debit ? fenToString(o.debit) : ''},${o.credit ? fenToString(o.credit) : ''}`)].join('\n');
    const src = (text: string, name: string): Parameters<typeof importVouchers>[1] => {
      const [header = [], ...rows] = parseCsv(text);
      return { header, rows, where: { source: name, firstRow: 2 } };
    };
    await importOpening(wb, src(opening, 'opening.csv'));
    const r = await importVouchers(wb, src(generateVoucherCsv(lines, 2025 + t).csv, 'vouchers.csv'));
    if (!r.ok) throw new Error(`bench template ${t} did not import: ${r.findings[0]?.en ?? ''}`);
    templates.push(await wb.toBytes());
  }
  for (let i = 0; i < files; i++) {
    const wb = await createXlsxWorkbook(templates[i % templates.length]!);
    const meta = (await wb.readMeta())!;
    await wb.writeMeta({ ...meta, village: `村${String(i).padStart(4, '0')}` });
    await writeFile(join(dir, `村${String(i).padStart(4, '0')}.xlsx`), await wb.toBytes());
    if (i % 10 === 9) process.stderr.write(`  generated ${i + 1}/${files}\r`);
  }
  return dir;
}

const FLOOR_WORKER = `
const { parentPort } = require('node:worker_threads');
require(${JSON.stringify(require.resolve('tsx/cjs'))});
const { floorPaths } = require(${JSON.stringify(join(__dirname, 'consolidate-floor.ts'))});
parentPort.on('message', (paths) => floorPaths(paths).then((n) => parentPort.postMessage(n)));
`;

async function runFloor(paths: string[], workers: number): Promise<string> {
  if (workers <= 1) return `${await floorPaths(paths)} elements`;
  const parts = Array.from({ length: workers }, (_, w) => paths.filter((_, i) => i % workers === w));
  const counts = await Promise.all(parts.map((part) => new Promise<number>((resolve, reject) => {
    const w = new Worker(FLOOR_WORKER, { eval: true });
    w.once('message', (n: number) => void w.terminate().then(() => resolve(n)));
    w.once('error', reject);
    w.postMessage(part);
  })));
  return `${counts.reduce((a, b) => a + b, 0)} elements`;
}

async function runOurs(paths: string[], workers: number): Promise<string> {
  const sources: FileSource[] = paths.map((p) => ({ path: p, label: p.slice(p.lastIndexOf('/') + 1), open: () => openWorkbookFile(p) }));
  const c = consolidate(await readWithWorkers(sources, workers), { township: '青山镇', year: 2025 });
  return `${c.included.length} villages, operating income ${fenToString(c.totals.operatingIncome)}`;
}

async function child(kind: Kind, dir: string, workers: number): Promise<void> {
  const paths = (await readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const check = kind === 'floor' ? await runFloor(paths, workers) : await runOurs(paths, workers);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const result: Result = { kind, workers, ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMB: process.resourceUsage().maxRSS / 1024, check };
  process.send?.(result);
}

function runChild(kind: Kind, dir: string, workers: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const c = fork(__filename, ['--child', kind, dir, String(workers)], { execArgv: process.execArgv });
    let result: Result | undefined;
    c.on('message', (m) => (result = m as Result));
    c.on('error', reject);
    c.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`bench child ${kind} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const files = arg('files', 500);
  const lines = arg('lines', 2000);
  const workers = arg('workers', 2);
  console.log(`Township consolidation: ${files} village workbooks × ${lines} voucher lines, ${workers} threads`);
  const dir = await generate(files, lines);
  const floor = await runChild('floor', dir, workers);
  const ours = await runChild('ours', dir, workers);
  for (const r of [floor, ours]) {
    console.log(`${r.kind.padEnd(6)} wall ${(r.ms / 1000).toFixed(1).padStart(7)} s  cpu ${(r.cpuMs / 1000).toFixed(1).padStart(7)} s  peak RSS ${r.rssMB.toFixed(0).padStart(6)} MB  ${r.check}`);
  }
  console.log(`ratio ours/floor: wall ${(ours.ms / floor.ms).toFixed(1)}×, cpu ${(ours.cpuMs / floor.cpuMs).toFixed(1)}× (goal ≤ 2×; 500 files under 20 s and 1 GiB)`);
}

// The floor's worker threads load this file too: only the main thread of a child measures.
if (isMainThread && process.argv[2] === '--child') void child(process.argv[3] as Kind, process.argv[4]!, Number(process.argv[5]));
else if (isMainThread && require.main === module) void main();
