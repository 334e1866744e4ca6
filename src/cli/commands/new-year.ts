/** `cunzhang new-year <this-year.xlsx> <next-year.xlsx>`: the next year's book from a closed year. */
import type { Command } from 'commander';
import { EXIT } from '../exit-values';
import { formatFindings } from '../output';
import type { Io } from '../main';

export function registerNewYear(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('new-year').argument('<this>', '已年终结账的本年度账簿 / this year\'s closed workbook').argument('<next>', '要新建的下一年度账簿 / next year\'s workbook to create')
    .description('从已结账的年度建立下一年度账簿（期初余额=本年期末余额，明细科目、在执行合同、设置一并带入；本年度文件不改动） / start the next year from a closed year')
    .action(async (thisFile: string, nextFile: string) => {
      // Loaded when the command runs, so `--help` and the other commands never load them.
      const [{ newYear }, { newBookFile, openWorkbookFile, saveWorkbookFileAtomic }] = await Promise.all([import('../../app/new-year'), import('../book-file')]);
      const next = await newBookFile(nextFile);
      const r = await newYear(await openWorkbookFile(thisFile), next);
      if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
      if (r.ok) {
        await saveWorkbookFileAtomic(next, nextFile);
        io.out.write(`已建立 ${r.year} 年度账簿 ${nextFile}：期初余额 ${r.balances} 个科目，在执行合同 ${r.contracts} 份 / created the ${r.year} book: ${r.balances} opening balances, ${r.contracts} running contracts\n`);
      } else io.err.write('未建立下一年度账簿 / the next year\'s book was not created\n');
      setCode(r.ok ? EXIT.ok : EXIT.findings);
    });
}
