/**
 * The little text forms typed into 合同 cells: 收款日 (payment rule), year-value lists (粮价,
 * 合作社盈余) and 补贴结算月 (subsidy batch months). Each returns undefined for text it cannot read.
 */
import type Decimal from 'decimal.js';
import { D } from '../money';
import type { PaymentRule, YearValues } from './contract';

/** "1.18" or "2025:1.18;2026:1.20" (full-width ：；，also accepted). */
export function parseYearValues(s: string): YearValues | undefined {
  const byYear = new Map<number, Decimal>();
  let all: Decimal | undefined;
  for (const part of s.replace(/[；，,]/g, ';').replace(/：/g, ':').split(';')) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(\d{4})\s*:\s*(-?[\d.]+)$/.exec(p);
    try {
      if (m) byYear.set(Number(m[1]), new D(m[2] ?? ''));
      else if (all === undefined && /^-?[\d.]+$/.test(p)) all = new D(p);
      else return undefined;
    } catch {
      return undefined;
    }
  }
  if (all === undefined && byYear.size === 0) return undefined;
  return all === undefined ? { byYear } : { all, byYear };
}

/**
 * 收款日: "每月15" (monthly on the 15th); "03-01" (yearly); "06-15:50%;10-01:50%" (instalments);
 * "次年03-31" (the year's amount due the next year). Equal shares when none are given.
 */
export function parsePaymentRule(s: string): PaymentRule | undefined {
  const t = s.trim().replace(/[；，,]/g, ';').replace(/：/g, ':').replace(/／/g, '/');
  const monthly = /^每月\s*(\d{1,2})\s*日?$/.exec(t) ?? /^monthly\s*:?\s*(\d{1,2})$/i.exec(t);
  if (monthly) {
    const day = Number(monthly[1]);
    return day >= 1 && day <= 31 ? { kind: 'monthly', day } : undefined;
  }
  const parts = t.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const out: { month: number; day: number; share: Decimal; nextYear: boolean }[] = [];
  let given = 0;
  for (const p of parts) {
    const m = /^(次年|next:)?\s*(\d{1,2})[-/.月](\d{1,2})日?\s*(?::\s*([\d.]+)\s*%)?$/.exec(p);
    if (!m) return undefined;
    const month = Number(m[2]);
    const day = Number(m[3]);
    // Day 29 of February is refused: it would not exist three years in four.
    if (month < 1 || month > 12 || day < 1 || day > [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!) return undefined;
    if (m[4] !== undefined) given++;
    out.push({ month, day, share: new D(m[4] ?? 0).div(100), nextYear: m[1] !== undefined });
  }
  if (out.length === 0) return undefined;
  if (given === 0) out.forEach((o) => (o.share = new D(1).div(out.length)));
  else if (given !== out.length || !out.reduce((a, o) => a.plus(o.share), new D(0)).eq(1)) return undefined;
  return { kind: 'annual', instalments: out };
}

/** "3;9" → [3, 9]: months 1..12, sorted, without repeats. */
export function parseMonths(s: string): number[] | undefined {
  const ms = s.replace(/[；，,、]/g, ';').split(';').map((p) => p.trim()).filter((p) => p !== '').map(Number);
  return ms.length > 0 && ms.every((m) => Number.isInteger(m) && m >= 1 && m <= 12) ? [...new Set(ms)].sort((a, b) => a - b) : undefined;
}
