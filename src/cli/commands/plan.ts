/**
 * `cunzhang plan <file.xlsx> [--scenario NAME] [--json] [--doc FILE] [--history FILES…]` — the
 * development plan: rebuilds 规划测算 / 项目评估 / 情景分析 / 计划执行 (the file is written only
 * when the plan has no errors), prints a summary or the plan JSON (docs/plan.md), and writes the
 * printable plan document (规划书) as HTML. Earlier years' books given with --history add their
 * actuals to 历年数据.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { HistoryRow } from '../../app/plan';
import type { PlanJson } from '../../app/plan-json';
import { EXIT } from '../exit-values';
import { formatFindings } from '../output';
import type { Io } from '../main';

function summary(p: PlanJson, yuanText: (fen: string) => string): string {
  const lines = [
    `${p.township}${p.village} 发展规划 ${p.settings.firstYear}–${p.settings.lastYear}（情景 scenario：${p.scenario}）`,
    ...p.years.map((y) => `  ${y.year}  集体经营性收入 ${yuanText(y.operatingIncome).padStart(14)}  目标 ${y.target === null ? '—' : yuanText(y.target)}  ${y.classZh}`),
    `  达标年份 target year: ${p.targetYear ?? '规划期内未达标 / not reached'}`,
    `  新增项目 new projects: 投资 investment ${yuanText(p.plan.investment)}，净现值 NPV ${yuanText(p.plan.npv)}，内部收益率 IRR ${p.plan.irr === null ? '—' : `${(Number(p.plan.irr) * 100).toFixed(2)}%`}`,
    ...p.scenarios.map((s) => `  情景 ${s.name}: NPV ${yuanText(s.npv)}，达标 ${s.targetYear ?? '—'}`),
  ];
  return lines.join('\n');
}

export function registerPlan(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('plan').argument('<file>', '村账工作簿 / village workbook')
    .description('发展规划：测算、评估、情景、计划执行，生成规划书 / development plan: projection, appraisal, scenarios, plan vs actual, plan document')
    .option('--scenario <name>', '按该情景测算 / project this scenario')
    .option('--json', '在标准输出打印规划 JSON / print the plan JSON on stdout')
    .option('--doc <file>', '写出规划书（可打印的 A4 HTML） / write the plan document (printable A4 HTML)')
    .option('--history <files...>', '往年村账工作簿，读取其经营性收入 / earlier years\' books for 历年数据')
    .action(async (file: string, o: { scenario?: string; json?: boolean; doc?: string; history?: string[] }) => {
      // Loaded when the command runs (the plan document brings ECharts), so `--help` and the other commands never load them.
      const [{ buildPlan, historyFromBook }, { planDocumentHtml, yuanText }, { openWorkbookFile, withBookFile }, { withProgress }] = await Promise.all([import('../../app/plan'), import('../../app/plan-document'), import('../book-file'), import('../progress')]);
      const history: HistoryRow[] = [];
      for (const h of o.history ?? []) history.push(await historyFromBook(await openWorkbookFile(h), basename(h)));
      const r = await withProgress((p) => withBookFile(file, true, (wb) => buildPlan(wb, { ...p, ...(o.scenario !== undefined && { scenario: o.scenario }), history })));
      if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
      if (!r.ok || !r.plan) {
        io.err.write('规划表有错误，规划未生成（账簿报表不受影响） / the plan tables have errors; no plan written (the ledger is not affected)\n');
        setCode(EXIT.findings);
        return;
      }
      if (o.doc !== undefined) await (await import('node:fs/promises')).writeFile(o.doc, planDocumentHtml(r.plan), 'utf8');
      if (o.json) io.out.write(`${JSON.stringify(r.plan, null, 2)}\n`);
      else io.out.write(`${summary(r.plan, yuanText)}\n已生成 ${r.sheets.join('、')}${o.doc !== undefined ? `，规划书 ${o.doc}` : ''} / written\n`);
      setCode(EXIT.ok);
    });
}
