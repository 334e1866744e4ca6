import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, installCustomFunctionsStub } from './excel-stub';

type Fns = typeof import('../../src/functions/functions');
let f: Fns;

beforeAll(async () => {
  installCustomFunctionsStub();
  f = await import('../../src/functions/functions');
});

const NULL = null as unknown as undefined;

/**
 * DOMAIN.md §8 示例村 2025: opening balances as lines, then the ten vouchers, as a worksheet
 * would hold them (codes as numbers or text, blanks for the empty side). Voucher 1's and 2's
 * income is booked to sub-accounts 50101 and 50102.
 */
const ROWS: [number | string, number | null, number | null][] = [
  [101, 2000, null], [102, 180000, null], [151, 500000, null], [152, null, 100000],
  [301, null, 500000], [311, null, 60000], [322, null, 22000],
  [102, 60000, null], ['50101', null, 60000],
  [102, 35400, null], [50102, null, 35400],
  [102, 12000, null], [502, null, 12000],
  [102, 50000, null], [503, null, 50000],
  [102, 24000, null], [501, null, 24000],
  [511, 3500, null], [102, null, 3500],
  [513, 8200, null], [101, null, 1200], [102, null, 7000],
  [514, 30000, null], [102, null, 30000],
  [513, 10000, null], [152, null, 10000],
  [102, 800, null], [504, null, 800],
];
const codes = ROWS.map((r) => [r[0]]);
const debits = ROWS.map((r) => [r[1]]);
const credits = ROWS.map((r) => [r[2]]);

describe('BALANCE over ledger ranges (worked example)', () => {
  it('gives the closing balances of DOMAIN §8 (net debit; credit balances negative)', () => {
    expect(f.balance(codes, debits, credits, 102, NULL)).toBe(321700);
    expect(f.balance(codes, debits, credits, 101, NULL)).toBe(800);
    expect(f.balance(codes, debits, credits, '152', NULL)).toBe(-110000);
  });

  it('includes sub-accounts by default, and only the code itself with FALSE', () => {
    expect(f.balance(codes, debits, credits, 501, NULL)).toBe(-119400);
    expect(f.balance(codes, debits, credits, 501, true)).toBe(-119400);
    expect(f.balance(codes, debits, credits, 501, false)).toBe(-24000);
    expect(f.balance(codes, debits, credits, 50101, NULL)).toBe(-60000);
  });

  it('rejects unknown accounts, ragged ranges, amounts without a code and fractions of a fen', () => {
    expect(errorOf(() => f.balance(codes, debits, credits, 999, NULL))).toBe('#VALUE!');
    expect(errorOf(() => f.balance(codes, debits, credits, '5O1', NULL))).toBe('#VALUE!');
    expect(errorOf(() => f.balance(codes, debits.slice(1), credits, 102, NULL))).toBe('#VALUE!');
    expect(errorOf(() => f.balance([[null]], [[5]], [[null]], 102, NULL))).toBe('#VALUE!');
    expect(errorOf(() => f.balance([[102]], [[12.345]], [[null]], 102, NULL))).toBe('#VALUE!');
    expect(errorOf(() => f.balance([[102]], [[12]], [[null]], 102, 'yes' as unknown as boolean))).toBe('#VALUE!');
  });

  it('skips rows that are wholly blank', () => {
    expect(f.balance([[102], [null], ['']], [[5.5], [null], ['']], [[null], [null], [null]], 102, NULL)).toBe(5.5);
  });
});

describe('OPINCOME and the village class', () => {
  it('is 501 + 502 net credit: 131,400.00 → 一般村', () => {
    const income = f.opIncome(codes, debits, credits);
    expect(income).toBe(131400);
    expect(f.classify(income, NULL)).toBe('一般村');
  });
});

describe('ACCOUNTNAME', () => {
  it('names first-level accounts of the 2023 chart', () => {
    expect(f.accountName(501)).toBe('经营收入');
    expect(f.accountName('102')).toBe('银行存款');
    expect(f.accountName(322)).toBe('收益分配');
  });

  it('is #VALUE! for codes it cannot name', () => {
    expect(errorOf(() => f.accountName(999))).toBe('#VALUE!');
    expect(errorOf(() => f.accountName(50101))).toBe('#VALUE!');
    expect(errorOf(() => f.accountName('50a'))).toBe('#VALUE!');
    expect(errorOf(() => f.accountName(null))).toBe('#VALUE!');
  });
});
