/**
 * 村集体经济组织会计制度 (财会〔2004〕12号, 2005-01-01 to 2023-12-31): kept as data for migration only.
 * 33 accounts plus the three optional ones of its 附注 (161, 171, 241). Source: research/domain-accounting.md §1.2.
 * Ten codes mean a different account in 2004 and 2023 (e.g. 502 经营支出 → 投资收益), so balances are
 * never carried over by code alone: see mapping-2004.ts.
 */
import type { AccountCategory, Side } from './chart-2023';

export interface Account2004 {
  code: string;
  name: string;
  category: AccountCategory;
  normalSide: Side;
  optional?: true;
}

export const CHART_2004: readonly Account2004[] = [
  { code: '101', name: '现金', category: 'asset', normalSide: 'debit' },
  { code: '102', name: '银行存款', category: 'asset', normalSide: 'debit' },
  { code: '111', name: '短期投资', category: 'asset', normalSide: 'debit' },
  { code: '112', name: '应收款', category: 'asset', normalSide: 'debit' },
  { code: '113', name: '内部往来', category: 'asset', normalSide: 'debit' },
  { code: '121', name: '库存物资', category: 'asset', normalSide: 'debit' },
  { code: '131', name: '牲畜(禽)资产', category: 'asset', normalSide: 'debit' },
  { code: '132', name: '林木资产', category: 'asset', normalSide: 'debit' },
  { code: '141', name: '长期投资', category: 'asset', normalSide: 'debit' },
  { code: '151', name: '固定资产', category: 'asset', normalSide: 'debit' },
  { code: '152', name: '累计折旧', category: 'asset', normalSide: 'credit' },
  { code: '153', name: '固定资产清理', category: 'asset', normalSide: 'debit' },
  { code: '154', name: '在建工程', category: 'asset', normalSide: 'debit' },
  { code: '161', name: '无形资产', category: 'asset', normalSide: 'debit', optional: true },
  { code: '171', name: '拨付所属单位资金', category: 'asset', normalSide: 'debit', optional: true },
  { code: '201', name: '短期借款', category: 'liability', normalSide: 'credit' },
  { code: '202', name: '应付款', category: 'liability', normalSide: 'credit' },
  { code: '211', name: '应付工资', category: 'liability', normalSide: 'credit' },
  { code: '212', name: '应付福利费', category: 'liability', normalSide: 'credit' },
  { code: '221', name: '长期借款及应付款', category: 'liability', normalSide: 'credit' },
  { code: '231', name: '一事一议资金', category: 'liability', normalSide: 'credit' },
  { code: '241', name: '专项应付款', category: 'liability', normalSide: 'credit', optional: true },
  { code: '301', name: '资本', category: 'equity', normalSide: 'credit' },
  { code: '311', name: '公积公益金', category: 'equity', normalSide: 'credit' },
  { code: '321', name: '本年收益', category: 'equity', normalSide: 'credit' },
  { code: '322', name: '收益分配', category: 'equity', normalSide: 'credit' },
  { code: '401', name: '生产(劳务)成本', category: 'cost', normalSide: 'debit' },
  { code: '501', name: '经营收入', category: 'income', normalSide: 'credit' },
  { code: '502', name: '经营支出', category: 'expense', normalSide: 'debit' },
  { code: '511', name: '发包及上交收入', category: 'income', normalSide: 'credit' },
  { code: '521', name: '农业税附加返还收入', category: 'income', normalSide: 'credit' },
  { code: '522', name: '补助收入', category: 'income', normalSide: 'credit' },
  { code: '531', name: '其他收入', category: 'income', normalSide: 'credit' },
  { code: '541', name: '管理费用', category: 'expense', normalSide: 'debit' },
  { code: '551', name: '其他支出', category: 'expense', normalSide: 'debit' },
  { code: '561', name: '投资收益', category: 'income', normalSide: 'credit' },
] as const;
