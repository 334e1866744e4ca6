/**
 * Disclosure periods: a month (2025-07), a quarter (2025Q3), a half-year (2025H1) or a year
 * (2025), as typed on the command line and as printed in a disclosure's title
 * (2025年7月 / 2025年第三季度 / 2025年上半年 / 2025年度).
 */
import { addDays, monthEnd } from '../calendar';
import type { IsoDate, YearMonth } from '../ledger/types';
import type { Cadence } from './template';

export interface DisclosurePeriod {
  cadence: Cadence;
  year: number;
  /** First and last month. */
  from: YearMonth;
  to: YearMonth;
  /** '2025Q3', '2025-07', '2025H1', '2025' — used in sheet names. */
  code: string;
  /** '2025年第3季度' — used in titles. */
  label: string;
}

const pad = (m: number): string => String(m).padStart(2, '0');
const ym = (y: number, m: number): YearMonth => `${y}-${pad(m)}`;

function make(cadence: Cadence, year: number, first: number, last: number, code: string, label: string): DisclosurePeriod {
  return { cadence, year, from: ym(year, first), to: ym(year, last), code, label };
}

export function monthPeriod(year: number, m: number): DisclosurePeriod {
  return make('month', year, m, m, ym(year, m), `${year}年${m}月`);
}
export function quarterPeriod(year: number, q: number): DisclosurePeriod {
  return make('quarter', year, q * 3 - 2, q * 3, `${year}Q${q}`, `${year}年第${q}季度`);
}
export function halfPeriod(year: number, h: number): DisclosurePeriod {
  return make('half', year, h * 6 - 5, h * 6, `${year}H${h}`, `${year}年${h === 1 ? '上' : '下'}半年`);
}
export function yearPeriod(year: number): DisclosurePeriod {
  return make('year', year, 1, 12, String(year), `${year}年度`);
}

/** '2025Q3' | '2025-07' | '2025H1' | '2025' → the period, or undefined when the text is none of those. */
export function parsePeriodCode(text: string): DisclosurePeriod | undefined {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})Q([1-4])$/.exec(s);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})H([12])$/.exec(s);
  if (m) return halfPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(s);
  if (m) return yearPeriod(Number(m[1]));
  return undefined;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** The period a title names: 2025年第三季度 / 2025年第3季度 / 2025年7月 / 2025年上半年 / 2025年度 (first match wins). */
export function periodInTitle(title: string): DisclosurePeriod | undefined {
  const s = title.normalize('NFKC').replace(/\s+/gu, '');
  let m = /(\d{4})年第?([一二三四1-4])季度/u.exec(s);
  if (m) return quarterPeriod(Number(m[1]), CN_DIGIT[m[2]!]!);
  m = /(\d{4})年([上下])半年/u.exec(s);
  if (m) return halfPeriod(Number(m[1]), m[2] === '上' ? 1 : 2);
  m = /(\d{4})年(1[0-2]|0?[1-9])月/u.exec(s);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  m = /(\d{4})年度?/u.exec(s);
  if (m) return yearPeriod(Number(m[1]));
  return undefined;
}

/** The periods of a cadence in a year, in order. */
export function periodsOfYear(year: number, cadence: Cadence): DisclosurePeriod[] {
  if (cadence === 'month') return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
  if (cadence === 'quarter') return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
  if (cadence === 'half') return [1, 2].map((h) => halfPeriod(year, h));
  return [yearPeriod(year)];
}

/** Last day on which the disclosure of `p` may be posted: period end + the template's days. */
export function postingDeadline(p: DisclosurePeriod, days: Readonly<Record<Cadence, number>>): IsoDate {
  return addDays(monthEnd(p.to), days[p.cadence]);
}
