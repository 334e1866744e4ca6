/**
 * The report JSON that `cunzhang report --json` prints and `buildReports` returns. Other tools
 * read it, so its shape is stable and documented in docs/cli.md. Amounts are strings with
 * exactly two decimals ("1234.50", "-0.05"; see fenToString), never floats.
 */
import * as z from 'zod';
import { fenToString, type Fen } from '../core/money';
import type { TrialBalance } from '../core/ledger/balances';
import { isAccountCode } from '../core/chart/account-code';

/** "1234.50", "-0.05", "0.00". */
export const AmountString = z.string().regex(/^-?\d+\.\d{2}$/, 'amount must have exactly two decimals');

export const TrialBalanceRowJson = z.object({
  code: z.string().refine(isAccountCode, 'account code'),
  name: z.string(),
  /** 1 for first-level accounts, 2 for 5-digit sub-accounts … */
  level: z.number().int().min(1),
  openingDebit: AmountString,
  openingCredit: AmountString,
  periodDebit: AmountString,
  periodCredit: AmountString,
  closingDebit: AmountString,
  closingCredit: AmountString,
});

export const BalanceSheetRowJson = z.object({
  /** 行次 — the line number on the form. */
  line: z.number().int().min(1),
  /** Stable key (e.g. 'totalAssets'); labels may change with a template, keys do not. */
  key: z.string(),
  /** The label without its ordinal or 加/减 prefix: '资产总计', '减：累计折旧' → '累计折旧'. */
  label: z.string(),
  /** 年初数 — balance at the beginning of the year. */
  begin: AmountString,
  /** 期末数 — balance at the end of the period. */
  end: AmountString,
});

export const IncomeStatementRowJson = z.object({
  line: z.number().int().min(1),
  /** Stable key (e.g. 'netResult'). */
  key: z.string(),
  /** Official label without prefix: 经营收益, 收益总额, 净收益, 可分配收益, 年末未分配收益 … */
  label: z.string(),
  amount: AmountString,
  /** 上年金额 — the prior year's figure (same months), present when last year's workbook or a 上年数 table gave it. */
  priorAmount: AmountString.optional(),
});

export const ReportJson = z.object({
  /** Which book and period the figures are for. */
  meta: z.object({
    village: z.string(),
    township: z.string(),
    fiscalYear: z.number().int(),
    /** 'YYYY-MM', first month included. */
    from: z.string().regex(/^\d{4}-\d{2}$/),
    /** 'YYYY-MM', last month included. */
    to: z.string().regex(/^\d{4}-\d{2}$/),
  }),
  trialBalance: z.array(TrialBalanceRowJson),
  balanceSheet: z.array(BalanceSheetRowJson),
  incomeStatement: z.array(IncomeStatementRowJson),
});

export type TrialBalanceRowJson = z.infer<typeof TrialBalanceRowJson>;
export type BalanceSheetRowJson = z.infer<typeof BalanceSheetRowJson>;
export type IncomeStatementRowJson = z.infer<typeof IncomeStatementRowJson>;
export type ReportJson = z.infer<typeof ReportJson>;

/** '二、经营收益' → '经营收益'; '减：累计折旧' → '累计折旧'; '减：1.提取公积公益金' → '提取公积公益金'. */
export function plainLabel(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/, '').replace(/^(加|减)[：:]/, '').replace(/^\d+[.．、]/, '').trim();
}

/** Core results → the report JSON (validated, so a shape slip is caught here, not by a reader). */
export function toReportJson(input: {
  meta: ReportJson['meta'];
  trialBalance: TrialBalance;
  balanceSheet: { rows: readonly { line: number; key: string; label: string; begin: Fen; end: Fen }[] };
  incomeStatement: { rows: readonly { line: number; key: string; label: string; amount: Fen; priorAmount?: Fen }[] };
}): ReportJson {
  const s = fenToString;
  return ReportJson.parse({
    meta: input.meta,
    trialBalance: input.trialBalance.rows.map((r) => ({
      code: r.code, name: r.name, level: r.level,
      openingDebit: s(r.openingDebit), openingCredit: s(r.openingCredit),
      periodDebit: s(r.periodDebit), periodCredit: s(r.periodCredit),
      closingDebit: s(r.closingDebit), closingCredit: s(r.closingCredit),
    })),
    balanceSheet: input.balanceSheet.rows.map((r) => ({ line: r.line, key: r.key, label: plainLabel(r.label), begin: s(r.begin), end: s(r.end) })),
    incomeStatement: input.incomeStatement.rows.map((r) => ({ line: r.line, key: r.key, label: plainLabel(r.label), amount: s(r.amount), ...(r.priorAmount !== undefined && { priorAmount: s(r.priorAmount) }) })),
  });
}
