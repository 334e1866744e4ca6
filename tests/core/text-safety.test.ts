import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormulaText } from '../../src/core/text-safety';

const LEADS = ['=', '+', '-', '@', '\t', '\r'];

describe('neutraliseFormulaText', () => {
  it('quotes text a spreadsheet would run, and only that', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
      ['+cmd|\' /C calc\'!A0', `'+cmd|' /C calc'!A0`],
      ['-1+1', "'-1+1"],
      ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', "'\r=1+1"],
      ['收到土地发包款', '收到土地发包款'],
      ['记-0001', '记-0001'],
      ['a=b', 'a=b'],
      [' =1', ' =1'],
      ['', ''],
      ['＝1+1', '＝1+1'], // full-width equals is text to every spreadsheet
    ];
    for (const [input, out] of cases) expect([input, neutraliseFormulaText(input)]).toEqual([input, out]);
  });

  it('property: the result never starts a formula, and removing the added apostrophe gives the input back', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.tuple(fc.constantFrom(...LEADS), fc.string({ maxLength: 20 })).map(([a, b]) => a + b)), (s) => {
        cases++;
        const out = neutraliseFormulaText(s);
        return !LEADS.includes(out.charAt(0)) && (out === s || out === `'${s}`);
      }),
      { numRuns: 1000, seed: 14 },
    );
    console.log(`formula-injection: ${cases} cases`);
  });
});
