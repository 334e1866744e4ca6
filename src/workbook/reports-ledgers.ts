/**
 * 总账, 明细账, 现金日记账, 银行日记账 as generated sheets (companion of reports.ts). Accounts are
 * stacked one after another with the code on every row, so a filter on 科目编码 shows one book.
 * Each 本期合计 row is a SUM over that account's entry rows, cached with our figure.
 */
import type { DayBook, DetailLedgerAccount, GeneralLedgerAccount } from '../core/ledger/ledgers';
import { sideOf } from '../core/ledger/ledgers';
import type { Cell, ColumnSpec, GeneratedSheet } from './port';
import { SHEETS } from './layout';
import { moneyCell, moneyCol, sumFormula, textCol, titleLines, type ReportHead } from './reports';

const sideCol: ColumnSpec = textCol('方向', 'side', 6);
// The 方向 and 余额 cells of a balance are written out in each row literal (sideOf(net),
// moneyCell(Math.abs(net))) rather than spread from a helper's array: these rows are made once per
// ledger line, and a spread in an array literal is a slow iteration in code that runs only once.

/** 总账: per first-level account, 上年结转 then 本月合计 and 本年累计 for each month. */
export function renderGeneralLedger(accounts: readonly GeneralLedgerAccount[], head: ReportHead): GeneratedSheet {
  const title = titleLines('总账', head);
  const rows: Cell[][] = [];
  const totals: number[] = [];
  for (const a of accounts) {
    rows.push([a.code, a.name, null, '上年结转', null, null, sideOf(a.opening), moneyCell(Math.abs(a.opening))]);
    for (const m of a.months) {
      if (m.month < head.from || m.month > head.to) continue;
      rows.push([a.code, a.name, m.month, '本月合计', moneyCell(m.debit), moneyCell(m.credit), m.side, moneyCell(m.amount)]);
      totals.push(rows.length);
      rows.push([a.code, a.name, m.month, '本年累计', moneyCell(m.ytdDebit), moneyCell(m.ytdCredit), m.side, moneyCell(m.amount)]);
    }
  }
  return {
    name: SHEETS.generalLedger, title,
    columns: [textCol('科目编码', 'code', 10), textCol('科目名称', 'name', 18), textCol('月份', 'month', 9), textCol('摘要', 'summary', 12), moneyCol('借方', 'debit'), moneyCol('贷方', 'credit'), sideCol, moneyCol('余额', 'balance')],
    rows, totalRows: totals,
  };
}

/** 明细账: per leaf account, 期初余额, each line with its running balance, then 本期合计 (SUM). */
export function renderDetailLedger(accounts: readonly DetailLedgerAccount[], head: ReportHead): GeneratedSheet {
  const title = titleLines('明细账', head);
  const rows: Cell[][] = [];
  const totals: number[] = [];
  for (const a of accounts) {
    rows.push([a.code, a.name, null, null, '期初余额', null, null, sideOf(a.opening), moneyCell(Math.abs(a.opening))]);
    const first = rows.length;
    for (const e of a.entries) rows.push([a.code, a.name, e.date, e.number, e.summary, moneyCell(e.debit), moneyCell(e.credit), e.side, moneyCell(e.amount)]);
    const last = rows.length - 1;
    totals.push(rows.length);
    rows.push([a.code, a.name, null, null, '本期合计', sumFormula(title, 5, first, last, a.debit), sumFormula(title, 6, first, last, a.credit), sideOf(a.closing), moneyCell(Math.abs(a.closing))]);
  }
  return {
    name: SHEETS.detailLedger, title,
    columns: [textCol('科目编码', 'code', 10), textCol('科目名称', 'name', 16), textCol('日期', 'date', 11), textCol('凭证号', 'number', 8), textCol('摘要', 'summary', 28), moneyCol('借方', 'debit'), moneyCol('贷方', 'credit'), sideCol, moneyCol('余额', 'balance')],
    rows, totalRows: totals,
  };
}

/** 现金日记账 / 银行日记账: 期初余额, every line with 对方科目 and running balance, 本期合计 (SUM). */
export function renderDayBook(book: DayBook, name: string, head: ReportHead): GeneratedSheet {
  const title = titleLines(name, head);
  const rows: Cell[][] = [[null, null, '期初余额', null, null, null, sideOf(book.opening), moneyCell(Math.abs(book.opening))]];
  for (const e of book.entries) rows.push([e.date, e.number, e.summary, e.counterAccounts.join('、'), moneyCell(e.debit), moneyCell(e.credit), e.side, moneyCell(e.amount)]);
  const last = rows.length - 1;
  rows.push([null, null, '本期合计', null, sumFormula(title, 4, 1, last, book.debit), sumFormula(title, 5, 1, last, book.credit), sideOf(book.closing), moneyCell(Math.abs(book.closing))]);
  return {
    name, title,
    columns: [textCol('日期', 'date', 11), textCol('凭证号', 'number', 8), textCol('摘要', 'summary', 30), textCol('对方科目', 'counter', 14), moneyCol('借方（收入）', 'debit'), moneyCol('贷方（支出）', 'credit'), sideCol, moneyCol('余额', 'balance')],
    rows, totalRows: [rows.length - 1],
  };
}

export const DAY_BOOKS = [
  { account: '101', sheet: SHEETS.cashJournal },
  { account: '102', sheet: SHEETS.bankJournal },
] as const;
