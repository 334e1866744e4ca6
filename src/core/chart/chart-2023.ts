/**
 * 农村集体经济组织会计制度 (财会〔2023〕14号, in force 2024-01-01): the 42 first-level accounts.
 * Transcribed from shared/data/chart-2023.csv; tests/core/chart.test.ts checks it against the copy
 * in tests/fixtures/.
 */
export type AccountCategory = 'asset' | 'liability' | 'equity' | 'cost' | 'income' | 'expense';
export type Side = 'debit' | 'credit';

/** 损益类 — income and expense accounts: closed at year end, part of 未分配收益 until then. */
export function isProfitAndLoss(category: AccountCategory | undefined): boolean {
  return category === 'income' || category === 'expense';
}

export interface AccountDef {
  code: string;
  name: string;
  en: string;
  category: AccountCategory;
  normalSide: Side;
  /** For contra accounts (累计折旧 …): the asset they net against. */
  contraOf?: string;
}

export const CHART_2023: readonly AccountDef[] = [
  { code: '101', name: '库存现金', en: 'cash on hand', category: 'asset', normalSide: 'debit' },
  { code: '102', name: '银行存款', en: 'bank deposits', category: 'asset', normalSide: 'debit' },
  { code: '111', name: '短期投资', en: 'short-term investments', category: 'asset', normalSide: 'debit' },
  { code: '112', name: '应收款', en: 'receivables', category: 'asset', normalSide: 'debit' },
  { code: '113', name: '内部往来', en: 'internal current accounts (with members and internal units; may carry either balance)', category: 'asset', normalSide: 'debit' },
  { code: '121', name: '库存物资', en: 'inventories', category: 'asset', normalSide: 'debit' },
  { code: '131', name: '消耗性生物资产', en: 'consumable biological assets', category: 'asset', normalSide: 'debit' },
  { code: '132', name: '生产性生物资产', en: 'productive biological assets', category: 'asset', normalSide: 'debit' },
  { code: '133', name: '生产性生物资产累计折旧', en: 'accumulated depreciation of productive biological assets', category: 'asset', normalSide: 'credit', contraOf: '132' },
  { code: '134', name: '公益性生物资产', en: 'public-welfare biological assets', category: 'asset', normalSide: 'debit' },
  { code: '141', name: '长期投资', en: 'long-term investments', category: 'asset', normalSide: 'debit' },
  { code: '151', name: '固定资产', en: 'fixed assets', category: 'asset', normalSide: 'debit' },
  { code: '152', name: '累计折旧', en: 'accumulated depreciation', category: 'asset', normalSide: 'credit', contraOf: '151' },
  { code: '153', name: '在建工程', en: 'construction in progress', category: 'asset', normalSide: 'debit' },
  { code: '154', name: '固定资产清理', en: 'fixed assets in disposal', category: 'asset', normalSide: 'debit' },
  { code: '161', name: '无形资产', en: 'intangible assets', category: 'asset', normalSide: 'debit' },
  { code: '162', name: '累计摊销', en: 'accumulated amortisation', category: 'asset', normalSide: 'credit', contraOf: '161' },
  { code: '171', name: '长期待摊费用', en: 'long-term deferred expenses', category: 'asset', normalSide: 'debit' },
  { code: '181', name: '待处理财产损溢', en: 'property losses and gains pending', category: 'asset', normalSide: 'debit' },
  { code: '201', name: '短期借款', en: 'short-term borrowings', category: 'liability', normalSide: 'credit' },
  { code: '211', name: '应付款', en: 'payables', category: 'liability', normalSide: 'credit' },
  { code: '212', name: '应付工资', en: 'wages payable', category: 'liability', normalSide: 'credit' },
  { code: '213', name: '应付劳务费', en: 'labour fees payable', category: 'liability', normalSide: 'credit' },
  { code: '214', name: '应交税费', en: 'taxes payable', category: 'liability', normalSide: 'credit' },
  { code: '221', name: '长期借款及应付款', en: 'long-term borrowings and payables', category: 'liability', normalSide: 'credit' },
  { code: '231', name: '一事一议资金', en: 'one-matter-one-discussion funds', category: 'liability', normalSide: 'credit' },
  { code: '241', name: '专项应付款', en: 'special-purpose payables', category: 'liability', normalSide: 'credit' },
  { code: '301', name: '资本', en: 'capital', category: 'equity', normalSide: 'credit' },
  { code: '311', name: '公积公益金', en: 'reserve and public-welfare fund', category: 'equity', normalSide: 'credit' },
  { code: '321', name: '本年收益', en: 'current-year surplus', category: 'equity', normalSide: 'credit' },
  { code: '322', name: '收益分配', en: 'surplus distribution (undistributed surplus)', category: 'equity', normalSide: 'credit' },
  { code: '401', name: '生产(劳务)成本', en: 'production (service) cost', category: 'cost', normalSide: 'debit' },
  { code: '501', name: '经营收入', en: 'operating income', category: 'income', normalSide: 'credit' },
  { code: '502', name: '投资收益', en: 'investment income', category: 'income', normalSide: 'credit' },
  { code: '503', name: '补助收入', en: 'subsidy income', category: 'income', normalSide: 'credit' },
  { code: '504', name: '其他收入', en: 'other income', category: 'income', normalSide: 'credit' },
  { code: '511', name: '经营支出', en: 'operating expenses', category: 'expense', normalSide: 'debit' },
  { code: '512', name: '税金及附加', en: 'taxes and surcharges', category: 'expense', normalSide: 'debit' },
  { code: '513', name: '管理费用', en: 'administrative expenses', category: 'expense', normalSide: 'debit' },
  { code: '514', name: '公益支出', en: 'public-welfare expenses', category: 'expense', normalSide: 'debit' },
  { code: '515', name: '其他支出', en: 'other expenses', category: 'expense', normalSide: 'debit' },
  { code: '521', name: '所得税费用', en: 'income tax expense', category: 'expense', normalSide: 'debit' },
] as const;

/** The 2023 chart's income and expense accounts, in chart order (501 … 521). */
export const PROFIT_AND_LOSS_CODES: readonly string[] = CHART_2023.filter((a) => isProfitAndLoss(a.category)).map((a) => a.code);
