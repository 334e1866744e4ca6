import { describe, expect, it } from 'vitest';
import { parseMonths, parsePaymentRule, parseYearValues } from '../../../src/core/income/contract-text';

const shares = (s: string) => {
  const r = parsePaymentRule(s);
  return r?.kind === 'annual' ? r.instalments.map((i) => [i.month, i.day, i.share.toString(), i.nextYear]) : r;
};

describe('合同 cell text', () => {
  it('reads 收款日 forms', () => {
    expect(parsePaymentRule('每月15')).toEqual({ kind: 'monthly', day: 15 });
    expect(shares('03-01')).toEqual([[3, 1, '1', false]]);
    expect(shares('次年03-31')).toEqual([[3, 31, '1', true]]);
    expect(shares('6月15日；10月1日')).toEqual([[6, 15, '0.5', false], [10, 1, '0.5', false]]);
    expect(shares('06-15:60%;10-01:40%')).toEqual([[6, 15, '0.6', false], [10, 1, '0.4', false]]);
  });
  it('refuses shares that do not add up, 29 February and nonsense', () => {
    expect(parsePaymentRule('06-15:60%;10-01:30%')).toBeUndefined();
    expect(parsePaymentRule('06-15:60%;10-01')).toBeUndefined();
    expect(parsePaymentRule('02-29')).toBeUndefined();
    expect(parsePaymentRule('每月32')).toBeUndefined();
    expect(parsePaymentRule('年底')).toBeUndefined();
  });
  it('reads year-value lists and batch months', () => {
    const v = parseYearValues('2024:1.18；2025：1.20')!;
    expect([v.all, v.byYear.get(2024)?.toString(), v.byYear.get(2025)?.toString()]).toEqual([undefined, '1.18', '1.2']);
    expect(parseYearValues('1.18')?.all?.toString()).toBe('1.18');
    expect(parseYearValues('1.18 元')).toBeUndefined();
    expect(parseMonths('9;3;9')).toEqual([3, 9]);
    expect(parseMonths('13')).toBeUndefined();
  });
});
