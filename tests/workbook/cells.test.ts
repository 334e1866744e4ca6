import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountOrIssue, dateOrIssue, isoToSerial, parseAmountCell, parseCodeCell, parseDateCell, parseDateText, serialToIso } from '../../src/workbook/codecs/cells';

describe('date cells', () => {
  it('accepts a JS Date (UTC), an Excel serial and common text forms', () => {
    expect(parseDateCell(new Date(Date.UTC(2025, 0, 10)), '日期')).toEqual({ ok: true, value: '2025-01-10' });
    expect(parseDateCell(45667, '日期')).toEqual({ ok: true, value: '2025-01-10' });
    expect(parseDateCell(45667.75, '日期')).toEqual({ ok: true, value: '2025-01-10' });
    for (const t of ['2025-01-10', '2025/1/10', '2025.1.10', '2025年1月10日', '20250110', ' 2025-01-10 ', '2025-01-10 00:00:00', '2025-01-10T00:00:00Z']) {
      expect(parseDateText(t), t).toBe('2025-01-10');
    }
  });

  it('rejects impossible dates and junk as cell.bad-date, blank as cell.missing', () => {
    for (const t of ['2025-02-29', '2024-13-01', '2025-1', '10/01/2025', 'abc', '2025-01-10x']) {
      const r = parseDateCell(t, '日期');
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.issue.rule).toBe('cell.bad-date');
    }
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
    const blank = parseDateCell(null, '日期');
    expect(!blank.ok && blank.issue.rule).toBe('cell.missing');
    const neg = parseDateCell(-3, '日期');
    expect(!neg.ok && neg.issue.rule).toBe('cell.bad-date');
  });

  it('serial ↔ ISO round-trips for every day 1901–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: 367, max: 109_573 }), (serial) => {
        expect(isoToSerial(serialToIso(serial))).toBe(serial);
      }),
    );
  });
});

describe('amount cells', () => {
  it('reads numbers and text to the fen; blank is 0', () => {
    expect(parseAmountCell(60000, '借方金额')).toEqual({ ok: true, value: 6_000_000 });
    expect(parseAmountCell('1,234.5', '借方金额')).toEqual({ ok: true, value: 123_450 });
    expect(parseAmountCell(0.3, '借方金额')).toEqual({ ok: true, value: 30 });
    expect(parseAmountCell(-86.2, '贷方金额')).toEqual({ ok: true, value: -8620 });
    expect(parseAmountCell(null, '借方金额')).toEqual({ ok: true, value: 0 });
    expect(parseAmountCell('  ', '借方金额')).toEqual({ ok: true, value: 0 });
  });

  it('never rounds: more than two decimals is cell.too-many-decimals; junk is cell.bad-amount', () => {
    const r = parseAmountCell(12.345, '借方金额');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue.rule).toBe('cell.too-many-decimals');
      expect(r.issue.zh).toContain('12.345');
    }
    const t = parseAmountCell('一千', '借方金额');
    expect(!t.ok && t.issue.rule).toBe('cell.bad-amount');
    const big = parseAmountCell('99999999999999', '借方金额');
    expect(!big.ok && big.issue.rule).toBe('cell.bad-amount');
  });
});

describe('account code cells', () => {
  it('accepts 3 + 2n digits, numbers included', () => {
    expect(parseCodeCell(102, '科目编码')).toEqual({ ok: true, value: '102' });
    expect(parseCodeCell(' 50101 ', '科目编码')).toEqual({ ok: true, value: '50101' });
    for (const bad of ['1020', '10', 'abc', '102.1', 102.5]) {
      const r = parseCodeCell(bad, '科目编码');
      expect(!r.ok && r.issue.rule, String(bad)).toBe('cell.bad-code');
    }
  });
});

describe('hot-path parsers agree with the general ones', () => {
  it('amountOrIssue gives parseAmountCell’s fen or rule for amount-like text', () => {
    const amountText = fc.stringMatching(/^-?\d{0,15}(\.\d{0,4})?$/);
    fc.assert(
      fc.property(fc.oneof(amountText, fc.string({ maxLength: 6 })), (s) => {
        const fast = amountOrIssue(s, '借方金额');
        const slow = parseAmountCell(s, '借方金额');
        if (slow.ok) expect(fast).toBe(slow.value);
        else expect(fast).toMatchObject({ rule: slow.issue.rule });
      }),
      { numRuns: 2000 },
    );
  });

  it('dateOrIssue gives parseDateCell’s date or rule', () => {
    const dateText = fc.tuple(fc.integer({ min: 1890, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(dateText, (s) => {
        const fast = dateOrIssue(s, '日期');
        const slow = parseDateCell(s, '日期');
        if (slow.ok) expect(fast).toBe(slow.value);
        else expect(fast).toMatchObject({ rule: slow.issue.rule });
      }),
      { numRuns: 2000 },
    );
  });
});
