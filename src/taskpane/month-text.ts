/**
 * Months as the pane writes them, from our own tables rather than the browser's locale: the
 * native <input type="month"> shows "December 2025" in an English browser even when the pane
 * speaks Chinese, and an accountant should see 2025年12月 whatever the browser.
 */
import { isYearMonth } from '../core/calendar';
import type { Lang } from './i18n';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The value a picker emits: 'YYYY-MM'. */
export function monthValue(year: number, month: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a month: ${year}-${month}`);
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** 'YYYY-MM' → its year and month, or undefined when it is not one. */
export function splitMonth(value: string): { year: number; month: number } | undefined {
  if (!isYearMonth(value)) return undefined;
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
}

/** A month's short name in the grid: '12月' / 'Dec'. */
export function monthShort(month: number, lang: Lang): string {
  return lang === 'en-US' ? (EN_MONTHS[month - 1] ?? String(month)) : `${month}月`;
}

/** '2025-12' → '2025年12月' (zh-CN) or 'Dec 2025' (en-US); anything else is shown as it is. */
export function monthText(value: string, lang: Lang): string {
  const p = splitMonth(value);
  if (!p) return value;
  return lang === 'en-US' ? `${monthShort(p.month, lang)} ${p.year}` : `${p.year}年${p.month}月`;
}

/** A year as the stepper shows it: '2025年' / '2025'. */
export function yearText(year: number, lang: Lang): string {
  return lang === 'en-US' ? String(year) : `${year}年`;
}
