/**
 * Township consolidation benchmark (not a test): N generated village workbooks of L voucher
 * lines each, consolidated as a user runs it — the built `cunzhang consolidate <dir> -o
 * township.xlsx --json` (reader threads, consolidation, the township workbook written) — against
 * a floor that only unzips each file and XML-parses every part (fflate + saxes, bundled the same
 * way, with as many threads), with no accounting. Each runs as its own process under GNU time
 * (wall, CPU, peak RSS with the worker threads), `--runs` times, best by wall time.
 *
 *   npx tsx bench/consolidate.ts [--files 500] [--lines 2000] [--workers 2] [--runs 3]
 *
 * Goal (issue 13): 500 × 2,000 lines under 20 s and 1 GiB peak on 2 cores, within 2× of the floor.
 * Workbooks are generated once per (files, lines) into the OS temp directory and reused.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { importOpening } from '../src/app/import-opening';
import { importVouchers } from '../src/app/import-vouchers';
import { initVillage } from '../src/app/init-village';
import { fenToString } from '../src/core/money';
import { createXlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { parseCsv } from '../src/workbook/voucher-import';
import { BENCH_OPENING, BENCH_SUBS, generateVoucherCsv } from './generate';
import { timed, type Measure } from './gnu-time';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'src', 'cli', 'bin.cjs');

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

/** Best of `runs` by wall time. */
function best(runs: number, run: () => Measure): Measure {
  let b: Measure | undefined;
  for (let i = 0; i < runs; i++) {
    const m = run();
    if (b === undefined || m.wallS < b.wallS) b = m;
  }
  return b as Measure;
}

async function main(): Promise<void> {
  const files = arg('files', 500);
  const lines = arg('lines', 2000);
  const workers = arg('workers', 2);
  const runs = arg('runs', 3);
  console.log(`Township consolidation: ${files} village workbooks × ${lines} voucher lines, ${workers} threads, best of ${runs}`);
  const dir = await generate(files, lines);
  const work = join(tmpdir(), `cunzhang-bench-consolidate-out-${process.pid}`);
  await mkdir(work, { recursive: true });
  try {
    // The CLI built now (not inside the first timed run), the floor bundled the same way.
    execFileSync(process.execPath, [join(ROOT, 'src', 'dev', 'build-cli.cjs')], { stdio: 'ignore' });
    const floorJs = join(work, 'consolidate-floor.cjs');
    buildSync({ entryPoints: [join(__dirname, 'consolidate-floor.ts')], outfile: floorJs, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    const floor = best(runs, () => timed(process.execPath, [floorJs, dir, String(workers)], work));
    const ours = best(runs, () => timed(process.execPath, [BIN, 'consolidate', dir, '-o', join(work, 'township.xlsx'), '--json', '--workers', String(workers)], work));
    const summary = JSON.parse(ours.stdout) as { included: unknown[]; totals: { operatingIncome: string } };
    const row = (name: string, m: Measure, check: string): string =>
      `${name.padEnd(6)} wall ${m.wallS.toFixed(1).padStart(6)} s  cpu ${m.cpuS.toFixed(1).padStart(6)} s  peak RSS ${m.peakMB.toFixed(0).padStart(5)} MB  ${check}`;
    console.log(row('floor', floor, floor.stdout.trim()));
    console.log(row('ours', ours, `${summary.included.length} villages, operating income ${summary.totals.operatingIncome}`));
    console.log(`ratio ours/floor: wall ${(ours.wallS / floor.wallS).toFixed(1)}×, cpu ${(ours.cpuS / floor.cpuS).toFixed(1)}× (goal ≤ 2×; 500 files under 20 s and 1 GiB)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

void main();
