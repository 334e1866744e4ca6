/**
 * The calendar, in one place: ISO dates ('YYYY-MM-DD') and months ('YYYY-MM'), leap years and
 * month lengths, day arithmetic as proleptic Gregorian day numbers (no host time zone can shift
 * a date), Excel serial day numbers, and "today" on the user's own clock.
 */
import type { IsoDate, YearMonth } from './ledger/types';

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInYear(y: number): number {
  return isLeapYear(y) ? 366 : 365;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/**
 * Parses 'YYYY-MM-DD' (ASCII digits, any year 0000–9999) into parts, or undefined if it is not a
 * real calendar date. By char codes rather than a regex: every date written to a sheet goes
 * through here (isoToSerial → dayNumber), 10,000 of them for a 10,000-line import.
 */
export function parseIso(d: string): { y: number; m: number; d: number } | undefined {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return undefined; // '-'
  let y = 0;
  let m = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = d.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else day = day * 10 + c;
  }
  if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return undefined;
  return { y, m, d: day };
}

export function isIsoDate(d: string): boolean {
  return parseIso(d) !== undefined;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoOf(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Day number (days since 1970-01-01) — Howard Hinnant's days_from_civil. */
export function dayNumber(iso: IsoDate): number {
  const p = parseIso(iso);
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  const y = p.m <= 2 ? p.y - 1 : p.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (p.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + p.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  const z = dayNumber(iso) + n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month written 'YYYY-MM' (months 01–12). */
export function isYearMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

/** 'YYYY-MM' of an ISO date. */
export function monthOf(date: string): YearMonth {
  return date.slice(0, 7);
}

/** The month after `m` ('2025-12' → '2026-01'). */
export function nextMonth(m: YearMonth): YearMonth {
  return addMonths(m, 1);
}

export function monthStart(ym: YearMonth): IsoDate {
  return `${ym}-01`;
}

export function monthEnd(ym: YearMonth): IsoDate {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return isoOf(y, m, daysInMonth(y, m));
}

export function addMonths(ym: YearMonth, n: number): YearMonth {
  const i = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + n;
  return `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1)}`;
}

/** Months from `from` to `to` inclusive ('2025-01'..'2025-03' → 3 months). */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let ym = from; ym <= to; ym = addMonths(ym, 1)) out.push(ym);
  return out;
}

/** Days of [a, b] (inclusive) that fall inside [lo, hi] (inclusive); 0 when they do not overlap. */
export function overlapDays(a: IsoDate, b: IsoDate, lo: IsoDate, hi: IsoDate): number {
  const s = a > lo ? a : lo;
  const e = b < hi ? b : hi;
  return s > e ? 0 : daysBetween(s, e) + 1;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/**
 * isIsoDate over s[start, end) by char codes, without slicing or a regex: the import hot path
 * and the CSV scanner test a field in place. Years before 1900 are refused (no ledger has them,
 * and Excel's serial dates start there).
 */
export function isIsoDateAt(s: string, start: number, end: number): boolean {
  if (end - start !== 10 || s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) return false;
  let y = 0, m = 0, d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(start + i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Excel's serial day number of 1970-01-01 (1900 date system, counting Excel's phantom 1900-02-29). */
const SERIAL_OF_EPOCH = 25569;

/** Excel serial day number (1900 system, from 1900-03-01 on) → ISO date. Time of day is dropped. */
export function serialToIso(serial: number): IsoDate {
  return addDays('1970-01-01', Math.floor(serial) - SERIAL_OF_EPOCH);
}

/** ISO date → Excel serial day number (1900 system). */
export function isoToSerial(date: IsoDate): number {
  return dayNumber(date) + SERIAL_OF_EPOCH;
}

/** Calendar date of a JS Date in UTC (ExcelJS reads date cells as UTC midnight). */
export function dateToIso(d: Date): IsoDate {
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Today as the user's wall clock shows it: the local calendar date, not UTC (at 07:00 in Beijing
 * UTC is still yesterday). Faces pass this in as the clock; the core never reads one itself.
 */
export function localIsoDate(now: Date): IsoDate {
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
