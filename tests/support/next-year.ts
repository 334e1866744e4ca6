/**
 * A test helper standing in for a year-end roll-over: a new book for the next year whose opening
 * balances are the closing balances of a closed year (every leaf account with a balance), with the
 * same sub-accounts. (The `new-year` command is another issue's; this only feeds the tests.)
 */
import { readBook } from '../../src/app/book';
import { importOpening } from '../../src/app/import-opening';
import { initVillage } from '../../src/app/init-village';
import { accountBalances } from '../../src/core/ledger/balances';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { encodeOpeningRows } from '../../src/workbook/codecs/opening';
import { OPENING } from '../../src/workbook/layout';
import type { WorkbookPort } from '../../src/workbook/port';

export async function nextYearBook(last: WorkbookPort): Promise<XlsxWorkbook> {
  const book = await readBook(last);
  const closing = accountBalances({ opening: book.opening, vouchers: [...book.vouchers, ...book.closing] });
  const opening = [...closing].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)).map(([account, n]) => ({ account, debit: Math.max(n, 0), credit: Math.max(-n, 0) }));
  const next = await createXlsxWorkbook();
  const init = await initVillage(next, { village: book.meta.village, township: book.meta.township, year: book.meta.fiscalYear + 1, subAccounts: book.subs.filter((s) => !s.code.startsWith('322')) });
  if (!init.ok) throw new Error(`next year: init failed: ${init.findings.map((f) => f.en).join('; ')}`);
  const r = await importOpening(next, { header: OPENING.columns.map((c) => c.header), rows: encodeOpeningRows(opening), where: { source: 'carried.csv', firstRow: 2 } });
  if (!r.ok) throw new Error(`next year: opening failed: ${r.findings.map((f) => f.en).join('; ')}`);
  return next;
}
