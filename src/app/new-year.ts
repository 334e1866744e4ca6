/**
 * newYear (新年度建账): from a closed year's book, a new book for the next year. Opening balances
 * are this year's closing balances of every leaf account (so 322 收益分配—未分配收益 carries the
 * retained result, and 各项分配, closed into it at year end, starts at zero); the village's
 * sub-accounts, the extra 设置 rows and the contracts still running on 1 January come along,
 * each contract's 期初欠款 becoming its arrears at 31 December. This year's book is only read.
 * Refused, with the reason, when the year is not closed or the book has errors.
 */
import { finding, hasErrors, type Finding } from '../core/findings';
import { computeTrialBalance } from '../core/ledger/balances';
import type { OpeningBalance } from '../core/ledger/types';
import { moneyToCell } from '../core/money';
import { encodeOpeningRows } from '../workbook/codecs/opening';
import { CONTRACTS } from '../workbook/contracts';
import { OPENING, SETTINGS, SETTINGS_KEYS } from '../workbook/layout';
import { commitWrites, type RunOptions, type Scalar, type TableData, type WorkbookPort } from '../workbook/port';
import { readBook, type Book } from './book';
import { ledgerVouchers } from './build-reports';
import { buildContractReports } from './contracts';
import { DEFAULT_SUB_ACCOUNTS, initVillageWrites } from './init-village';
import { resultOf, type UseCaseResult } from './result';
import { assessBook } from './assess-book';

export interface NewYearResult extends UseCaseResult {
  /** The new book's fiscal year (undefined when refused). */
  year: number | undefined;
  /** Opening balances written, running contracts carried. */
  balances: number;
  contracts: number;
}

/** Why a book cannot start the next year, as findings (empty when it can). */
function closedYearFindings(book: Book): Finding[] {
  const errors = assessBook(book).filter((f) => f.severity === 'error');
  if (book.closing.length === 0) {
    return [finding('new-year.not-closed', 'error', `${book.meta.fiscalYear}年度还没有年终结账（没有结转凭证），不能建立下一年度账簿`, `The year ${book.meta.fiscalYear} has not been closed (no closing vouchers); the next year's book cannot start`)];
  }
  if (errors.length === 0) return [];
  const stale = errors.some((f) => f.rule === 'close.stale');
  return [
    finding('new-year.refused', 'error', stale ? '结账后凭证又有变动，请重新年终结账后再建立下一年度账簿' : `账簿有 ${errors.length} 项错误，改正后才能建立下一年度账簿`, stale ? 'Vouchers changed after the close; close the year again first' : `The book has ${errors.length} errors; fix them before starting the next year`),
    ...errors,
  ];
}

/** Closing balances of leaf accounts as next year's opening balances (one side each, zeros left out). */
export function carriedBalances(book: Book): OpeningBalance[] {
  const year = book.meta.fiscalYear;
  const tb = computeTrialBalance({ chart: book.chart, opening: book.opening, vouchers: ledgerVouchers(book), from: `${year}-01`, to: `${year}-12` });
  return tb.rows
    .filter((r) => book.chart.isLeaf(r.code))
    .map((r) => ({ account: r.code, net: r.closingDebit - r.closingCredit }))
    .filter((r) => r.net !== 0)
    .map((r) => ({ account: r.account, debit: Math.max(0, r.net), credit: Math.max(0, -r.net) }));
}

/** 合同 rows (in layout column order) of contracts still running on 1 January, 期初欠款 set to the year-end arrears. */
function runningContracts(book: Book, table: TableData | undefined): Scalar[][] {
  if (!table) return [];
  const year = book.meta.fiscalYear;
  const r = buildContractReports({ contracts: table, vouchers: book.vouchers, asOf: `${year}-12-31`, from: `${year}-01`, to: `${year}-12` });
  const arrears = new Map(r.contracts.map((c) => [c.no, c.arrears]));
  const at = CONTRACTS.columns.map((c) => table.header.indexOf(c.header));
  const col = (key: string): number => CONTRACTS.columns.findIndex((c) => c.key === key);
  return table.rows
    .map((row) => at.map((i) => (i < 0 ? null : (row[i] ?? null))))
    .filter((row) => {
      const no = String(row[col('no')] ?? '');
      return arrears.has(no) && String(row[col('end')] ?? '') >= `${year + 1}-01-01`;
    })
    .map((row) => {
      const out = [...row];
      const owed = arrears.get(String(row[col('no')])) ?? 0;
      out[col('openingArrears')] = owed === 0 ? null : moneyToCell(owed);
      return out;
    });
}

/** Settings rows beyond the four `init` writes (the village's own), carried as they are. */
function extraSettings(table: TableData | undefined): Scalar[][] {
  if (!table) return [];
  const own = new Set<string>(Object.values(SETTINGS_KEYS));
  return table.rows.filter((r) => r[0] !== null && r[0] !== '' && !own.has(String(r[0]))).map((r) => [r[0] ?? null, r[1] ?? null]);
}

export async function newYear(thisYear: WorkbookPort, nextYear: WorkbookPort, run?: RunOptions): Promise<NewYearResult> {
  const book = await readBook(thisYear, run, [CONTRACTS, SETTINGS]);
  const refused = closedYearFindings(book);
  if (hasErrors(refused)) return resultOf(refused, { year: undefined, balances: 0, contracts: 0 });
  const year = book.meta.fiscalYear + 1;
  const defaults = new Set(DEFAULT_SUB_ACCOUNTS.map((s) => s.code));
  const init = await initVillageWrites(nextYear, { village: book.meta.village, township: book.meta.township, year, subAccounts: book.subs.filter((s) => !defaults.has(s.code)) });
  if (hasErrors(init.findings)) return resultOf(init.findings, { year: undefined, balances: 0, contracts: 0 });
  const balances = carriedBalances(book);
  const nameOf = (code: string): string | undefined => book.chart.get(code)?.name;
  const contracts = runningContracts(book, book.extra[0]);
  // The new book in one batch: a failure leaves nothing half-made.
  await commitWrites(nextYear, [
    ...init.writes,
    { kind: 'append', spec: SETTINGS, rows: extraSettings(book.extra[1]) },
    { kind: 'append', spec: OPENING, rows: encodeOpeningRows(balances, nameOf) },
    { kind: 'append', spec: CONTRACTS, rows: contracts },
  ]);
  return resultOf([], { year, balances: balances.length, contracts: contracts.length });
}
