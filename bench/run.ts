/**
 * `npm run bench`: the ledger hot path against a plain-Node floor, on generated voucher CSV of
 * 10k / 100k / 1M lines. Each measurement runs in a fresh child process (so peak RSS is its
 * own), best of 3 (by CPU time) at every size, floor/ours/rows interleaved so load hits all alike.
 *
 * floor: split the text into lines and fields, parse both amounts to integer fen by hand, sum
 *        debit − credit per account in a Map. The least any import-and-sum can do.
 * ours:  the project's CSV import as a file arrives (one string): importVoucherCsv
 *        (src/workbook/voucher-csv.ts) into vouchers, then validateVouchers +
 *        computeTrialBalance + buildBalanceSheet + buildIncomeStatement.
 *        Inside `ours`, computeTrialBalance is also timed against a bare Map sum over the same
 *        parsed vouchers (best of 5 each; stages mapSumBest / tbBest): the hot-path target.
 * rows:  the same ledger and statements behind the general path — parseCsv into string[][] then
 *        parseVoucherRows (what rows from an .xlsx or a workbook table go through): shows what the
 *        text scanner saves over building every cell.
 * The goal: ours within 2× of floor (cpu ratio), measured in the same run.
 */
import { fork } from 'node:child_process';
import { generateVoucherCsv, BENCH_OPENING, BENCH_SUBS } from './generate';
import type { Voucher } from '../src/core/ledger/types';
import { buildChart } from '../src/core/chart/accounts';
import { parseCsv, parseVoucherRows } from '../src/workbook/voucher-import';
import { importVoucherCsv } from '../src/workbook/voucher-csv';
import { validateVouchers } from '../src/core/ledger/validate';
import { computeTrialBalance } from '../src/core/ledger/balances';
import { buildBalanceSheet } from '../src/core/statements/balance-sheet';
import { buildIncomeStatement } from '../src/core/statements/income-statement';

type Kind = 'floor' | 'ours' | 'rows';
interface Result {
  kind: Kind;
  lines: number;
  ms: number;
  /** CPU time (user + system) of the measured work: steadier than wall time on a shared machine. */
  cpuMs: number;
  rssMB: number;
  heapMB: number;
  check: string;
  stages?: Record<string, number>;
}

/** Amount text → fen, by char codes ('' → 0). Enough for the generator's "1234.56". */
function fenOf(s: string): number {
  let whole = 0;
  let frac = 0;
  let digits = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) digits = 0;
    else if (digits < 0) whole = whole * 10 + (c - 48);
    else if (digits < 2) {
      frac = frac * 10 + (c - 48);
      digits++;
    }
  }
  return whole * 100 + (digits === 1 ? frac * 10 : frac);
}

function floor(csv: string): string {
  const rows = csv.split('\n');
  const sums = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row === '') continue;
    const f = row.split(',');
    const acc = f[3]!;
    sums.set(acc, (sums.get(acc) ?? 0) + fenOf(f[4]!) - fenOf(f[5]!));
  }
  let total = 0;
  for (const v of sums.values()) total += Math.abs(v);
  return `${sums.size} accounts, Σ|net| ${total}`;
}

/** The in-memory floor for computeTrialBalance: Σ debit − credit per account, nothing else. */
function mapSum(vouchers: readonly Voucher[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of vouchers) for (const l of v.lines) m.set(l.account, (m.get(l.account) ?? 0) + l.debit - l.credit);
  return m;
}

/** The hot-path check: computeTrialBalance against a bare Map sum over the same vouchers, best of 5 each. */
function hotPath(book: { chart: ReturnType<typeof buildChart>['chart']; opening: typeof BENCH_OPENING; vouchers: Voucher[] }, stages: Record<string, number>): void {
  let sumBest = Infinity;
  let tbBest = Infinity;
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    mapSum(book.vouchers);
    sumBest = Math.min(sumBest, performance.now() - t);
    t = performance.now();
    computeTrialBalance({ ...book, from: '2025-01', to: '2025-12' });
    tbBest = Math.min(tbBest, performance.now() - t);
  }
  stages['mapSumBest'] = Math.round(sumBest * 10) / 10;
  stages['tbBest'] = Math.round(tbBest * 10) / 10;
}

function ours(csv: string, stages: Record<string, number>, general: boolean, after: (book: Parameters<typeof hotPath>[0]) => void): string {
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    stages[name] = Math.round(now - t);
    t = now;
  };
  const { chart } = buildChart(BENCH_SUBS);
  const settings = { village: '基准村', township: '基准镇', fiscalYear: 2025 };
  let parsed: { vouchers: Voucher[]; lines: number; findings: readonly unknown[] };
  if (general) {
    const rows = parseCsv(csv);
    lap('parseCsv');
    parsed = parseVoucherRows(rows[0] as string[], rows.slice(1), { sheet: 'bench.csv', firstRow: 2 });
    lap('vouchers');
  } else {
    parsed = importVoucherCsv(csv, { sheet: 'bench.csv', firstRow: 2 });
    lap('import');
  }
  const findings = validateVouchers(parsed.vouchers, { chart, settings });
  lap('validate');
  const book = { chart, opening: BENCH_OPENING, vouchers: parsed.vouchers };
  const tb = computeTrialBalance({ ...book, from: '2025-01', to: '2025-12' });
  lap('trialBalance');
  const bs = buildBalanceSheet({ ...book, to: '2025-12' });
  const is = buildIncomeStatement({ ...book, from: '2025-01', to: '2025-12' });
  lap('statements');
  if (parsed.findings.length + findings.length + bs.findings.length + is.findings.length > 0) throw new Error(`bench data has findings: ${JSON.stringify([...parsed.findings, ...findings].slice(0, 3))}`);
  after(book);
  return `${parsed.lines} lines, ${parsed.vouchers.length} vouchers, TB ${tb.totals.closingDebit}=${tb.totals.closingCredit}`;
}

/**
 * The CSV as a file arrives: one flat string decoded from UTF-8 bytes. (The generator's join
 * leaves a rope, slower to index and kept alive beside the flat copy if held here.)
 */
function fileText(lines: number): { csv: string; lines: number } {
  const g = generateVoucherCsv(lines);
  return { csv: Buffer.from(g.csv, 'utf8').toString('utf8'), lines: g.lines };
}

function worker(kind: Kind, lines: number): void {
  const { csv, lines: n } = fileText(lines);
  const stages: Record<string, number> = {};
  let parsedBook: Parameters<typeof hotPath>[0] | undefined;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const check = kind === 'floor' ? floor(csv) : ours(csv, stages, kind === 'rows', (b) => (parsedBook = b));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  // Outside the timed region.
  if (parsedBook) hotPath(parsedBook, stages);
  const result: Result = {
    kind,
    lines: n,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMB: process.resourceUsage().maxRSS / 1024,
    heapMB: process.memoryUsage().heapUsed / 1024 / 1024,
    check,
    ...(kind === 'floor' ? {} : { stages }),
  };
  process.send?.(result);
}

function runChild(kind: Kind, lines: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--worker', kind, String(lines)], { execArgv: [...process.execArgv, '--max-old-space-size=8192'] });
    let result: Result | undefined;
    child.on('message', (m) => (result = m as Result));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`bench child ${kind} ${lines} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const plan = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
  console.log('Wall ms and lines/s as measured; cpu = user+system ms of the same work. ratio = kind/floor (wall, cpu); goal: ours cpu ratio ≤ 2.');
  console.log('size      kind   lines      ms       cpu ms   lines/s     peakRSS MB  heap MB  ratio       stages (wall ms)');
  for (const size of plan) {
    const runs = 3; // best of 3 at every size: the machine is shared, one run can be 30% off
    const best: Partial<Record<Kind, Result>> = {};
    for (let i = 0; i < runs; i++) {
      for (const kind of ['floor', 'ours', 'rows'] as const) {
        const r = await runChild(kind, size);
        if (!best[kind] || r.cpuMs < best[kind].cpuMs) best[kind] = r;
      }
    }
    const f = best.floor!;
    for (const r of [best.floor!, best.ours!, best.rows!]) {
      const ratio = r.kind !== 'floor' ? `${(r.ms / f.ms).toFixed(2)}, ${(r.cpuMs / f.cpuMs).toFixed(2)}` : '';
      const stages = r.stages ? Object.entries(r.stages).map(([k, v]) => `${k} ${v}`).join(', ') : r.check;
      console.log(
        `${String(size).padEnd(9)} ${r.kind.padEnd(6)} ${String(r.lines).padEnd(10)} ${r.ms.toFixed(0).padEnd(8)} ${r.cpuMs.toFixed(0).padEnd(8)} ${Math.round(r.lines / (r.ms / 1000)).toLocaleString('en').padEnd(11)} ${r.rssMB.toFixed(0).padEnd(11)} ${r.heapMB.toFixed(0).padEnd(8)} ${ratio.padEnd(11)} ${stages}`,
      );
    }
  }
}

if (process.argv[2] === '--worker') worker(process.argv[3] as Kind, Number(process.argv[4]));
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
