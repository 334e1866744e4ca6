/**
 * `cunzhang init <new.xlsx> --from-2004 <trial-balance.csv|xlsx> --village … --township … --year …`:
 * the init command's migration path, over the initFrom2004 use case. The new book is written even
 * when some balances could not be mapped (they are listed); a bad input file writes nothing.
 */
import { basename } from 'node:path';
import { initFrom2004 } from '../../app/init-from-2004';
import { newBookFile, saveWorkbookFileAtomic } from '../book-file';
import { EXIT } from '../exit-codes';
import type { Io } from '../main';
import { formatFindings } from '../output';
import { readInputTable } from '../read-input';

export async function runInitFrom2004(io: Io, file: string, input: string, o: { village: string; township: string; year: number }): Promise<number> {
  const t = await readInputTable(input, basename(input));
  const wb = await newBookFile(file);
  const r = await initFrom2004(wb, o, { header: t.header, rows: t.rows, where: { source: t.source, firstRow: t.firstRow } });
  if (r.findings.length > 0) io.err.write(`${formatFindings(r.findings)}\n`);
  if (!r.ok) {
    io.err.write('未创建工作簿 / nothing created\n');
    return EXIT.findings;
  }
  await saveWorkbookFileAtomic(wb, file);
  const rest = r.unmapped > 0 ? `；${r.unmapped} 项余额未能转换，见上，请手工补记 / ${r.unmapped} balances not converted (listed above)` : '';
  io.out.write(`已创建 ${file}（${o.township}${o.village}，${o.year}年度），按2004制度科目余额表转入期初余额 ${r.converted} 行${rest} / created with ${r.converted} converted opening balances\n`);
  return EXIT.ok;
}
