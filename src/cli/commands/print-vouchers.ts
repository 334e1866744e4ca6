/** `cunzhang print-vouchers <file> [--from] [--to] [--per-page 2|3]`: the 记账凭证 print sheet. */
import { InvalidArgumentError, type Command } from 'commander';
import { month } from '../arg-parsers';
import { EXIT } from '../exit-values';
import { formatFindings } from '../output';
import { refuseBadPeriod } from '../errors';
import type { Io } from '../main';

const perPage = (v: string): number => {
  if (v !== '2' && v !== '3') throw new InvalidArgumentError('应为 2 或 3 / expected 2 or 3');
  return Number(v);
};

export function registerPrintVouchers(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('print-vouchers').argument('<file>', '村账工作簿 / village workbook')
    .description('生成“记账凭证”打印表（A4，每页 2 或 3 张） / lay out the vouchers of a month range for printing')
    .option('--from <YYYY-MM>', '起始月份 / first month', month).option('--to <YYYY-MM>', '截止月份 / last month', month)
    .option('--per-page <n>', '每页凭证数 2 或 3（默认 3） / vouchers per A4 page', perPage)
    .action(async (file: string, o: { from?: string; to?: string; perPage?: number }) => {
      // Loaded when the command runs, so `--help` and the other commands never load them.
      const [{ printVouchers }, { withBookFile }] = await Promise.all([import('../../app/print-vouchers'), import('../book-file')]);
      const opts = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}), ...(o.perPage ? { perPage: o.perPage } : {}) };
      const r = await withBookFile(file, true, (wb) => printVouchers(wb, opts));
      refuseBadPeriod(r.findings);
      if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
      if (r.ok) io.out.write(`已生成“${r.sheet}”表：凭证 ${r.printed} 张 / laid out ${r.printed} vouchers on "${r.sheet}"\n`);
      setCode(r.ok ? EXIT.ok : EXIT.findings);
    });
}
