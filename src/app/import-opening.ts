/**
 * importOpening: append opening balances (期初余额) from a file, all or nothing. Identity is the
 * account: a row equal to the book's balance of that account is skipped (re-import adds nothing);
 * a different amount for an account already on the book is an error ('opening.conflict'). After
 * the import the whole opening must pass validateOpening (known leaf accounts, balanced). Refused
 * once any month is locked ('opening.locked'): the opening carries into every locked month.
 */
import { finding, hasErrors, type Finding } from '../core/findings';
import type { OpeningBalance } from '../core/ledger/types';
import { validateOpening } from '../core/ledger/validate';
import { formatFen } from '../core/money';
import { resolveColumns } from '../workbook/codecs/columns';
import { decodeOpeningLines, encodeOpeningRows, OPENING_WANTS } from '../workbook/codecs/opening';
import { OPENING } from '../workbook/layout';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { appendTargetFindings, readBook } from './book';
import { placeOfSource, type ImportSource } from './import-source';
import { resultOf, type UseCaseResult } from './result';

export interface ImportOpeningResult extends UseCaseResult {
  imported: number;
  skipped: number;
}

export async function importOpening(port: WorkbookPort, src: ImportSource, run?: RunOptions): Promise<ImportOpeningResult> {
  const book = await readBook(port, run);
  // Opening balances carry into every month: once a month is locked they are part of its books.
  if (book.meta.lockedThrough !== undefined) {
    return resultOf([finding('opening.locked', 'error', `已结账至${book.meta.lockedThrough}，不能再导入期初余额；请在未结账月份用凭证调整`, `The book is locked through ${book.meta.lockedThrough}; opening balances can no longer be imported. Adjust by a voucher in an open month`, { sheet: OPENING.sheet })], { imported: 0, skipped: 0 });
  }
  const target = appendTargetFindings(book.headers.opening, OPENING);
  if (target.length > 0) return resultOf(target, { imported: 0, skipped: 0 });
  const { index, findings } = resolveColumns(src.header, OPENING_WANTS, src.where.source, src.where.firstRow - 1);
  if (findings.length > 0) return resultOf(findings, { imported: 0, skipped: 0 });
  const decoded = decodeOpeningLines(index, src.rows, placeOfSource(src));
  const out: Finding[] = [...decoded.findings];
  const have = new Map(book.opening.map((o) => [o.account, o]));
  const fresh: OpeningBalance[] = [];
  let skipped = 0;
  for (const o of decoded.balances) {
    const h = have.get(o.account);
    if (h === undefined) fresh.push(o);
    else if (h.debit === o.debit && h.credit === o.credit) skipped++;
    else {
      const at = o.source ? { sheet: o.source.sheet, row: o.source.row } : { sheet: src.where.source };
      out.push(finding('opening.conflict', 'error',
        `科目${o.account}已有期初余额（借${formatFen(h.debit)}/贷${formatFen(h.credit)}），与导入的不同`,
        `Account ${o.account} already has an opening balance (Dr ${formatFen(h.debit)} / Cr ${formatFen(h.credit)}) that differs from the imported one`, at));
    }
  }
  if (decoded.balances.length === 0 && !hasErrors(out)) {
    out.push(finding('import.empty', 'warning', `${src.where.source}中没有期初余额行`, `${src.where.source} holds no opening balances`, { sheet: src.where.source }));
  }
  out.push(...validateOpening([...book.opening, ...fresh], book.chart, OPENING.sheet));
  if (hasErrors(out)) return resultOf(out, { imported: 0, skipped: 0 });
  if (fresh.length > 0) await port.appendRows(OPENING, encodeOpeningRows(fresh, (c) => book.chart.get(c)?.name));
  run?.onProgress?.(4, 4, '导入完成');
  return resultOf(out, { imported: fresh.length, skipped });
}
