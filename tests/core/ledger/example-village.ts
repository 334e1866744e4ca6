/**
 * DOMAIN.md §8 worked example (示例村, fiscal year 2025) as data, shared by the ledger and
 * statement tests. Chart decision: 322 收益分配 gets the 2004-style sub-accounts
 * 32201 各项分配 (3220101 提取公积公益金, 3220102 向成员分配) and 32202 未分配收益, so the
 * opening 22,000.00 sits on 32202 and the distributions are debits to 3220101 / 3220102.
 * Vouchers are numbered per month from 1 (记账凭证 numbering), which DOMAIN's # column is not.
 */
import { buildChart } from '../../../src/core/chart/accounts';
import type { BookSettings, OpeningBalance, Voucher, VoucherLine } from '../../../src/core/ledger/types';

/** Whole yuan → fen (integers only, so exact). */
export const y = (yuan: number): number => {
  if (!Number.isInteger(yuan)) throw new RangeError('y() takes whole yuan');
  return yuan * 100;
};

export const dr = (account: string, yuan: number): VoucherLine => ({ account, debit: y(yuan), credit: 0 });
export const cr = (account: string, yuan: number): VoucherLine => ({ account, debit: 0, credit: y(yuan) });

export const exampleSubs = [
  { code: '32201', name: '各项分配' },
  { code: '3220101', name: '提取公积公益金' },
  { code: '3220102', name: '向成员分配' },
  { code: '32202', name: '未分配收益' },
];

export function exampleChart() {
  const { chart, findings } = buildChart(exampleSubs);
  if (findings.length > 0) throw new Error('example chart has findings');
  return chart;
}

export const exampleSettings: BookSettings = { village: '示例村', township: '示例镇', fiscalYear: 2025 };

export const exampleOpening: OpeningBalance[] = [
  { account: '101', debit: y(2_000), credit: 0 },
  { account: '102', debit: y(180_000), credit: 0 },
  { account: '151', debit: y(500_000), credit: 0 },
  { account: '152', debit: 0, credit: y(100_000) },
  { account: '301', debit: 0, credit: y(500_000) },
  { account: '311', debit: 0, credit: y(60_000) },
  { account: '32202', debit: 0, credit: y(22_000) },
];

const v = (date: string, number: string, summary: string, lines: VoucherLine[]): Voucher => ({ date, number, summary, lines });

/** The ten vouchers of the year. */
export const exampleVouchers: Voucher[] = [
  v('2025-01-10', '1', '收到土地发包款', [dr('102', 60_000), cr('501', 60_000)]),
  v('2025-03-15', '1', '收到光伏电费', [dr('102', 35_400), cr('501', 35_400)]),
  v('2025-06-30', '1', '合作社保底分红', [dr('102', 12_000), cr('502', 12_000)]),
  v('2025-07-05', '1', '收到上级补助', [dr('102', 50_000), cr('503', 50_000)]),
  v('2025-08-01', '1', '厂房租金', [dr('102', 24_000), cr('501', 24_000)]),
  v('2025-09-10', '1', '光伏运维费', [dr('511', 3_500), cr('102', 3_500)]),
  v('2025-10-12', '1', '办公费', [dr('513', 8_200), cr('101', 1_200), cr('102', 7_000)]),
  v('2025-11-20', '1', '村道维修', [dr('514', 30_000), cr('102', 30_000)]),
  v('2025-12-31', '1', '计提折旧', [dr('513', 10_000), cr('152', 10_000)]),
  v('2025-12-31', '2', '存款利息', [dr('102', 800), cr('504', 800)]),
];

/** The accountant's distribution vouchers, typed after the first close. */
export const exampleDistributions: Voucher[] = [
  v('2025-12-31', '3', '提取公积公益金', [dr('3220101', 13_050), cr('311', 13_050)]),
  v('2025-12-31', '4', '向成员分配', [dr('3220102', 40_000), cr('211', 40_000)]),
];
