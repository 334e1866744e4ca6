import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, dayNumber, daysInMonth, isIsoDate, isIsoDateAt, isLeapYear, isoToSerial, localIsoDate, monthEnd, monthOf, nextMonth, parseIso, serialToIso,
} from '../../src/core/calendar';

describe('the calendar (one module in the core)', () => {
  it('knows leap years and month ends', () => {
    // Divisible by 4, except centuries, except every 400 years.
    expect([2024, 2025, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, false, true, false]);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthEnd('2025-04')).toBe('2025-04-30');
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2025-09')).toBe('2025-10');
    expect(monthOf('2025-03-15')).toBe('2025-03');
  });

  it('validates ISO dates the same way whether it slices or scans in place', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDateAt('x2024-02-29x', 1, 11)).toBe(true);
    expect(isIsoDateAt('2025-13-01', 0, 10)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isIsoDateAt(s, 0, s.length)).toBe(isIsoDate(s));
      }),
    );
  });

  it('parses ISO dates by char codes exactly as the regex /^(\\d{4})-(\\d{2})-(\\d{2})$/ with the month-length check', () => {
    const byRegex = (d: string): { y: number; m: number; d: number } | undefined => {
      const r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
      if (!r) return undefined;
      const [y, m, day] = [Number(r[1]), Number(r[2]), Number(r[3])];
      return m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m) ? undefined : { y, m, d: day };
    };
    expect(parseIso('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIso('0400-02-29')).toEqual({ y: 400, m: 2, d: 29 }); // year 400 is a leap year (divisible by 400)
    for (const bad of ['2025-02-29', '2025-1-10', '2025-01-10\n', ' 2025-01-10', '2025/01/10', '２０２５-01-10', '2025-00-10', '2025-01-32', '']) expect(parseIso(bad)).toBeUndefined();
    const digit = fc.constantFrom('0', '1', '2', '3', '9');
    const other = fc.constantFrom('-', '/', ' ', 'a', '\n', '٣', '０', ':', '/');
    const char = fc.oneof({ weight: 6, arbitrary: digit }, { weight: 1, arbitrary: other });
    fc.assert(fc.property(fc.array(char, { minLength: 8, maxLength: 11 }), (cs) => {
      const s = cs.join('');
      expect(parseIso(s)).toEqual(byRegex(s));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(parseIso(s)).toEqual(byRegex(s));
    }), { numRuns: 3000 });
  });

  it('converts Excel serial day numbers (1900 system)', () => {
    // Excel counts 1899-12-30 as day 0 from March 1900 on: 1900-03-01 is 61, 2025-01-10 is 45667.
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2025-01-10')).toBe(45667);
    expect(serialToIso(45351)).toBe('2024-02-29');
    // A time of day (the fraction) is dropped.
    expect(serialToIso(45667.75)).toBe('2025-01-10');
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        expect(isoToSerial(serialToIso(serial))).toBe(serial);
      }),
    );
    // Day numbers and addDays agree: consecutive days are one apart across leap days.
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('takes "today" from the local wall clock, not UTC', () => {
    // A Date whose local calendar day is 2025-06-01 whatever the machine's zone: built from local parts.
    const early = new Date(2025, 5, 1, 0, 30);
    expect(localIsoDate(early)).toBe('2025-06-01');
    const late = new Date(2025, 11, 31, 23, 59);
    expect(localIsoDate(late)).toBe('2025-12-31');
    // In Beijing (UTC+8) 07:30 on 2 June is still 1 June in UTC; the village's today is 2 June.
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const morning = new Date('2025-06-01T23:30:00Z');
      expect(morning.toISOString().slice(0, 10)).toBe('2025-06-01');
      expect(localIsoDate(morning)).toBe('2025-06-02');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
