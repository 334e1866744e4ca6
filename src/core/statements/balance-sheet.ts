/**
 * 资产负债表 — balance sheet of the 2023 system (财会〔2023〕14号).
 *
 * The official 2023 form was not available (research/domain-accounting.md §2.4), so the lines
 * follow the inferred 2023 structure and the 行次 follow the 2004 numbering style (§2.2):
 * assets 1–32, liabilities 35–49, equity 50–56. Contra accounts (133, 152, 162) are shown as
 * "减:" lines with their credit balance and netted into a 净值 line; 113 内部往来 splits by
 * the side of each sub-account's balance (debit → 应收款项, credit → 应付款项).
 *
 * 未分配收益 = 321 + 322 + every income and expense account, so before the year-end close the
 * unclosed P&L sits in equity and the sheet balances in any month (§2.2, intra-year BS).
 */
import type { Chart } from '../chart/accounts';
import { PROFIT_AND_LOSS_CODES } from '../chart/chart-2023';
import { finding, type Finding } from '../findings';
import { formatFen, type Fen } from '../money';
import { accountBalances } from '../ledger/balances';
import type { OpeningBalance, Voucher, YearMonth } from '../ledger/types';
import { evaluateLines, type Feed, type LineDef } from './lines';

const asset = (account: string): Feed => ({ account, sign: 1 });
/** Credit-natured balance shown positive: liabilities, equity, contra assets. */
const credit = (account: string): Feed => ({ account, sign: -1 });

/** Income and expense accounts of the 2023 chart: unclosed, they belong to 未分配收益. */
const PROFIT_AND_LOSS = PROFIT_AND_LOSS_CODES;

/** A line for an account new in 2023: label and 行次 inferred from the 42 accounts and the 2004 layout (research §2.4 [I]). */
const NEW_2023 = 'line for a 2023 account; label and 行次 inferred from the 2023 chart and the 2004 form (research/domain-accounting.md §2.2, §2.4 [I])';

export const BALANCE_SHEET_LINES = [
  // 资产 — assets. 流动资产 — current assets.
  { line: 1, key: 'cash', label: '货币资金', feeds: [asset('101'), asset('102')] },
  { line: 2, key: 'shortInvestments', label: '短期投资', feeds: [asset('111')] },
  { line: 3, key: 'receivables', label: '应收款项', feeds: [asset('112'), { account: '113', sign: 1, only: 'debit' }] },
  { line: 4, key: 'inventories', label: '存货', feeds: [asset('121'), asset('401')] },
  { line: 5, key: 'consumableBio', label: '消耗性生物资产', feeds: [asset('131')], inferred: NEW_2023 },
  { line: 10, key: 'currentAssets', label: '流动资产合计', formula: [[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]] },
  // 非流动资产 — non-current assets.
  { line: 11, key: 'longInvestments', label: '长期投资', feeds: [asset('141')] },
  { line: 12, key: 'productiveBioCost', label: '生产性生物资产原值', feeds: [asset('132')], inferred: NEW_2023 },
  { line: 13, key: 'productiveBioDepreciation', label: '减：生产性生物资产累计折旧', feeds: [credit('133')], inferred: NEW_2023 },
  { line: 14, key: 'productiveBioNet', label: '生产性生物资产净值', formula: [[12, 1], [13, -1]] },
  { line: 15, key: 'publicBio', label: '公益性生物资产', feeds: [asset('134')], inferred: NEW_2023 },
  { line: 16, key: 'fixedAssetsCost', label: '固定资产原价', feeds: [asset('151')] },
  { line: 17, key: 'depreciation', label: '减：累计折旧', feeds: [credit('152')] },
  { line: 18, key: 'fixedAssetsNet', label: '固定资产净值', formula: [[16, 1], [17, -1]] },
  { line: 19, key: 'construction', label: '在建工程', feeds: [asset('153')] },
  { line: 20, key: 'disposal', label: '固定资产清理', feeds: [asset('154')] },
  { line: 21, key: 'intangibleCost', label: '无形资产原值', feeds: [asset('161')], inferred: NEW_2023 },
  { line: 22, key: 'amortisation', label: '减：累计摊销', feeds: [credit('162')] },
  { line: 23, key: 'intangibleNet', label: '无形资产净值', formula: [[21, 1], [22, -1]] },
  { line: 24, key: 'deferred', label: '长期待摊费用', feeds: [asset('171')], inferred: NEW_2023 },
  { line: 25, key: 'pending', label: '待处理财产损溢', feeds: [asset('181')], inferred: NEW_2023 },
  { line: 30, key: 'nonCurrentAssets', label: '非流动资产合计', formula: [[11, 1], [14, 1], [15, 1], [18, 1], [19, 1], [20, 1], [23, 1], [24, 1], [25, 1]] },
  { line: 32, key: 'totalAssets', label: '资产总计', formula: [[10, 1], [30, 1]] },
  // 负债 — liabilities.
  { line: 35, key: 'shortBorrowings', label: '短期借款', feeds: [credit('201')] },
  { line: 36, key: 'payables', label: '应付款项', feeds: [credit('211'), { account: '113', sign: -1, only: 'credit' }] },
  { line: 37, key: 'wages', label: '应付工资', feeds: [credit('212')] },
  { line: 38, key: 'labourFees', label: '应付劳务费', feeds: [credit('213')], inferred: NEW_2023 },
  { line: 39, key: 'taxes', label: '应交税费', feeds: [credit('214')], inferred: NEW_2023 },
  { line: 41, key: 'currentLiabilities', label: '流动负债合计', formula: [[35, 1], [36, 1], [37, 1], [38, 1], [39, 1]] },
  { line: 42, key: 'longBorrowings', label: '长期借款及应付款', feeds: [credit('221')] },
  { line: 43, key: 'yishiyiyi', label: '一事一议资金', feeds: [credit('231')] },
  { line: 44, key: 'specialPayables', label: '专项应付款', feeds: [credit('241')], inferred: NEW_2023 },
  { line: 46, key: 'nonCurrentLiabilities', label: '非流动负债合计', formula: [[42, 1], [43, 1], [44, 1]] },
  { line: 49, key: 'totalLiabilities', label: '负债合计', formula: [[41, 1], [46, 1]] },
  // 所有者权益 — owners' equity.
  { line: 50, key: 'capital', label: '资本', feeds: [credit('301')] },
  { line: 51, key: 'reserve', label: '公积公益金', feeds: [credit('311')] },
  { line: 52, key: 'retained', label: '未分配收益', feeds: [credit('321'), credit('322'), ...PROFIT_AND_LOSS.map(credit)], inferred: 'unclosed P&L folded into 未分配收益 during the year, as a vendor village app does (research §2.2, intra-year BS)' },
  { line: 53, key: 'totalEquity', label: '所有者权益合计', formula: [[50, 1], [51, 1], [52, 1]] },
  { line: 56, key: 'totalLiabilitiesAndEquity', label: '负债和所有者权益总计', formula: [[49, 1], [53, 1]] },
] as const satisfies readonly LineDef[];

export interface BalanceSheetRow {
  line: number;
  key: string;
  label: string;
  /** 年初数: the year opening. */
  begin: Fen;
  /** 期末数: as of the end of the `to` month. */
  end: Fen;
}

export interface BalanceSheet {
  to: YearMonth;
  rows: BalanceSheetRow[];
  findings: Finding[];
}

const TOTAL_ASSETS = 32;
const TOTAL_CLAIMS = 56;

/**
 * Build the 资产负债表 as of the end of month `to`. `vouchers` may include closing vouchers;
 * the sheet balances either way. A difference between 资产总计 and 负债和所有者权益总计 (only
 * possible with unbalanced input or accounts outside every line) is a 'bs.unbalanced' finding.
 */
export function buildBalanceSheet(input: { chart: Chart; opening: readonly OpeningBalance[]; vouchers: readonly Voucher[]; to: YearMonth }): BalanceSheet {
  const begin = evaluateLines(BALANCE_SHEET_LINES, accountBalances({ opening: input.opening, vouchers: [] }));
  const end = evaluateLines(BALANCE_SHEET_LINES, accountBalances({ opening: input.opening, vouchers: input.vouchers, to: input.to }));
  const rows = BALANCE_SHEET_LINES.map((d) => ({ line: d.line, key: d.key, label: d.label, begin: begin.get(d.line) ?? 0, end: end.get(d.line) ?? 0 }));
  const findings: Finding[] = [];
  for (const [col, zh, en] of [[begin, '年初数', 'beginning'], [end, '期末数', 'end']] as const) {
    const a = col.get(TOTAL_ASSETS) ?? 0;
    const c = col.get(TOTAL_CLAIMS) ?? 0;
    if (a !== c) {
      findings.push(finding('bs.unbalanced', 'error', `资产负债表${zh}不平：资产总计${formatFen(a)}，负债和所有者权益总计${formatFen(c)}`, `Balance sheet (${en}) does not balance: total assets ${formatFen(a)}, liabilities and equity ${formatFen(c)}`, { sheet: '资产负债表' }));
    }
  }
  return { to: input.to, rows, findings };
}
