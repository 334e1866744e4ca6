/**
 * `cunzhang consolidate <dir|files…> -o <township.xlsx>` — 乡镇汇总: read every village
 * workbook (a folder's .xlsx files, or the files given), write the township workbook, and
 * optionally the dataset for the levels above (--export DIR) and a JSON summary (--json).
 * Files that cannot be read are listed with their reason and left out; the workbook is written
 * whatever the villages' problems (that is what 问题清单 is for), so the exit code is 0 when it was.
 */
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { Consolidation } from '../../core/consolidate/consolidate';
import { EXIT } from '../exit-values';
import type { Io } from '../main';
import type { FileSource } from './consolidate-pool';

/** The consolidation and the file host, loaded when the command runs, so `--help` and the other commands never load them. */
const load = () => Promise.all([import('../../app/consolidate'), import('../../app/consolidation-dataset'), import('../../hosts/xlsx/file'), import('../../hosts/xlsx/xlsx-workbook'), import('../progress-bar'), import('./consolidate-export'), import('./consolidate-pool'), import('./consolidate-summary')]);

interface Options {
  output: string;
  township?: string;
  year?: number;
  previous?: string;
  keptHeads?: string;
  json?: boolean;
  export?: string;
  workers?: number;
}

const year = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('应为四位年份 / expected a four-digit year');
  return Number(v);
};
const count = (v: string): number => {
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('应为正整数 / expected a positive whole number');
  return Number(v);
};

/** A folder gives its .xlsx files (sorted; Excel's ~$ lock files and the output itself skipped); a file gives itself. */
export async function expandInputs(inputs: readonly string[], output: string): Promise<FileSource[]> {
  const out: FileSource[] = [];
  // fs/promises and os load here, not with the command list: `cunzhang --help` need not pay for them.
  const [{ openWorkbookFile }, { readdir, stat }] = await Promise.all([import('../../hosts/xlsx/file'), import('node:fs/promises')]);
  const skip = resolve(output);
  for (const input of inputs) {
    const isDir = await stat(input).then((s) => s.isDirectory(), () => false);
    const paths = isDir
      ? (await readdir(input)).filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$')).sort().map((f) => join(input, f))
      : [input];
    for (const p of paths) {
      if (resolve(p) === skip) continue;
      out.push({ path: p, label: basename(p), open: () => openWorkbookFile(p) });
    }
  }
  return out;
}

/** Files done of all, and the time left (cli-progress estimates it from the recent rate). */
const BAR_FORMAT = ' {bar} {value}/{total} 个文件 | 剩余约 {eta_formatted} | {label}';

export function registerConsolidate(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('consolidate').argument('<inputs...>', '村账工作簿或所在文件夹 / village workbooks or folders')
    .description('乡镇汇总：多个村账合并为乡镇汇总工作簿 / consolidate village workbooks into a township workbook')
    .requiredOption('-o, --output <township.xlsx>', '输出的乡镇汇总工作簿 / township workbook to write')
    .option('--township <name>', '乡镇（默认取多数村账的乡镇） / township (default: the most common)')
    .option('--year <YYYY>', '年度（默认取多数村账的年度） / year (default: the most common)', year)
    .option('--previous <last-year.xlsx>', '上年乡镇汇总工作簿，用于同比 / last year\'s township workbook, for 同比')
    .option('--kept-heads <township.xlsx>', '此前同年度的乡镇汇总工作簿：核对各村哈希链末端仍在链中 / an earlier township workbook of this year: each village\'s kept chain head must still be in its chain')
    .option('--json', '在标准输出打印汇总 JSON / print the summary JSON on stdout')
    .option('--export <dir>', '导出 CSV 和 Parquet 数据集（按年度、乡镇分区） / export the CSV and Parquet dataset')
    .option('--workers <n>', `读取线程数（默认 CPU 核数；少于 8 个文件时单线程） / reader threads`, count)
    .action(async (inputs: string[], o: Options) => {
      const [{ consolidateVillages, readKeptHeadsFrom, readPreviousTownship, writeTownshipWorkbook }, { consolidationDataset }, { openWorkbookFile, saveWorkbookFileAtomic }, { createXlsxWorkbook }, { createProgress }, { exportDataset }, { readWithWorkers }, { printSummary, summaryJson }] = await load();
      const sources = await expandInputs(inputs, o.output);
      const previous = o.previous !== undefined ? await readPreviousTownship(await openWorkbookFile(o.previous, { kind: 'township' })) : undefined;
      const keptHeads = o.keptHeads !== undefined ? await readKeptHeadsFrom(await openWorkbookFile(o.keptHeads, { kind: 'township' })) : undefined;
      const bar = createProgress(process.stderr, BAR_FORMAT);
      let c: Consolidation;
      try {
        const workers = o.workers ?? (await import('node:os')).availableParallelism();
        c = await consolidateVillages(sources, {
          ...bar,
          ...(o.township !== undefined ? { township: o.township } : {}),
          ...(o.year !== undefined ? { year: o.year } : {}),
          ...(keptHeads !== undefined ? { keptHeads } : {}),
          readAll: (s, run) => readWithWorkers(s as FileSource[], workers, run),
        });
      } finally {
        bar.stop();
      }
      const wb = await createXlsxWorkbook();
      await writeTownshipWorkbook(wb, c, { ...(previous ? { previous } : {}), generatedAt: new Date().toISOString().slice(0, 19).replace('T', ' ') });
      await saveWorkbookFileAtomic(wb, o.output);
      if (o.export !== undefined) {
        const files = await exportDataset(o.export, consolidationDataset(c));
        if (!o.json) io.out.write(`已导出数据集 ${files.length} 个文件到 ${o.export} / exported the dataset\n`);
      }
      if (o.json) io.out.write(`${JSON.stringify(summaryJson(c, o.output), null, 2)}\n`);
      else printSummary(io, c, o.output);
      setCode(EXIT.ok);
    });
}
