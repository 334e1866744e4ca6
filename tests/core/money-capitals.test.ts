import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToCapitals } from '../../src/core/money-capitals';

/** Reads capitals back into fen (the test's own inverse): every written digit times its place. */
function capitalsToFen(s: string): number {
  const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
  const sign = s.startsWith('负') ? -1 : 1;
  let rest = s.replace(/^负/, '').replace(/整$/, '');
  let fen = 0;
  const fraction = /元?(?:零?(\S)角)?(?:零?(\S)分)?$/.exec(rest.replace(/^.*元/, '元'));
  if (rest.includes('元')) {
    const [yuanPart] = rest.split('元') as [string];
    let total = 0;
    let section = 0;
    let current = 0;
    for (const ch of yuanPart) {
      if (ch in digit) current = digit[ch] as number;
      else if (ch === '拾' || ch === '佰' || ch === '仟') {
        section += current * { 拾: 10, 佰: 100, 仟: 1000 }[ch];
        current = 0;
      } else if (ch === '万') {
        total = (total % 1e8) + (section + current) * 1e4 + Math.floor(total / 1e8) * 1e8;
        section = 0;
        current = 0;
      } else if (ch === '亿') {
        total = (total + section + current) * 1e8;
        section = 0;
        current = 0;
      }
    }
    fen = (total + section + current) * 100;
    rest = rest.slice(yuanPart.length + 1);
  }
  if (fraction?.[1] !== undefined && rest.includes('角')) fen += (digit[fraction[1]] ?? NaN) * 10;
  if (fraction?.[2] !== undefined && rest.includes('分')) fen += digit[fraction[2]] ?? NaN;
  return sign * fen;
}

describe('fenToCapitals (大写金额)', () => {
  it.each([
    [123450, '壹仟贰佰叁拾肆元伍角整'], // 1,234.50
    [123400, '壹仟贰佰叁拾肆元整'],
    [5376050, '伍万叁仟柒佰陆拾元零伍角整'], // 53,760.50: 元 ends in 0, then 角
    [168032, '壹仟陆佰捌拾元零叁角贰分'], // 1,680.32 (支付结算办法's example)
    [32504, '叁佰贰拾伍元零肆分'], // 325.04
    [140950, '壹仟肆佰零玖元伍角整'], // 1,409.50
    [600714, '陆仟零柒元壹角肆分'], // 6,007.14
    [10700053, '壹拾万柒仟元零伍角叁分'], // 107,000.53
    [100400, '壹仟零肆元整'], // 1,004
    [1000, '壹拾元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [32, '叁角贰分'],
    [0, '零元整'],
    [10050000, '壹拾万零伍佰元整'], // 100,500: the 万 group ends, then 0500
    [100001000, '壹佰万零壹拾元整'], // 1,000,010
    [10500000000, '壹亿零伍佰万元整'], // 105,000,000
    [10000000500, '壹亿零伍元整'], // 100,000,005: an empty 万 group writes no 万
    [-123450, '负壹仟贰佰叁拾肆元伍角整'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToCapitals(fen)).toBe(text);
  });

  it('reads back to the same amount, for every amount up to a trillion yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (fen) => {
        const s = fenToCapitals(fen);
        expect(capitalsToFen(s)).toBe(fen);
        // 整 exactly when there is no 分; never two 零 in a row; no 零 before 元/万/亿.
        expect(s.endsWith('整')).toBe(Math.abs(fen) % 10 === 0);
        if (fen !== 0) expect(s).not.toMatch(/零零|零[元万亿]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a fraction of a fen', () => {
    expect(() => fenToCapitals(1.5)).toThrow(RangeError);
  });
});
