/**
 * `cunzhang` — the command line face. Each command maps 1:1 to a use case in src/app; files are
 * opened through the .xlsx host and written only on success (temp file + rename). Exit codes and
 * error messages come from exit-codes.ts, the one mapper. See docs/cli.md.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-values';
import { month, year } from './arg-parsers';
import { registerPrintVouchers } from './commands/print-vouchers';
import { registerNewYear } from './commands/new-year';
import { refuseBadPeriod } from './errors';
import { findingJson, formatFindings } from './output';
import { basename } from 'node:path';
import type { Finding } from '../core/findings';

/** The engine behind the commands, loaded on first use (see engine.ts): `--help` never loads it. */
const engine = () => import('./engine');
/** `sample` and `demo` on their own: the sample book brings the plan engine, which no other command here needs. */
const sampleCommands = () => import('./sample-commands');
import { registerVerify } from './commands/verify';
import { registerConsolidate } from './commands/consolidate';
import { registerDisclose } from './commands/disclose';
import { registerPlan } from './commands/plan';

export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}


/** Print findings (stderr) and the outcome, and return the exit code for a use-case result. */
function finish(io: Io, r: { ok: boolean; findings: Finding[] }, okText: string, failText: string): number {
  if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
  if (r.ok) io.out.write(`${okText}\n`);
  else io.err.write(`${failText}\n`);
  return r.ok ? EXIT.ok : EXIT.findings;
}

export function buildProgram(io: Io, setCode: (c: number) => void): Command {
  const program = new Command('cunzhang')
    .description('村账 Cunzhang：村集体经济组织会计（2023 制度）命令行工具 / village collective accounting CLI')
    .exitOverride()
    // Parser errors are printed by exit-codes.ts, Chinese first (usage-zh.ts); help still goes out as commander writes it.
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s), outputError: () => undefined });

  program.command('init').argument('<file>', '新建的工作簿 .xlsx（--existing：已有的工作簿） / workbook to create (--existing: to add to)')
    .description('新建村账工作簿 / create a village workbook')
    .requiredOption('--village <name>', '村名 / village').requiredOption('--township <name>', '乡镇 / township')
    .requiredOption('--year <YYYY>', '会计年度 / fiscal year', year)
    .option('--from-2004 <trial-balance>', '由2004制度科目余额表（.csv/.xlsx）转入期初余额 / open from a 2004-system trial balance')
    .addOption(new Option('--existing', '把村账加入已有的工作簿，原有的表不变 / add the village book to an existing workbook, its sheets left as they are').conflicts('from2004'))
    .action(async (file: string, o: { village: string; township: string; year: number; from2004?: string; existing?: boolean }) => {
      if (o.from2004 !== undefined) {
        const { runInitFrom2004 } = await import('./commands/init-from-2004');
        return setCode(await runInitFrom2004(io, file, o.from2004, o));
      }
      const { initVillage, newBookFile, openWorkbookFile, saveWorkbookFileAtomic } = await engine();
      // --existing: a workbook someone already keeps (in WPS, LibreOffice or Excel) becomes a village
      // book, as the pane's 新建账簿 does with the workbook it has open; the save keeps a backup.
      const wb = o.existing ? await openWorkbookFile(file, { requireLayout: false }) : await newBookFile(file);
      const r = await initVillage(wb, { village: o.village, township: o.township, year: o.year });
      if (r.ok) await saveWorkbookFileAtomic(wb, file);
      const done = o.existing ? `已将村账加入 ${file}（${o.township}${o.village}，${o.year}年度） / added` : `已创建 ${file}（${o.township}${o.village}，${o.year}年度） / created`;
      setCode(finish(io, r, done, o.existing ? '工作簿未改动 / nothing changed' : '未创建工作簿 / nothing created'));
    });

  program.command('import').argument('<file>', '村账工作簿 / village workbook').argument('[input]', '凭证文件 .csv/.xlsx / vouchers file')
    .description('导入凭证或期初余额（全部成功才写入，重复导入不会重复记账） / import vouchers or opening balances (all or nothing, idempotent)')
    .option('--opening <csv>', '导入期初余额文件 / import opening balances from this file')
    .action(async (file: string, input: string | undefined, o: { opening?: string }) => {
      const { importOpening, importVouchers, readInputTable, sizeYoungGeneration, withBookFile, withProgress } = await import('./import-engine');
      const path = o.opening ?? input;
      if (path === undefined || (o.opening !== undefined && input !== undefined)) {
        throw new CommanderError(EXIT.usage, 'cunzhang.usage', 'give either <input> or --opening <csv>');
      }
      await sizeYoungGeneration(file, path);
      const t = await readInputTable(path, basename(path));
      const src = { header: t.header, rows: t.rows, where: { source: t.source, firstRow: t.firstRow } };
      if (o.opening !== undefined) {
        const r = await withProgress((p) => withBookFile(file, true, (wb) => importOpening(wb, src, p)));
        setCode(finish(io, r, `已导入期初余额 ${r.imported} 行，已存在跳过 ${r.skipped} 行 / imported ${r.imported}, skipped ${r.skipped}`, '未导入任何期初余额 / nothing imported'));
      } else {
        const r = await withProgress((p) => withBookFile(file, true, (wb) => importVouchers(wb, src, p)));
        setCode(finish(io, r, `已导入凭证 ${r.imported} 张（${r.lines} 行），已存在跳过 ${r.skipped} 张 / imported ${r.imported} vouchers (${r.lines} lines), skipped ${r.skipped}`, '未导入任何凭证 / nothing imported'));
      }
    });

  program.command('report').argument('<file>', '村账工作簿 / village workbook')
    .description('重建科目余额表、总账、明细账、日记账、资产负债表、收益及收益分配表 / rebuild the report sheets')
    .option('--from <YYYY-MM>', '起始月份 / first month', month).option('--to <YYYY-MM>', '截止月份 / last month', month)
    .option('--json', '在标准输出打印报表 JSON / print the report JSON on stdout')
    .option('--previous <last-year.xlsx>', '上年账簿，用于收益及收益分配表的上年金额（只读） / last year\'s workbook for the prior-year column (read only)')
    .action(async (file: string, o: { from?: string; to?: string; json?: boolean; previous?: string }) => {
      const { buildReports, printReportSummary, withBookFile, withProgress, openWorkbookFile } = await engine();
      const period = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
      const previous = o.previous === undefined ? {} : { previous: await openWorkbookFile(o.previous) };
      const r = await withProgress((p) => withBookFile(file, true, (wb) => buildReports(wb, { ...p, ...period, ...previous })));
      refuseBadPeriod(r.findings);
      if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
      if (r.ok && r.report) {
        if (o.json) io.out.write(`${JSON.stringify(r.report, null, 2)}\n`);
        else printReportSummary(io.out, r.report, r.sheets);
      } else io.err.write('账套存在错误，报表未生成 / the book has errors; no reports written\n');
      setCode(r.ok ? EXIT.ok : EXIT.findings);
    });

  program.command('validate').argument('<file>', '村账工作簿 / village workbook')
    .description('检查工作簿（只读） / check the workbook (read-only)').option('--json', 'JSON 输出 / JSON output')
    .option('--template <NAME>', '按此公开模板检查财务公开表，并检查截至今天应公开的表是否齐全 / check disclosures against this template, and completeness as of today')
    .action(async (file: string, o: { json?: boolean; template?: string }) => {
      const { validateWorkbook, withBookFile } = await import('./validate-engine');
      // Completeness needs a date: only when a template is named, as of today (the face owns the clock).
      // The template reader (and the template schema) loads only then.
      const disclosure = o.template === undefined ? {} : { template: await (await import('./template-file')).loadTemplate(o.template, file), asOf: new Date().toISOString().slice(0, 10) };
      const r = await withBookFile(file, false, (wb) => validateWorkbook(wb, disclosure));
      if (o.json) io.out.write(`${JSON.stringify({ ok: r.ok, counts: r.counts, findings: r.findings.map(findingJson) }, null, 2)}\n`);
      else {
        if (r.findings.length > 0) io.out.write(`${formatFindings(r.findings)}\n`);
        io.out.write(`凭证 ${r.counts.vouchers} 张、${r.counts.lines} 行；错误 ${r.counts.errors} 项，警告 ${r.counts.warnings} 项 / ${r.counts.vouchers} vouchers, ${r.counts.errors} errors, ${r.counts.warnings} warnings\n`);
      }
      setCode(r.ok ? EXIT.ok : EXIT.findings);
    });

  registerDisclose(program, io, setCode);

  program.command('close').argument('<file>', '村账工作簿 / village workbook')
    .description('年终结转（生成结转凭证） / year-end close').requiredOption('--year <YYYY>', '会计年度 / fiscal year', year)
    .action(async (file: string, o: { year: number }) => {
      const { closeYear, withBookFile } = await engine();
      const r = await withBookFile(file, true, (wb) => closeYear(wb, { year: o.year }));
      setCode(finish(io, r, `已生成结转凭证 ${r.vouchers.length} 张 / wrote ${r.vouchers.length} closing vouchers`, '未结转 / not closed'));
    });

  program.command('lock').argument('<file>', '村账工作簿 / village workbook')
    .description('结账：锁定截至某月的凭证 / lock months').requiredOption('--through <YYYY-MM>', '锁定至该月 / last month to lock', month)
    .action(async (file: string, o: { through: string }) => {
      const { lockPeriod, withBookFile } = await engine();
      const r = await withBookFile(file, true, (wb) => lockPeriod(wb, { through: o.through }));
      setCode(finish(io, r, `已结账至 ${o.through} / locked through ${o.through}`, '未结账 / not locked'));
    });

  registerPrintVouchers(program, io, setCode);
  registerNewYear(program, io, setCode);

  program.command('sample').argument('<out>', '输出 .xlsx / output file')
    .description('生成示范村工作簿（2025年度） / write the sample village workbook').option('--force', '覆盖已有文件 / overwrite')
    .action(async (out: string, o: { force?: boolean }) => {
      const { writeSample } = await sampleCommands();
      setCode(await writeSample(io, out, o.force === true));
    });

  program.command('demo').description('在示范村副本上生成报表并打印摘要 / build reports on a copy of the sample and print a summary')
    .action(async () => {
      const { runDemo } = await sampleCommands();
      setCode(await runDemo(io));
    });
  registerVerify(program, io, setCode);
  registerConsolidate(program, io, setCode);
  registerPlan(program, io, setCode);
  return program;
}

/** Run the CLI; resolves to the exit code (never calls process.exit, so tests can call it). */
export async function run(argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    // --help ends here (commander has printed it): answer without loading the engine.
    if (e instanceof CommanderError && e.exitCode === 0) return EXIT.ok;
    const { failureOf, printFailure } = await import('./exit-codes');
    const f = failureOf(e);
    printFailure(f, io.err);
    return f.code;
  }
}

if (require.main === module) {
  void run(process.argv).then((c) => {
    process.exitCode = c;
  });
}
