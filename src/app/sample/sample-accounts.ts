/**
 * The sample village's sub-accounts and opening balances (2025-01-01). Amounts are integer fen.
 * Opening balances balance: Σ debit = Σ credit (checked by tests/app/sample.test.ts).
 */
import type { SubAccountDef } from '../../core/chart/accounts';
import type { OpeningBalance } from '../../core/ledger/types';

export const SAMPLE_SUB_ACCOUNTS: readonly SubAccountDef[] = [
  { code: '21101', name: '应付成员分配' },
  { code: '21102', name: '押金及保证金' },
  { code: '21103', name: '代收农户流转费' },
  { code: '50101', name: '土地发包收入' },
  { code: '50102', name: '光伏发电收入' },
  { code: '50103', name: '资产租赁收入' },
  { code: '51101', name: '光伏运维费' },
  { code: '51102', name: '光伏电站折旧' },
  { code: '51301', name: '办公费' },
  { code: '51302', name: '村干部报酬' },
  { code: '51303', name: '差旅费' },
  { code: '51304', name: '折旧费' },
  { code: '51305', name: '水电及其他' },
  { code: '51401', name: '村道维修' },
  { code: '51402', name: '环境卫生' },
  { code: '51403', name: '困难户慰问' },
  { code: '51404', name: '公益岗位工资' },
];

const y = (yuan: number): number => yuan * 100;

/** Code, debit fen, credit fen. */
const OPENING: readonly (readonly [string, number, number])[] = [
  ['101', y(3_560), 0],
  ['102', y(386_420), 0],
  // 应收款: HZ-2023-02's unpaid dividend of last year (the contract's 期初欠款).
  ['112', y(24_000), 0],
  // 长期投资: the three cooperative stakes (HZ-2022-01 500,000; HZ-2023-02 300,000; HZ-2024-03 200,000).
  ['141', y(1_000_000), 0],
  ['151', y(2_860_000), 0],
  ['152', 0, y(612_000)],
  // Deposits held: TD-2023-01 20,000; ZL-2023-01 30,000; ZL-2024-02 4,500.
  ['21102', 0, y(54_500)],
  ['214', 0, y(1_200)],
  ['301', 0, y(3_000_000)],
  ['311', 0, y(300_000)],
  ['32202', 0, y(306_280)],
];

export function sampleOpening(): OpeningBalance[] {
  return OPENING.map(([account, debit, credit]) => ({ account, debit, credit }));
}
