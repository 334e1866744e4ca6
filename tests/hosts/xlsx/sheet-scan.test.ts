/**
 * The sheet scanner reads a worksheet part's bytes (src/hosts/xlsx/sheet-read.ts). Generated
 * sheets carry, for every cell, the value it must read as: numbers in every form a writer uses,
 * shared, inline and rich-text strings with phonetic runs, cached formula results, booleans,
 * errors and empty cells, with and without `r` attributes, an `x:` prefix, either quote, extra
 * attributes, comments, CJK and escaped text (ECMA-376 Part 1, 18.3.1.4 c, 18.3.1.73 row).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/hosts/xlsx/limits';
import { scanSheet, type RowSpan, type SheetReadContext } from '../../../src/hosts/xlsx/sheet-read';
import { EMPTY_STYLES, Styles } from '../../../src/hosts/xlsx/styles';
import { escapeAttr, escapeText } from '../../../src/hosts/xlsx/xml';
import type { Scalar } from '../../../src/workbook/port';

const SST = ['甲', 'b&c', ' 空 格 '];
const ctx: SheetReadContext = { sharedStrings: () => SST, styles: new Styles(EMPTY_STYLES), date1904: false, limits: DEFAULT_LIMITS };

/** A cell's markup (without its `r`) and what it must read as (undefined: no value, not reported). */
interface GenCell {
  attrs: string;
  inner: string | undefined;
  want: Scalar | undefined;
}

// No CR: XML readers may fold it, and no writer of ours emits it inside text.
const text = fc.string({ unit: fc.oneof(fc.constantFrom('村', '账', 'é', '😀', '&', '<', '>', '"', ' ', '\n', '\t', '_x0041_', '\u0001'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })), maxLength: 12 }).map((s) => s.replace(/\r/g, ''));
const t = (s: string): string => (/^\s|\s$/.test(s) ? `<t xml:space="preserve">${escapeText(s)}</t>` : `<t>${escapeText(s)}</t>`);

const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
  fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  fc.constantFrom('0', '-0', '007', '12.50', '1.5E-3', '2e10', '123456789012345', '1234567890123456789', '0.1234567890123456', ' 42 ', '.5', '5.'),
);

const cell: fc.Arbitrary<GenCell> = fc.oneof(
  numberText.map((v) => ({ attrs: ' s="2"', inner: `<v>${v}</v>`, want: Number(v) })),
  fc.integer({ min: 0, max: SST.length - 1 }).map((i) => ({ attrs: ' t="s"', inner: `<v>${i}</v>`, want: SST[i] })),
  text.map((s) => ({ attrs: ' t="inlineStr"', inner: `<is>${t(s)}</is>`, want: s })),
  fc.tuple(text, text).map(([a, b]) => ({
    attrs: ' t="inlineStr"',
    inner: `<is><r><rPr><b/></rPr>${t(a)}</r><rPh sb="0" eb="1"><t>ピン</t></rPh><r>${t(b)}</r><phoneticPr fontId="1"/></is>`,
    want: a + b,
  })),
  text.map((s) => ({ attrs: ' t="str"', inner: `<f>CONCAT(A1,"&amp;")</f><v>${escapeText(s)}</v>`, want: s })),
  fc.boolean().map((b) => ({ attrs: ' t="b"', inner: `<v>${b ? 1 : 0}</v>`, want: b })),
  fc.constantFrom('#REF!', '#N/A', '#DIV/0!').map((e) => ({ attrs: ' t="e"', inner: `<f>1/0</f><v>${e}</v>`, want: e })),
  fc.constant({ attrs: ' s="3"', inner: undefined, want: undefined }),
  fc.constant({ attrs: '', inner: '<f>SUM(A1:A2)</f>', want: undefined }),
  fc.constant({ attrs: ' t="s"', inner: '<v/>', want: SST[0] }),
);

interface GenRow {
  gap: number;
  withR: boolean;
  cells: { gap: number; withR: boolean; c: GenCell; comment: boolean }[];
}

const row: fc.Arbitrary<GenRow> = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  withR: fc.boolean(),
  cells: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 30 }), withR: fc.boolean(), c: cell, comment: fc.boolean() }), { maxLength: 8 }),
});

const letters = (col: number): string => {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The sheet part and the cells it must read as, in order. */
function sheet(rows: GenRow[], prefix: string, quote: string): { xml: string; want: [number, number, Scalar][]; rows: number[] } {
  const p = prefix;
  const q = (v: string): string => `${quote}${escapeAttr(v)}${quote}`;
  const want: [number, number, Scalar][] = [];
  const rowNumbers: number[] = [];
  let r = 0;
  let body = '';
  for (const g of rows) {
    // A row without r follows the previous one (gap 1).
    r += g.withR ? g.gap : 1;
    rowNumbers.push(r);
    let c = -1;
    let cells = '';
    for (const x of g.cells) {
      c += x.withR ? x.gap : 1;
      const ref = x.withR ? ` r=${q(`${letters(c)}${r}`)}` : '';
      const attrs = x.c.attrs.replace(/"/g, quote);
      cells += `${x.comment ? '<!-- a <c> in a comment -->' : ''}<${p}c${ref}${attrs}${x.c.inner === undefined ? '/>' : `>${x.c.inner.replace(/<(\/?)(v|f|is|r|t|rPr|b|rPh|phoneticPr)(?=[\s/>])/g, `<$1${p}$2`)}</${p}c>`}`;
      if (x.c.want !== undefined) want.push([r, c, x.c.want]);
    }
    const rAttr = g.withR ? ` r=${q(String(r))}` : '';
    body += g.cells.length === 0 ? `<${p}row${rAttr} spans="1:3"/>` : `<${p}row${rAttr} x14ac:dyDescent="0.25">${cells}</${p}row>`;
  }
  const ns = p === '' ? 'xmlns' : `xmlns:${p.slice(0, -1)}`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}dimension ref="A1"/><${p}sheetData>${body}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>`;
  return { xml, want, rows: rowNumbers };
}

describe('scanSheet over bytes', () => {
  it('reads every generated cell as the value it carries, at its row and column, and reports each row element', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom('', 'x:'), fc.constantFrom('"', "'"), (rows, prefix, quote) => {
        cases++;
        const s = sheet(rows, prefix, quote);
        const bytes = new TextEncoder().encode(s.xml);
        const got: [number, number, Scalar][] = [];
        const spans: RowSpan[] = [];
        scanSheet(bytes, ctx, { cell: (r, c, v) => got.push([r, c, v]), row: (span) => spans.push(span) });
        expect(got).toEqual(s.want);
        expect(spans.map((x) => x.r)).toEqual(s.rows);
        const dec = new TextDecoder();
        for (const span of spans) {
          const el = dec.decode(bytes.subarray(span.start, span.end));
          expect(el.startsWith(`<${prefix}row`)).toBe(true);
          expect(el.endsWith('/>') || el.endsWith(`</${prefix}row>`)).toBe(true);
        }
        // The same text given as a string reads the same.
        const again: [number, number, Scalar][] = [];
        scanSheet(s.xml, ctx, { cell: (r, c, v) => again.push([r, c, v]) });
        expect(again).toEqual(got);
      }),
      { seed: 20261129, numRuns: 400 },
    );
    console.log(`sheet scanner: ${cases} generated sheets`);
  });

  it('reads 1.23 as Number reads it, and a 16-digit or exponent number through Number itself', () => {
    const read = (v: string): Scalar => {
      let out: Scalar = null;
      scanSheet(`<worksheet><sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData></worksheet>`, ctx, { cell: (_r, _c, x) => (out = x) });
      return out;
    };
    // 123/100 is the double nearest 1.23, the same one Number('1.23') gives.
    expect(read('1.23')).toBe(1.23);
    expect(read('30707.07')).toBe(3070707 / 100);
    expect(read('1234567890123456.7')).toBe(1234567890123456.8);
    expect(read('-1.5E+3')).toBe(-1500);
    expect(Object.is(read('-0'), -0)).toBe(true);
  });
});
