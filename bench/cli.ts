/**
 * `npm run bench:cli [-- 10000 100000] [--runs 3]`: the CLI end to end as a user runs it, on the generated
 * postings of bench/generate.ts (10k and 100k lines by default). For each size, untimed setup:
 * `cunzhang init` and `import --opening`; then timed, each a fresh process of the built CLI
 * (dist/cli/cunzhang.cjs through src/cli/bin.cjs) under GNU time (wall time, peak RSS):
 *
 *   import   <book> vouchers.csv     report <book>     validate <book>
 *
 * Beside each, in the same run and the same way, the floor: unzip the file that command wrote
 * (or, for validate, read), tokenize every XML part with saxes, and for import and report zip
 * the same entries again and write the bytes (bench/cli-floor.ts). And ledger-cli, when
 * installed, on the same postings as a ledger journal (`ledger -f journal bal`, what `report`'s
 * trial balance is to it). Each is run `--runs` times (default 3) from the same starting book,
 * alternating; the fastest of each is kept, and our median beside it: this machine's speed
 * drifts by half from one minute to the next. The goals (issue 7, last column) are held to our
 * median against the floor's fastest. Prints a markdown table.
 *
 * The postings are bench/generate.ts's with each sub-account code cut to its level-1 account
 * (10201 → 102), since `init` creates the standard chart only (its one set of sub-accounts, under
 * 322, stays); the lines, amounts and dates stay.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { fenToString } from '../src/core/money';
import { BENCH_OPENING, generateVoucherCsv } from './generate';
import { timed, type Measure } from './gnu-time';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'src', 'cli', 'bin.cjs');

/** init's chart has the standard's sub-accounts of 322 (收益分配) only: other codes go to level 1. */
const level1 = (code: string): string => (code.startsWith('322') ? code : code.slice(0, 3));

/** The generated postings, accounts cut to level 1 (see the header). */
function postings(lines: number): { csv: string; lines: number; vouchers: number } {
  const g = generateVoucherCsv(lines);
  const [header, ...rows] = g.csv.trimEnd().split('\n');
  const cut = rows.map((row) => {
    const f = row.split(',');
    f[3] = level1(f[3]!);
    return f.join(',');
  });
  return { csv: `${[header, ...cut].join('\n')}\n`, lines: g.lines, vouchers: g.vouchers };
}

function openingCsv(): string {
  const sums = new Map<string, number>();
  for (const b of BENCH_OPENING) sums.set(level1(b.account), (sums.get(level1(b.account)) ?? 0) + b.debit - b.credit);
  const rows = [...sums].map(([code, fen]) => `${code},,${fen > 0 ? fenToString(fen) : ''},${fen < 0 ? fenToString(-fen) : ''}`);
  return `科目编码,科目名称,借方余额,贷方余额\n${rows.join('\n')}\n`;
}

/** The same postings as a ledger-cli journal: one transaction per voucher, amounts in yuan. */
function ledgerJournal(csv: string): string {
  const out: string[] = [];
  let key = '';
  for (const row of csv.trimEnd().split('\n').slice(1)) {
    const [date, number, summary, account, debit, credit] = row.split(',');
    if (`${date} ${number}` !== key) {
      key = `${date} ${number}`;
      out.push('', `${date!.replaceAll('-', '/')} (${number}) ${summary}`);
    }
    out.push(`    ${account}  ${debit ? debit : `-${credit}`}`);
  }
  return `${out.join('\n')}\n`;
}

function hasLedger(): boolean {
  try {
    execFileSync('ledger', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Row {
  /** The size asked for; the generator never splits a voucher, so `lines` can be a few more. */
  size: number;
  lines: number;
  command: string;
  ours: Measure;
  /** Median wall time of our runs: the goals are held to it, since a user gets a typical run, not the best one. */
  oursMedianS: number;
  floor: Measure;
  ledger?: Measure;
}

function main(): void {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 1) : 3;
  const sizes = argv.filter((a, i) => i !== runsAt && i !== runsAt + 1).map(Number).filter((n) => n > 0);
  const work = mkdtempSync(join(tmpdir(), 'cunzhang-bench-cli-'));
  try {
    // Build the CLI now (not inside the first timed command) and bundle the floor the same way.
    execFileSync(process.execPath, [join(ROOT, 'src', 'dev', 'build-cli.cjs')], { stdio: 'ignore' });
    const floor = join(work, 'cli-floor.cjs');
    buildSync({ entryPoints: [join(__dirname, 'cli-floor.ts')], outfile: floor, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    const ledger = hasLedger();
    const rows: Row[] = [];
    for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
      const dir = join(work, String(size));
      rmSync(dir, { recursive: true, force: true });
      execFileSync('mkdir', ['-p', dir]);
      const p = postings(size);
      writeFileSync(join(dir, 'vouchers.csv'), p.csv);
      writeFileSync(join(dir, 'opening.csv'), openingCsv());
      writeFileSync(join(dir, 'journal.ledger'), ledgerJournal(p.csv));
      const cz = (...args: string[]): Measure => timed(process.execPath, [BIN, ...args], dir);
      cz('init', 'book.xlsx', '--village', '基准村', '--township', '青山镇', '--year', '2025');
      cz('import', 'book.xlsx', '--opening', 'opening.csv');
      const ledgerBal = (): Measure | undefined => (ledger ? timed('ledger', ['-f', 'journal.ledger', 'bal'], dir) : undefined);
      const floorOf = (write: boolean): Measure => timed(process.execPath, [floor, 'book.xlsx', ...(write ? ['floor-out.xlsx'] : [])], dir);
      for (const [command, args, write] of [
        ['import', ['import', 'book.xlsx', 'vouchers.csv'], true],
        ['report', ['report', 'book.xlsx'], true],
        ['validate', ['validate', 'book.xlsx'], false],
      ] as const) {
        // Each run starts from the same book (import and report change it); the fastest run of
        // each (ours, floor, ledger) is kept, and our median: the machine's speed drifts between runs.
        copyFileSync(join(dir, 'book.xlsx'), join(dir, 'before.xlsx'));
        const measured: { ours: Measure; floor: Measure; ledger?: Measure }[] = [];
        for (let run = 0; run < runs; run++) {
          copyFileSync(join(dir, 'before.xlsx'), join(dir, 'book.xlsx'));
          const ours = cz(...args);
          const l = ledgerBal();
          measured.push({ ours, floor: floorOf(write), ...(l ? { ledger: l } : {}) });
        }
        const ours = fastestOf(measured.map((m) => m.ours));
        const l = measured[0]?.ledger ? fastestOf(measured.map((m) => m.ledger as Measure)) : undefined;
        const oursMedianS = medianOf(measured.map((m) => m.ours.wallS));
        rows.push({ size, lines: p.lines, command, ours, oursMedianS, floor: fastestOf(measured.map((m) => m.floor)), ...(l ? { ledger: l } : {}) });
        process.stderr.write(`${p.lines} ${command}: ${measured.map((m) => m.ours.wallS).join(' / ')} s, ${ours.peakMB.toFixed(0)} MB\n`);
      }
    }
    process.stdout.write(table(rows, ledger));
    // Start-up alone (goal: `cunzhang --help` well under 150 ms), beside Node starting an empty script.
    const five = (args: string[]): Measure[] => Array.from({ length: 5 }, () => timed(process.execPath, args, work));
    const helpRuns = five([BIN, '--help']);
    const nodeRuns = five(['-e', '']);
    const [help, node] = [fastestOf(helpRuns), fastestOf(nodeRuns)];
    const ms = (s: number): string => (s * 1000).toFixed(0);
    process.stdout.write(`\n\`cunzhang --help\`: ${ms(help.wallS)} ms, median ${ms(medianOf(helpRuns.map((m) => m.wallS)))} ms (cpu ${ms(help.cpuS)} ms) / ${help.peakMB.toFixed(0)} MB; \`node -e ''\`: ${ms(node.wallS)} ms, median ${ms(medianOf(nodeRuns.map((m) => m.wallS)))} ms (cpu ${ms(node.cpuS)} ms) / ${(node.faults / 1000).toFixed(1)}k page faults; fastest and median of 5\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function medianOf(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function fastestOf(ms: readonly Measure[]): Measure {
  return ms.reduce((a, b) => (b.wallS < a.wallS ? b : a));
}

/**
 * The goal a row is held to (issue 7): at 100k lines import < 2 s, report < 3 s, peak < 600 MB,
 * within 2× of the floor; at 10k < 0.5 s. Times are held to our median run; the floor to its
 * fastest (the strictest comparison for us).
 */
function goal(r: Row): { text: string; met: boolean } {
  const x = r.oursMedianS / r.floor.wallS;
  if (r.size <= 10_000) return { text: '< 0.5 s', met: r.oursMedianS < 0.5 };
  const limit = r.command === 'import' ? 2 : r.command === 'report' ? 3 : Infinity;
  const text = `${Number.isFinite(limit) ? `< ${limit} s, ` : ''}< 600 MB, ≤ 2× floor`;
  return { text, met: r.oursMedianS < limit && r.ours.peakMB < 600 && x <= 2 };
}

function table(rows: Row[], ledger: boolean): string {
  const s = (m: Measure): string => `${m.wallS.toFixed(2)} s (cpu ${m.cpuS.toFixed(2)}) / ${m.peakMB.toFixed(0)} MB`;
  const k = (m: Measure): string => `${(m.faults / 1000).toFixed(1)}k`;
  const head = ['lines', 'command', 'cunzhang fastest', 'median', 'floor', '× floor (wall, cpu)', 'page faults (ours, floor)', ...(ledger ? ['ledger bal'] : []), 'goal', 'met'];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    const g = goal(r);
    const cells = [String(r.lines), r.command, s(r.ours), `${r.oursMedianS.toFixed(2)} s`, s(r.floor), `${(r.ours.wallS / r.floor.wallS).toFixed(1)}, ${(r.ours.cpuS / r.floor.cpuS).toFixed(1)}`, `${k(r.ours)}, ${k(r.floor)}`, ...(ledger ? [r.ledger ? s(r.ledger) : ''] : []), g.text, g.met ? 'yes' : 'no'];
    out.push(`| ${cells.join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

main();
