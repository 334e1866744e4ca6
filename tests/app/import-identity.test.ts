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

/** splitNew as first written: every voucher's full key on both sides, then a multiset match. */
function splitNewByFullKeys(incoming: readonly Voucher[], book: readonly Voucher[]): { fresh: Voucher[]; skipped: number } {
  const have = count(book);
  const fresh: Voucher[] = [];
  let skipped = 0;
  for (const v of incoming) {
    const n = have.get(voucherIdentity(v)) ?? 0;
    if (n > 0) {
      have.set(voucherIdentity(v), n - 1);
      skipped++;
    } else fresh.push(v);
  }
  return { fresh, skipped };
}

describe('import identity (multiset of vouchers)', () => {
  it('keys only vouchers whose date and number are on the book, with the result of keying them all', () => {
    // Same fresh vouchers (the very objects, in order) and the same count skipped.
    fc.assert(fc.property(fc.array(voucher, { maxLength: 16 }), fc.array(voucher, { maxLength: 16 }), (book, incoming) => {
      const r = splitNew(incoming, book);
      const ref = splitNewByFullKeys(incoming, book);
      expect(r.skipped).toBe(ref.skipped);
      expect(r.fresh.length).toBe(ref.fresh.length);
      r.fresh.forEach((v, i) => expect(v).toBe(ref.fresh[i]));
    }), { numRuns: 500 });
    // Hand-worked: the book has 3/1 No.1 (102 5 | 501 5) twice. The file has it once as '1' and
    // once as ' 1' (the number is compared trimmed): both skipped; 3/1 No.1 with 6 fen and 3/2 No.1 are new.
    const mk = (day: number, number: string, fen: number): Voucher => ({ date: `2025-03-0${day}`, number, summary: '收租', lines: [{ account: '102', debit: fen, credit: 0 }, { account: '501', debit: 0, credit: fen }] });
    const r = splitNew([mk(1, '1', 5), mk(1, '1', 6), mk(2, '1', 5), mk(1, ' 1', 5), mk(1, '1', 5)], [mk(1, '1', 5), mk(1, '1', 5)]);
    expect(r.skipped).toBe(2);
    expect(r.fresh.map((v) => [v.date, v.number, v.lines[0]!.debit])).toEqual([['2025-03-01', '1', 6], ['2025-03-02', '1', 5], ['2025-03-01', '1', 5]]);
  });

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
