/** `cunzhang disclose <file> --period …`: write the disclosure sheets (财务公开) of one period. See docs/cli.md. */
import type { Command } from 'commander';
import { isIsoDate } from '../../core/calendar';
import { EXIT } from '../exit-values';
import type { Io } from '../main';
import { formatFindings } from '../output';
import { InvalidArgumentError } from 'commander';

const isoDate = (v: string): string => {
  if (!isIsoDate(v)) throw new InvalidArgumentError('应为 YYYY-MM-DD / expected YYYY-MM-DD');
  return v;
};

export function registerDisclose(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('disclose').argument('<file>', '村账工作簿 / village workbook')
    .description('生成财务公开表（财务公开榜、收支逐笔、资产负债、债权债务、收益分配、合同、专项） / write the disclosure sheets')
    .requiredOption('--period <P>', '公开期间：2025Q3、2025-07、2025H1 或 2025 / period')
    .option('--template <NAME>', '公开模板：national（默认）、.json 路径或 templates/<NAME>.json / disclosure template')
    .option('--posted <YYYY-MM-DD>', '张榜日期 / posting date', isoDate)
    .action(async (file: string, o: { period: string; template?: string; posted?: string }) => {
      // Loaded when the command runs, so `--help` and the other commands never load them.
      const [{ buildDisclosure }, { withBookFile }, { withProgress }, { loadTemplate }] = await Promise.all([import('../../app/disclose'), import('../book-file'), import('../progress'), import('../template-file')]);
      const template = await loadTemplate(o.template, file);
      const r = await withProgress((p) => withBookFile(file, true, (wb) => buildDisclosure(wb, { ...p, period: o.period, template, ...(o.posted ? { posted: o.posted } : {}) })));
      if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
      if (r.ok) io.out.write(`已生成公开表 ${r.sheets.length} 张（${template.name}）：${r.sheets.join('、')} / wrote ${r.sheets.length} disclosure sheets\n`);
      else io.err.write('账套或期间有错误，公开表未生成 / the book or the period has errors; nothing written\n');
      setCode(r.ok ? EXIT.ok : EXIT.findings);
    });
}
