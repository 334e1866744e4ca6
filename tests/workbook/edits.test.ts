/** Edit addresses as rows (live checks): the A1 forms Excel's change events give, and span merging. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSpans, rowSpansOfAddress } from '../../src/workbook/edits';

describe('rowSpansOfAddress', () => {
  it('reads cells, ranges, whole rows, whole columns, several areas and sheet prefixes', () => {
    expect(rowSpansOfAddress('E5')).toEqual([{ from: 5, to: 5 }]);
    expect(rowSpansOfAddress('B3:D5')).toEqual([{ from: 3, to: 5 }]);
    expect(rowSpansOfAddress('$B$9:$D$7')).toEqual([{ from: 7, to: 9 }]);
    expect(rowSpansOfAddress('4:6')).toEqual([{ from: 4, to: 6 }]);
    expect(rowSpansOfAddress('C:C')).toEqual([{ from: 1, to: Infinity }]);
    expect(rowSpansOfAddress("凭证!A2:L2, A10")).toEqual([{ from: 2, to: 2 }, { from: 10, to: 10 }]);
    // An address it cannot read is the whole sheet: an edit is never missed.
    expect(rowSpansOfAddress('#REF!')).toEqual([{ from: 1, to: Infinity }]);
    expect(rowSpansOfAddress('')).toEqual([{ from: 1, to: Infinity }]);
  });
});

describe('mergeSpans', () => {
  it('keeps every row and no other, in sorted spans that neither overlap nor touch', () => {
    const span = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 8 })).map(([from, n]) => ({ from, to: from + n }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (spans) => {
        const out = mergeSpans(spans);
        const rows = (ss: readonly { from: number; to: number }[]): number[] => [...new Set(ss.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i)))].sort((a, b) => a - b);
        expect(rows(out)).toEqual(rows(spans));
        for (let i = 1; i < out.length; i++) expect(out[i]!.from).toBeGreaterThan(out[i - 1]!.to + 1);
      }),
      { numRuns: 300 },
    );
    // By hand: 3–5 and 6–6 touch (one span 3–6); 9–9 stays apart.
    expect(mergeSpans([{ from: 9, to: 9 }, { from: 6, to: 6 }, { from: 3, to: 5 }])).toEqual([{ from: 3, to: 6 }, { from: 9, to: 9 }]);
  });
});
