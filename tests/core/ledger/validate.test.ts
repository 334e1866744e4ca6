import { describe, expect, it } from 'vitest';
import { validateOpening, validateVouchers } from '../../../src/core/ledger/validate';
import { checkLock, reverseVoucher } from '../../../src/core/ledger/close';
import { lockDigest } from '../../../src/core/ledger/lock-digest';
import type { BookSettings, Voucher, VoucherLine } from '../../../src/core/ledger/types';
import { cr, dr, exampleChart, exampleOpening, exampleSettings, exampleVouchers, y } from './example-village';

const chart = exampleChart();
const settings = exampleSettings;
const at = (row: number) => ({ sheet: '凭证', row });
const src = (l: VoucherLine, row: number): VoucherLine => ({ ...l, source: at(row) });
const good: Voucher = { date: '2025-05-06', number: '1', summary: '收到租金', lines: [src(dr('101', 500), 2), src(cr('501', 500), 3)] };
const rules = (vs: Voucher[], s: BookSettings = settings, existing?: Voucher[]) =>
  validateVouchers(vs, existing ? { chart, settings: s, existing } : { chart, settings: s }).map((f) => f.rule);
const only = (v: Partial<Voucher>) => [{ ...good, ...v }];

describe('validateVouchers, one rule at a time', () => {
  it('passes a good voucher', () => {
    expect(rules([good])).toEqual([]);
  });
  it('voucher.unbalanced, pointing at the first line', () => {
    const fs = validateVouchers(only({ lines: [src(dr('101', 500), 2), src(cr('501', 499), 3)] }), { chart, settings });
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'voucher.unbalanced', severity: 'error', sheet: '凭证', row: 2, column: '借方金额' });
    expect(fs[0]!.zh).toContain('借方500.00，贷方499.00');
  });
  it('line.unknown-account', () => {
    const fs = validateVouchers(only({ lines: [src(dr('109', 500), 2), src(cr('501', 500), 3)] }), { chart, settings });
    expect(fs.map((f) => [f.rule, f.row, f.column])).toEqual([['line.unknown-account', 2, '科目编码']]);
  });
  it('line.not-leaf: 322 has sub-accounts', () => {
    expect(rules(only({ lines: [dr('101', 5), cr('322', 5)] }))).toEqual(['line.not-leaf']);
    expect(rules(only({ lines: [dr('101', 5), cr('32202', 5)] }))).toEqual([]);
  });
  it('line.both-sides', () => {
    expect(rules(only({ lines: [{ account: '101', debit: 500, credit: 500 }, dr('102', 5), cr('501', 5)] }))).toEqual(['line.both-sides']);
  });
  it('line.zero', () => {
    expect(rules(only({ lines: [dr('101', 5), cr('501', 5), { account: '102', debit: 0, credit: 0 }] }))).toEqual(['line.zero']);
  });
  it('line.negative outside a reversal; allowed in a mirroring red-ink reversal', () => {
    expect(rules(only({ lines: [{ account: '101', debit: -500, credit: 0 }, { account: '501', debit: 0, credit: -500 }] }))).toEqual(['line.negative', 'line.negative']);
    const rev = reverseVoucher(good, { date: '2025-06-01', number: '1' });
    expect(rules([good, rev])).toEqual([]);
  });
  it('voucher.bad-reversal when the reversed voucher is missing or not mirrored', () => {
    const rev = reverseVoucher(good, { date: '2025-06-01', number: '1' });
    expect(rules([rev])).toEqual(['voucher.bad-reversal', 'line.negative', 'line.negative']);
    const wrong = { ...rev, lines: [{ account: '101', debit: -400, credit: 0 }, { account: '501', debit: 0, credit: -400 }] };
    expect(rules([good, wrong])).toEqual(['voucher.bad-reversal', 'line.negative', 'line.negative']);
  });
  it('voucher.outside-year', () => {
    expect(rules(only({ date: '2024-12-31' }))).toEqual(['voucher.outside-year']);
    expect(rules(only({ date: '2025-12-31' }))).toEqual([]);
  });
  it('voucher.locked-period: adding to a locked month', () => {
    const locked = { ...settings, lockedThrough: '2025-05' };
    expect(rules([good], locked, [])).toEqual(['voucher.locked-period']);
    expect(rules([{ ...good, date: '2025-06-01' }], locked, [])).toEqual([]);
  });
  it('voucher.locked-period: a locked month changed since the lock (whole book)', () => {
    const digest = lockDigest(exampleVouchers, '2025-06');
    const locked = { ...settings, lockedThrough: '2025-06', lockDigest: digest };
    expect(rules(exampleVouchers, locked)).toEqual([]);
    const edited = exampleVouchers.map((v, i) => (i === 1 ? { ...v, lines: [dr('102', 35_401), cr('501', 35_401)] } : v));
    expect(rules(edited, locked)).toEqual(['voucher.locked-period']);
    // Later months may change freely.
    const later = exampleVouchers.map((v, i) => (i === 8 ? { ...v, summary: '计提12月折旧' } : v));
    expect(rules(later, locked)).toEqual([]);
  });
  it('voucher.no-summary', () => {
    expect(rules(only({ summary: '  ' }))).toEqual(['voucher.no-summary']);
  });
  it('voucher.duplicate-number: same number twice in a month, also against existing vouchers', () => {
    const twin = { ...good, date: '2025-05-20' };
    const fs = validateVouchers([good, twin], { chart, settings });
    expect(fs.map((f) => [f.rule, f.row])).toEqual([['voucher.duplicate-number', 2]]);
    expect(rules([{ ...good, date: '2025-06-20' }, good])).toEqual([]);
    expect(rules([twin], settings, [good])).toEqual(['voucher.duplicate-number']);
    // '0001' and '1' are the same number; a voucher without `source` points at the default sheet.
    const padded = { ...twin, number: '0001', lines: [dr('101', 500), cr('501', 500)] };
    expect(validateVouchers([good, padded], { chart, settings, sheet: '凭证2' }).map((f) => [f.rule, f.sheet, f.column])).toEqual([['voucher.duplicate-number', '凭证2', '凭证号']]);
  });
  it('voucher.number-gap lists the missing numbers, per month and prefix', () => {
    const n = (number: string, date = '2025-05-06') => ({ ...good, number, date });
    const fs = validateVouchers([n('记-0001'), n('记-0004'), n('记-0002'), n('1', '2025-06-01'), n('2', '2025-06-02')], { chart, settings });
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'voucher.number-gap', severity: 'warning' });
    expect(fs[0]!.zh).toContain('记-3');
    expect(fs[0]!.en).toContain('2025-05');
    expect(rules([n('2')])).toEqual(['voucher.number-gap']);
  });
});

describe('validateOpening', () => {
  it('passes the worked example', () => {
    expect(validateOpening(exampleOpening, chart)).toEqual([]);
  });
  it('opening.unbalanced with the difference', () => {
    const fs = validateOpening([...exampleOpening, { account: '101', debit: y(1), credit: 0 }], chart);
    expect(fs.map((f) => f.rule)).toEqual(['opening.unbalanced']);
    expect(fs[0]!.zh).toContain('差额1.00');
  });
  it('opening.unknown-account, opening.not-leaf, opening.both-sides', () => {
    const row = { sheet: '期初余额', row: 7 };
    expect(validateOpening([{ account: '999', debit: 1, credit: 0, source: row }, { account: '311', debit: 0, credit: 1 }], chart).map((f) => [f.rule, f.row])).toEqual([['opening.unknown-account', 7]]);
    expect(validateOpening([{ account: '322', debit: 0, credit: 1 }, { account: '101', debit: 1, credit: 0 }], chart).map((f) => f.rule)).toEqual(['opening.not-leaf']);
    expect(validateOpening([{ account: '101', debit: 1, credit: 1 }], chart).map((f) => f.rule)).toEqual(['opening.both-sides']);
    expect(validateOpening([{ account: '513', debit: 1, credit: 0 }, { account: '311', debit: 0, credit: 1 }], chart).map((f) => [f.rule, f.severity])).toEqual([['opening.pl-balance', 'warning']]);
  });
});

describe('checkLock', () => {
  const book = { chart, settings, vouchers: exampleVouchers };
  it('locks clean months and returns the digest to store', () => {
    const r = checkLock('2025-06', book);
    expect(r.ok).toBe(true);
    expect(r.digest).toBe(lockDigest(exampleVouchers, '2025-06'));
  });
  it('refuses months with invalid vouchers, outside the year, or backwards', () => {
    const bad = [...exampleVouchers, { ...good, lines: [dr('101', 5), cr('501', 4)] }];
    expect(checkLock('2025-06', { ...book, vouchers: bad }).findings.map((f) => f.rule)).toEqual(['lock.invalid-vouchers', 'voucher.unbalanced']);
    expect(checkLock('2025-04', { ...book, vouchers: bad }).ok).toBe(true);
    expect(checkLock('2026-01', book).findings.map((f) => f.rule)).toEqual(['lock.outside-year']);
    expect(checkLock('2025-03', { ...book, settings: { ...settings, lockedThrough: '2025-05' } }).findings.map((f) => f.rule)).toEqual(['lock.backwards']);
  });
});
