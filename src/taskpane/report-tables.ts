/**
 * The report JSON (src/app/report-json.ts) as display tables for the pane. Amounts arrive as exact
 * strings ("1234.50") and are shown through the money module ("1,234.50"); no float touches them.
 */
import { formatFen, parseFen } from '../core/money';
import { BALANCE_SHEET_LINES } from '../core/statements/balance-sheet';
import { INCOME_STATEMENT_LINES } from '../core/statements/income-statement';
import type { ReportJson } from '../app/report-json';
import { booksMessages } from './books-i18n';
import type { Messages } from './i18n';
import type { StatementKey } from './model';

export interface DisplayColumn {
  key: string;
  header: string;
  money: boolean;
  /**
   * Amount columns that belong together (年初 / 期末; 期初 / 本期 / 期末 借贷). A narrow pane shows
   * one group at a time with a switch; a wide one shows them all.
   */
  group?: { key: string; label: string };
}

export interface DisplayRow {
  cells: string[];
  /** Totals and subtotals, drawn bold. */
  strong: boolean;
  /** Sub-account depth (trial balance), for indenting the name. */
  indent: number;
}

export interface DisplayTable {
  key: StatementKey;
  title: string;
  subtitle: string;
  columns: DisplayColumn[];
  rows: DisplayRow[];
}

/** "1234.50" → "1,234.50"; "0.00" → "" where zeros are left blank (trial balance). */
export function amountText(s: string, blankZero = false): string {
  const p = parseFen(s);
  if (!p.ok) return s;
  return blankZero && p.fen === 0 ? '' : formatFen(p.fen);
}

/** The label as printed on the official form ('减：累计折旧', '一、经营收入'); the JSON drops the prefixes. */
const FORM_LABEL: ReadonlyMap<string, string> = new Map([...BALANCE_SHEET_LINES, ...INCOME_STATEMENT_LINES].map((l) => [l.key, l.label]));
const formLabel = (r: { key: string; label: string }) => FORM_LABEL.get(r.key) ?? r.label;

/** Subtotal and total lines of the two statements, by their stable keys (labels may change). */
const isTotalKey = (key: string) => /^total|Result$|^(current|nonCurrent)(Assets|Liabilities)$|^distributable$|^retainedClosing$/.test(key);

export function reportToTables(report: ReportJson, m: Messages): DisplayTable[] {
  const { meta } = report;
  const subtitle = m.reportHead(meta.township, meta.village, meta.from, meta.to);
  const col = (key: string, header: string, money = false, group?: { key: string; label: string }): DisplayColumn => ({ key, header, money, ...(group && { group }) });
  const g = (key: string, label: string) => ({ key, label });
  const b = booksMessages(m.lang);
  return [
    {
      key: 'balanceSheet',
      title: m.balanceSheet,
      subtitle,
      columns: [col('label', m.colItem), col('line', m.colLine), col('begin', m.colBegin, true, g('begin', m.colBegin)), col('end', m.colEnd, true, g('end', m.colEnd))],
      rows: report.balanceSheet.map((r) => ({ cells: [formLabel(r), String(r.line), amountText(r.begin), amountText(r.end)], strong: isTotalKey(r.key), indent: 0 })),
    },
    {
      key: 'incomeStatement',
      title: m.incomeStatement,
      subtitle,
      columns: [col('label', m.colItem), col('line', m.colLine), col('amount', m.colAmount, true)],
      rows: report.incomeStatement.map((r) => ({ cells: [formLabel(r), String(r.line), amountText(r.amount)], strong: isTotalKey(r.key), indent: 0 })),
    },
    {
      key: 'trialBalance',
      title: m.trialBalance,
      subtitle,
      columns: [
        col('code', m.colCode), col('name', m.colName),
        col('openingDebit', m.colOpeningDebit, true, g('opening', b.groupOpening)), col('openingCredit', m.colOpeningCredit, true, g('opening', b.groupOpening)),
        col('periodDebit', m.colPeriodDebit, true, g('period', b.groupPeriod)), col('periodCredit', m.colPeriodCredit, true, g('period', b.groupPeriod)),
        col('closingDebit', m.colClosingDebit, true, g('closing', b.groupClosing)), col('closingCredit', m.colClosingCredit, true, g('closing', b.groupClosing)),
      ],
      rows: trialBalanceRows(report.trialBalance, m),
    },
  ];
}

const TB_AMOUNTS = ['openingDebit', 'openingCredit', 'periodDebit', 'periodCredit', 'closingDebit', 'closingCredit'] as const;

/** Fen of an amount string; the JSON is validated upstream, so a bad string is a bug. */
function fenOf(s: string): number {
  const p = parseFen(s);
  if (!p.ok) throw new Error(`report amount "${s}" is not an amount`);
  return p.fen;
}

/** Every account in chart order, then 合计 over the first-level accounts (sub-accounts are inside them). */
function trialBalanceRows(rows: ReportJson['trialBalance'], m: Messages): DisplayRow[] {
  const body = rows.map((r) => ({
    cells: [r.code, r.name, ...TB_AMOUNTS.map((k) => amountText(r[k], true))],
    strong: false,
    indent: r.level - 1,
  }));
  const firstLevel = rows.filter((r) => r.level === 1);
  const totals = TB_AMOUNTS.map((k) => formatFen(firstLevel.reduce((t, r) => t + fenOf(r[k]), 0)));
  return [...body, { cells: [m.totalRow, '', ...totals], strong: true, indent: 0 }];
}
