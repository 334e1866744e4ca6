import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChineseCapitals } from '../../src/core/money-capitals';

describe('toChineseCapitals (大写金额)', () => {
  it.each([
    // 1,234.50: 壹仟 贰佰 叁拾 肆 元, 伍 角, no 分 → 整.
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [1000, '壹拾元整'],
    // 1,000.05: the empty 角 is read 零.
    [100005, '壹仟元零伍分'],
    // 1,680.32: zero units digit before 角 → 零.
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    // 100,100.00: 壹拾万, then 0100 → 零壹佰.
    [10010000, '壹拾万零壹佰元整'],
    // 10,001.00: one 零 for the run 000.
    [1000100, '壹万零壹元整'],
    // 100,000,001.00: 亿, an empty 万 group, then 零壹.
    [10000000100, '壹亿零壹元整'],
    // 130,500.00 — the worked example's 收益总额.
    [13050000, '壹拾叁万零伍佰元整'],
    [-123450, '负壹仟贰佰叁拾肆元伍角整'],
  ])('%i fen → %s', (fen, text) => {
    expect(toChineseCapitals(fen)).toBe(text);
  });

  it('refuses a fraction of a fen', () => {
    expect(() => toChineseCapitals(1.5)).toThrow(RangeError);
  });

  it('reads back to the same amount (property)', () => {
    const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
    const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
    // An independent reader: sum digit × unit within 万/亿 sections.
    const read = (s: string): number => {
      const [yuanPart = '', rest = ''] = s.includes('元') ? s.split('元') : ['', s];
      let total = 0;
      let section = 0;
      let d = 0;
      for (const ch of yuanPart) {
        if (ch in digit) d = digit[ch]!;
        else if (ch in small) { section += d * small[ch]!; d = 0; }
        else if (ch === '万') { total += (section + d) * 10_000; section = 0; d = 0; }
        else if (ch === '亿') { total = (total + section + d) * 100_000_000; section = 0; d = 0; }
      }
      total += section + d;
      let fen = total * 100;
      const jiao = /(.)角/.exec(rest);
      const f = /(.)分/.exec(rest);
      if (jiao) fen += digit[jiao[1]!]! * 10;
      if (f) fen += digit[f[1]!]!;
      return fen;
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999_999_99 }), (fen) => read(toChineseCapitals(fen)) === fen));
  });
});
