import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitNew, voucherIdentity } from '../../src/app/import-vouchers';
import type { Voucher } from '../../src/core/ledger/types';

const voucher = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  number: fc.integer({ min: 1, max: 4 }),
  summary: fc.constantFrom('收租', '办公费'),
  account: fc.constantFrom('501', '513'),
  fen: fc.integer({ min: 1, max: 5 }),
}).map(({ day, number, summary, account, fen }): Voucher => ({
  date: `2025-03-${String(day).padStart(2, '0')}`,
  number: String(number),
  summary,
  lines: [{ account: '102', debit: fen, credit: 0 }, { account, debit: 0, credit: fen }],
}));

const count = (vs: readonly Voucher[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const v of vs) m.set(voucherIdentity(v), (m.get(voucherIdentity(v)) ?? 0) + 1);
  return m;
};

describe('import identity (multiset of vouchers)', () => {
  it('re-importing what is on the book adds nothing', () => {
    fc.assert(fc.property(fc.array(voucher, { maxLength: 12 }), (book) => {
      expect(splitNew(book, book)).toEqual({ fresh: [], skipped: book.length });
    }));
  });

  it('book + fresh holds every incoming voucher at least as often as it comes, and fresh is minimal', () => {
    fc.assert(fc.property(fc.array(voucher, { maxLength: 12 }), fc.array(voucher, { maxLength: 12 }), (book, incoming) => {
      const { fresh, skipped } = splitNew(incoming, book);
      expect(fresh.length + skipped).toBe(incoming.length);
      const have = count(book);
      const added = count(fresh);
      for (const [k, n] of count(incoming)) {
        expect((have.get(k) ?? 0) + (added.get(k) ?? 0)).toBeGreaterThanOrEqual(n);
        // Only what the book lacks is added.
        expect(added.get(k) ?? 0).toBe(Math.max(0, n - (have.get(k) ?? 0)));
      }
    }));
  });

  it('identity ignores line order but not amounts, accounts, summaries, dates or numbers', () => {
    const v: Voucher = { date: '2025-03-01', number: '1', summary: 's', lines: [{ account: '102', debit: 5, credit: 0 }, { account: '501', debit: 0, credit: 5 }] };
    const id = voucherIdentity(v);
    expect(voucherIdentity({ ...v, lines: [...v.lines].reverse() })).toBe(id);
    expect(voucherIdentity({ ...v, number: '2' })).not.toBe(id);
    expect(voucherIdentity({ ...v, date: '2025-03-02' })).not.toBe(id);
    expect(voucherIdentity({ ...v, summary: 't' })).not.toBe(id);
    expect(voucherIdentity({ ...v, lines: [{ account: '102', debit: 6, credit: 0 }, { account: '501', debit: 0, credit: 6 }] })).not.toBe(id);
    // A line summary equal to the voucher's is the same line as one without.
    expect(voucherIdentity({ ...v, lines: v.lines.map((l) => ({ ...l, summary: 's' })) })).toBe(id);
  });
});
