import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, fenFromCell, fenToString, formatFen, parseFen, roundFen, moneyToFen } from '../../src/core/money';

describe('money', () => {
  it('parses user text exactly into fen', () => {
    expect(parseFen('1,234.5')).toEqual({ ok: true, fen: 123450 });
    expect(parseFen('¥60000')).toEqual({ ok: true, fen: 6000000 });
    expect(parseFen('-0.05')).toEqual({ ok: true, fen: -5 });
    expect(parseFen('12.300')).toEqual({ ok: true, fen: 1230 });
    expect(parseFen('12.345')).toEqual({ ok: false, issue: 'too-many-decimals' });
    expect(parseFen('abc')).toEqual({ ok: false, issue: 'not-a-number' });
    expect(parseFen('  ')).toEqual({ ok: false, issue: 'empty' });
  });
  it('reads spreadsheet numbers through their shortest decimal form', () => {
    expect(fenFromCell(0.1 + 0.2)).toEqual({ ok: false, issue: 'too-many-decimals' });
    expect(fenFromCell(35400)).toEqual({ ok: true, fen: 3540000 });
    expect(fenFromCell(8200.1)).toEqual({ ok: true, fen: 820010 });
    expect(fenFromCell(12.345)).toEqual({ ok: false, issue: 'too-many-decimals' });
  });
  it('rounds half up to the fen and formats', () => {
    expect(roundFen('0.005').toFixed(2)).toBe('0.01');
    expect(roundFen('-0.005').toFixed(2)).toBe('-0.01');
    expect(roundFen('2.344999').toFixed(2)).toBe('2.34');
    expect(formatFen(123450)).toBe('1,234.50');
    expect(formatFen(-100000000)).toBe('-1,000,000.00');
    expect(fenToString(5)).toBe('0.05');
    expect(fenToString(-5)).toBe('-0.05');
    expect(moneyToFen('10.10')).toBe(1010);
  });
  it('allocate always sums back to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        const parts = allocate(total, ws);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
  it('fenToString and parseFen round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -1e14, max: 1e14 }), (fen) => {
      expect(parseFen(fenToString(fen))).toEqual({ ok: true, fen });
    }));
  });
});
