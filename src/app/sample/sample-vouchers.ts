/**
 * A realistic year of vouchers for the sample village (示范村, fiscal year 2025), generated from a
 * seeded PRNG so every run gives the same book. Amounts are integer fen, drawn in whole yuan
 * multiples so the numbers look like a village's.
 */
import type { Voucher, VoucherLine } from '../../core/ledger/types';
import { createRng, type Rng } from './prng';

type Line = [account: string, debit: number, credit: number];
interface Draft { day: number; summary: string; lines: Line[] }

const y = (yuan: number): number => yuan * 100;
/** A random amount in whole `step`-yuan multiples, in fen. */
const amt = (r: Rng, lo: number, hi: number, step = 10): number => y(r.int(lo / step, hi / step) * step);
const pair = (summary: string, day: number, dr: string, cr: string, fen: number): Draft => ({ day, summary, lines: [[dr, fen, 0], [cr, 0, fen]] });

function monthlyRoutine(r: Rng): Draft[] {
  const d: Draft[] = [];
  d.push(pair('计提村干部报酬', 25, '51302', '212', y(9_600)));
  d.push(pair('发放村干部报酬', 28, '212', '102', y(9_600)));
  d.push(pair('计提办公用房折旧', 28, '51304', '152', y(5_300)));
  d.push(pair('计提光伏电站折旧', 28, '51102', '152', y(3_200)));
  d.push(pair('支付水电费', 15, '51305', '102', amt(r, 300, 900)));
  d.push(pair('支付保洁员工资（公益岗位）', 26, '51404', '102', y(4_200)));
  d.push(pair('支付网络通讯费', 12, '51305', '102', y(260)));
  d.push(pair('发放护林员工资（公益岗位）', 26, '51404', '102', y(1_800)));
  const offices = r.int(3, 5);
  for (let i = 0; i < offices; i += 1) {
    const cash = r.next() < 0.6;
    d.push(pair(r.pick(['购买办公用品', '打印复印费', '报刊订阅费', '会议茶水费', '电脑维修费']), r.int(2, 27), '51301', cash ? '101' : '102', amt(r, 80, cash ? 900 : 2_600)));
  }
  if (r.next() < 0.7) d.push(pair('报销差旅费', r.int(5, 25), '51303', '101', amt(r, 120, 800)));
  const welfare = r.int(1, 3);
  for (let i = 0; i < welfare; i += 1) {
    const [summary, acc, lo, hi] = r.pick([
      ['村道维修', '51401', 2_000, 18_000], ['村庄环境整治', '51402', 800, 6_000], ['垃圾清运费', '51402', 600, 2_400],
      ['走访慰问困难户', '51403', 1_000, 4_000], ['路灯维修', '51401', 500, 3_000],
    ] as const);
    d.push(pair(summary, r.int(3, 27), acc, '102', amt(r, lo, hi)));
  }
  return d;
}

/** Taxes accrued each quarter, and paid the month after (January pays the opening balance of 214). */
const TAX_ACCRUED = [520, 610, 580, 640] as const;
const TAX_PAID = [1_200, 520, 610, 580] as const;

function quarterly(r: Rng, m: number): Draft[] {
  if (m % 3 !== 0) return [];
  return [
    pair('收到村级组织运转经费补助', 18, '102', '503', y(30_000)),
    pair('收到存款利息', 21, '102', '504', amt(r, 600, 1_400)),
    pair('支付联村及屋顶光伏运维费', 22, '51101', '102', amt(r, 1_200, 2_400)),
    pair('计提税金及附加', 27, '512', '214', y(TAX_ACCRUED[m / 3 - 1] ?? 0)),
  ];
}

function occasional(r: Rng, m: number): Draft[] {
  const d: Draft[] = [];
  const taxDue = TAX_PAID[(m - 1) / 3];
  if (m % 3 === 1 && taxDue !== undefined) d.push(pair('缴纳上季度税费', 15, '214', '102', y(taxDue)));
  // TD-2025-03 is farmers' land let through the village: their rent (200 mu × 850 less the
  // village's 100 a mu service fee) is paid on to them, so 21103 代收农户流转费 clears.
  if (m === 3) d.push(pair('支付农户土地流转费（代收代付）', 25, '21103', '102', y(150_000)));
  if (m === 5) d.push(pair('购置村务监控设备', 16, '151', '102', y(36_800)));
  if (m === 7) d.push(pair('收到高标准农田管护补助', 8, '102', '503', y(15_000)));
  if (m === 9) d.push(pair('收到企业捐赠', 12, '102', '504', y(5_000)));
  if (m === 10) d.push(pair('支付防汛抢险支出', 9, '515', '102', amt(r, 1_500, 3_500)));
  return d;
}

/**
 * All ordinary vouchers of the year (no closing or distribution vouchers): the routine ones drawn
 * here plus `contractVouchers` (the income-source receipts, already dated and tagged), numbered
 * from 1 within each month in date order.
 */
export function sampleVouchers(year: number, seed: number, contractVouchers: readonly Voucher[], openingCash: number): Voucher[] {
  const r = createRng(seed);
  const out: Voucher[] = [];
  let cash = openingCash;
  for (let m = 1; m <= 12; m += 1) {
    const drafts = [...monthlyRoutine(r), ...quarterly(r, m), ...occasional(r, m)];
    cash = topUpCash(drafts, cash);
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const vs = [...drafts.map((d) => toVoucher(year, m, 0, d)), ...contractVouchers.filter((v) => v.date.startsWith(month))];
    // Stable sort by date: same-day vouchers keep routine-then-contract order.
    vs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    vs.forEach((v, i) => out.push({ ...v, number: String(i + 1) }));
  }
  return out;
}

/**
 * 提取备用金 on the 2nd: withdraw from the bank what the month's cash spending needs to keep
 * about 1,000 yuan on hand, in whole 500s, as a village accountant would. Returns the month-end cash.
 */
function topUpCash(drafts: Draft[], cash: number): number {
  const spend = drafts.reduce((t, d) => t + d.lines.reduce((s, [acc, , cr]) => s + (acc === '101' ? cr : 0), 0), 0);
  const need = spend + y(1_000) - cash;
  const step = y(500);
  const draw = need > 0 ? Math.ceil(need / step) * step : 0;
  if (draw > 0) drafts.push(pair('提取备用金', 2, '101', '102', draw));
  return cash + draw - spend;
}

function toVoucher(year: number, month: number, n: number, d: Draft): Voucher {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const lines: VoucherLine[] = d.lines.map(([account, debit, credit]) => ({ account, debit, credit }));
  return { date, number: String(n), summary: d.summary, lines, attachments: 1, preparer: '李会计' };
}
