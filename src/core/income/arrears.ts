/**
 * Arrears and contract status as of a date. Receipts settle due items oldest first (FIFO), so a
 * partial payment reduces the oldest open item and a payment ahead of time is a prepayment
 * (预收) that settles the next items as they fall due.
 */
import { D, decToFen, formatFen, type Fen } from '../money';
import { finding, type Finding } from '../findings';
import type { IsoDate } from '../ledger/types';
import type { Contract } from './contract';
import { daysBetween, yearOf } from '../calendar';
import type { Receipt } from './receipts';
import { yearAmount, type DueItem } from './schedule';

/** 账龄 — ageing buckets in days overdue. */
export const AGE_BUCKETS = [
  { key: 'd0_90', zh: '0–90天', max: 90 },
  { key: 'd91_180', zh: '91–180天', max: 180 },
  { key: 'd181_365', zh: '181–365天', max: 365 },
  { key: 'over365', zh: '365天以上', max: Infinity },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

export function ageBucket(daysOverdue: number): AgeBucket {
  return AGE_BUCKETS.find((b) => daysOverdue <= b.max)!.key;
}

export interface ArrearItem {
  item: DueItem;
  paid: Fen;
  outstanding: Fen;
  daysOverdue: number;
  bucket: AgeBucket;
  /**
   * 滞纳金 accrued: k/10000 × days overdue × the overdue amount. GF-2021-2606 states the rate on the
   * annual rent; for a yearly instalment that is the same base, and for monthly or split
   * instalments charging each one on the whole year's rent would count the year several times.
   */
  penalty: Fen;
}

export interface ContractPosition {
  /** Due on or before asOf. */
  due: Fen;
  /** Received on or before asOf. */
  received: Fen;
  arrears: Fen;
  /** Received beyond what is due (预收). */
  prepaid: Fen;
  items: ArrearItem[];
}

/** Settles due items (dueDate ≤ asOf) with receipts (date ≤ asOf), oldest first. */
export function contractPosition(c: Contract, items: readonly DueItem[], receipts: readonly Receipt[], asOf: IsoDate): ContractPosition {
  const dueNow = items.filter((i) => i.dueDate <= asOf);
  const received = receipts.filter((r) => r.contract === c.no && r.date <= asOf).reduce((a, r) => a + r.amount, 0);
  let left = received;
  const open: ArrearItem[] = [];
  let due = 0;
  for (const item of dueNow) {
    due += item.amount;
    const paid = Math.max(0, Math.min(item.amount, left));
    left -= paid;
    const outstanding = item.amount - paid;
    if (outstanding <= 0) continue;
    const daysOverdue = daysBetween(item.dueDate, asOf);
    open.push({ item, paid, outstanding, daysOverdue, bucket: ageBucket(daysOverdue), penalty: penaltyOf(c, outstanding, daysOverdue) });
  }
  return { due, received, arrears: open.reduce((a, o) => a + o.outstanding, 0), prepaid: Math.max(0, left), items: open };
}

function penaltyOf(c: Contract, outstanding: Fen, days: number): Fen {
  if (!c.penaltyPerTenThousand || days <= 0) return 0;
  return new D(outstanding).times(c.penaltyPerTenThousand).div(10000).times(days).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
}

export type ContractStatus = 'not-started' | 'active' | 'expiring' | 'expired';
export const STATUS_ZH: Readonly<Record<ContractStatus, string>> = { 'not-started': '未开始', active: '执行中', expiring: '即将到期', expired: '已到期' };

/** 即将到期: the contract ends within 90 days of asOf. */
export function contractStatus(c: Contract, asOf: IsoDate): ContractStatus {
  if (c.start > asOf) return 'not-started';
  if (c.end < asOf) return 'expired';
  return daysBetween(asOf, c.end) <= 90 ? 'expiring' : 'active';
}

const place = (c: Contract, column?: string) => (c.row !== undefined ? { sheet: '合同', row: c.row, ...(column !== undefined && { column }) } : {});

/**
 * The register's flags for one contract: expiring, expired but still receiving, rent under the
 * township reference price, and arrears older than a year.
 */
export function contractFlags(c: Contract, pos: ContractPosition, receipts: readonly Receipt[], items: readonly DueItem[], asOf: IsoDate): Finding[] {
  const out: Finding[] = [];
  const status = contractStatus(c, asOf);
  if (status === 'expiring') {
    out.push(finding('contract.expiring', 'warning', `合同${c.no}将于${c.end}到期（90天内），请及时续签或收回`, `contract ${c.no} ends on ${c.end} (within 90 days)`, place(c, '结束日期')));
  }
  if (status === 'expired') {
    // Money after the end is fine while it settles arrears; beyond them the contract is being run without paper.
    const dueByEnd = items.filter((i) => i.dueDate <= c.end).reduce((a, i) => a + i.amount, 0);
    const mine = receipts.filter((r) => r.contract === c.no && r.date <= asOf);
    const total = mine.reduce((a, r) => a + r.amount, 0);
    const after = mine.filter((r) => r.date > c.end).reduce((a, r) => a + r.amount, 0);
    if (after > 0 && total > dueByEnd) {
      out.push(finding('contract.expired-receiving', 'warning', `合同${c.no}已于${c.end}到期，之后仍收款${formatFen(after)}元，请补签合同`, `contract ${c.no} expired on ${c.end} but still receives money (${formatFen(after)} after the end); renew it`, place(c, '结束日期')));
    }
  }
  if (c.kind === 'land' && c.referencePricePerMu !== undefined && c.start <= asOf) {
    const year = Math.min(Math.max(yearOf(asOf), yearOf(c.start)), yearOf(c.end));
    const gross = yearAmount(c, year).amount?.gross;
    if (gross !== undefined && !c.areaMu.isZero()) {
      const perMu = new D(gross).div(100).div(c.areaMu);
      if (perMu.lt(c.referencePricePerMu)) {
        out.push(finding('contract.under-priced', 'warning', `合同${c.no}每亩租金${formatFen(decToFen(perMu))}元，低于乡镇参考价${formatFen(decToFen(c.referencePricePerMu))}元`, `contract ${c.no}: rent ${formatFen(decToFen(perMu))} per mu is below the township reference price ${formatFen(decToFen(c.referencePricePerMu))}`, place(c, '参考价（元/亩）')));
      }
    }
  }
  const old = pos.items.filter((i) => i.bucket === 'over365').reduce((a, i) => a + i.outstanding, 0);
  if (old > 0) {
    out.push(finding('contract.arrears-over-year', 'warning', `合同${c.no}有超过一年的欠款${formatFen(old)}元`, `contract ${c.no} has arrears older than a year: ${formatFen(old)}`, place(c)));
  }
  return out;
}
