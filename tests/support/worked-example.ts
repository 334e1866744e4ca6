/** DOMAIN.md §8 worked example (示例村 2025) as domain objects, amounts in fen. */
import type { OpeningBalance, Voucher } from '../../src/core/ledger/types';

// Whole yuan only, so × 100 is exact.
const y = (yuan: number): number => yuan * 100;

function simple(n: number, date: string, summary: string, dr: [string, number][], cr: [string, number][]): Voucher {
  return {
    date,
    number: String(n),
    summary,
    lines: [...dr.map(([account, a]) => ({ account, debit: y(a), credit: 0 })), ...cr.map(([account, a]) => ({ account, debit: 0, credit: y(a) }))],
  };
}

export const EXAMPLE_VOUCHERS: Voucher[] = [
  simple(1, '2025-01-10', '收到土地发包款', [['102', 60000]], [['501', 60000]]),
  simple(2, '2025-03-15', '收到光伏电费', [['102', 35400]], [['501', 35400]]),
  simple(3, '2025-06-30', '合作社保底分红', [['102', 12000]], [['502', 12000]]),
  simple(4, '2025-07-05', '收到上级补助', [['102', 50000]], [['503', 50000]]),
  simple(5, '2025-08-01', '厂房租金', [['102', 24000]], [['501', 24000]]),
  simple(6, '2025-09-10', '光伏运维费', [['511', 3500]], [['102', 3500]]),
  simple(7, '2025-10-12', '办公费', [['513', 8200]], [['101', 1200], ['102', 7000]]),
  simple(8, '2025-11-20', '村道维修', [['514', 30000]], [['102', 30000]]),
  simple(9, '2025-12-31', '计提折旧', [['513', 10000]], [['152', 10000]]),
  simple(10, '2025-12-31', '存款利息', [['102', 800]], [['504', 800]]),
];

export const EXAMPLE_OPENING: OpeningBalance[] = [
  { account: '101', debit: y(2000), credit: 0 },
  { account: '102', debit: y(180000), credit: 0 },
  { account: '151', debit: y(500000), credit: 0 },
  { account: '152', debit: 0, credit: y(100000) },
  { account: '301', debit: 0, credit: y(500000) },
  { account: '311', debit: 0, credit: y(60000) },
  { account: '322', debit: 0, credit: y(22000) },
];
