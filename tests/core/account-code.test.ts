import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAccountCode, isAccountCodeAt, isWithinAccount } from '../../src/core/chart/account-code';

describe('the account-code format (one definition for chart, codecs, CSV, CUN.*, schemas)', () => {
  it('is 3 digits plus 2 per sub-level, at most 15 (seven levels)', () => {
    expect(['501', '50101', '5010101', '101010101010101'].map(isAccountCode)).toEqual([true, true, true, true]);
    // 2, 4 and 6 digits are not a level; 17 digits is past the cap; no signs, spaces or letters.
    expect(['50', '5010', '501010', '10101010101010101', ' 501', '50a', '-501', ''].map(isAccountCode)).toEqual([false, false, false, false, false, false, false, false]);
    expect(isAccountCodeAt('科目:50101;', 3, 8)).toBe(true);
  });

  it('agrees with its definition in words on any digit string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,18}$/), (s) => {
        const words = s.length >= 3 && s.length <= 15 && s.length % 2 === 1;
        expect(isAccountCode(s)).toBe(words);
      }),
    );
  });

  it('knows which codes sit under an account', () => {
    expect(isWithinAccount('50101', '501')).toBe(true);
    expect(isWithinAccount('501', '501')).toBe(true);
    expect(isWithinAccount('50201', '501')).toBe(false);
    // '5011' is not a sub-account of 501 (a level adds two digits).
    expect(isWithinAccount('5011', '501')).toBe(false);
  });
});
