/**
 * Deterministic voucher CSV for the benchmark: Chinese headers, a village's usual accounts,
 * balanced vouchers of 2–4 lines, numbered per month from 1, dated through fiscal 2025.
 */
import { fenToString } from '../src/core/money';
import type { SubAccountDef } from '../src/core/chart/accounts';
import type { OpeningBalance } from '../src/core/ledger/types';

export const BENCH_SUBS: SubAccountDef[] = [
  { code: '10201', name: '农商银行' }, { code: '10202', name: '工商银行' },
  { code: '11301', name: '第一村民小组' }, { code: '11302', name: '第二村民小组' },
  { code: '50101', name: '土地发包收入' }, { code: '50102', name: '光伏发电收入' }, { code: '50103', name: '厂房租赁收入' },
  { code: '51101', name: '光伏运维费' }, { code: '51301', name: '办公费' }, { code: '51302', name: '干部报酬' }, { code: '51303', name: '差旅费' },
  { code: '32201', name: '各项分配' }, { code: '3220101', name: '提取公积公益金' }, { code: '3220102', name: '向成员分配' }, { code: '32202', name: '未分配收益' },
];

export const BENCH_OPENING: OpeningBalance[] = [
  { account: '101', debit: 500_000, credit: 0 },
  { account: '10201', debit: 50_000_000, credit: 0 },
  { account: '151', debit: 200_000_000, credit: 0 },
  { account: '152', debit: 0, credit: 40_000_000 },
  { account: '301', debit: 0, credit: 180_000_000 },
  { account: '311', debit: 0, credit: 20_000_000 },
  { account: '32202', debit: 0, credit: 10_500_000 },
];

type Line = [account: string, debit: number, credit: number];
type Template = { summary: string; make: (amount: number, r: () => number) => Line[] };

const TEMPLATES: Template[] = [
  { summary: '收到土地发包款', make: (a) => [['10201', a, 0], ['50101', 0, a]] },
  { summary: '收到光伏电费', make: (a) => [['10202', a, 0], ['50102', 0, a]] },
  { summary: '收到厂房租金', make: (a) => [['10201', a, 0], ['50103', 0, a]] },
  { summary: '支付办公费', make: (a) => [['51301', a, 0], ['101', 0, a]] },
  { summary: '支付光伏运维费', make: (a) => [['51101', a, 0], ['10202', 0, a]] },
  { summary: '发放干部报酬及差旅费', make: (a, r) => { const b = 1 + Math.floor(r() * (a - 1)); return [['51302', b, 0], ['51303', a - b, 0], ['10201', 0, a]]; } },
  { summary: '收到租金并代扣税费', make: (a, r) => { const t = 1 + Math.floor(r() * (a / 10)); const p = 1 + Math.floor(r() * (a / 10)); return [['10201', a, 0], ['50103', 0, a - t - p], ['214', 0, t], ['11301', 0, p]]; } },
  { summary: '村道维修', make: (a) => [['514', a, 0], ['10201', 0, a]] },
];

/** Mulberry32: a small seeded PRNG, so every run benchmarks the same text. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CSV text with at least `lines` voucher lines (a voucher is never split). */
export function generateVoucherCsv(lines: number, seed = 2025): { csv: string; lines: number; vouchers: number } {
  const r = prng(seed);
  const vouchers = Math.ceil(lines / 2.6);
  const out: string[] = ['日期,凭证号,摘要,科目编码,借方金额,贷方金额'];
  let n = 0;
  let month = 0;
  let number = 0;
  let k = 0;
  for (; n < lines; k++) {
    const m = Math.min(12, 1 + Math.floor((k * 12) / vouchers));
    if (m !== month) {
      month = m;
      number = 0;
    }
    number++;
    const day = 1 + Math.min(27, Math.floor((number * 28 * 12) / vouchers));
    const date = `2025-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
    const t = TEMPLATES[Math.floor(r() * TEMPLATES.length)]!;
    const amount = 1_000 + Math.floor(r() * 5_000_000);
    for (const [account, debit, credit] of t.make(amount, r)) {
      out.push(`${date},${number},${t.summary},${account},${debit ? fenToString(debit) : ''},${credit ? fenToString(credit) : ''}`);
      n++;
    }
  }
  return { csv: out.join('\n') + '\n', lines: n, vouchers: k };
}
