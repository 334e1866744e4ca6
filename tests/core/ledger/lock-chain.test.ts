/**
 * The SHA-256 lock chain: a voucher changed, removed or inserted in a locked month is named by
 * month and number; edits to open months, reordered lines and a re-read of the same book are not.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalVoucher, extendChain, verifyChain, type ChainMonth } from '../../../src/core/ledger/lock-chain';
import type { Voucher, VoucherLine } from '../../../src/core/ledger/types';
import { webSha256 } from '../../../src/app/sha256';
import { nodeSha256 } from '../../../src/cli/sha256-node';
import { cr, dr, exampleVouchers } from './example-village';

const sha = nodeSha256;
const opts = { firstMonth: '2025-01', through: '2025-06' };
const rulesOf = (c: { findings: { rule: string }[] }): string[] => c.findings.map((f) => f.rule);

/** Six months of vouchers: several per month, so a tampered one must be told apart from its neighbours. */
function book(): Voucher[] {
  const out: Voucher[] = [...exampleVouchers];
  for (let m = 1; m <= 6; m++) {
    for (let n = 2; n <= 4; n++) {
      const date = `2025-0${m}-${String(n * 5).padStart(2, '0')}`;
      out.push({ date, number: String(n), summary: `办公费${m}-${n}`, lines: [dr('513', 100 * n + m), cr('101', 100 * n + m)] });
    }
  }
  return out;
}

describe('canonical voucher form', () => {
  it('ignores line order and a line summary equal to the voucher summary; sees every typed field', () => {
    const v: Voucher = { date: '2025-03-15', number: '7', summary: '电费', lines: [dr('102', 10), cr('501', 10)] };
    expect(canonicalVoucher({ ...v, lines: [v.lines[1]!, v.lines[0]!] })).toBe(canonicalVoucher(v));
    expect(canonicalVoucher({ ...v, lines: [{ ...v.lines[0]!, summary: '电费' }, v.lines[1]!] })).toBe(canonicalVoucher(v));
    expect(canonicalVoucher({ ...v, number: ' 7 ' })).toBe(canonicalVoucher(v));
    const variants: Voucher[] = [
      { ...v, summary: '电费 ' }, { ...v, date: '2025-03-16' }, { ...v, number: '07' }, { ...v, attachments: 1 },
      { ...v, preparer: '张' }, { ...v, reviewer: '李' }, { ...v, reverses: { month: '2025-02', number: '1' } },
      { ...v, lines: [{ ...v.lines[0]!, contract: 'HT-1' }, v.lines[1]!] }, { ...v, lines: [{ ...v.lines[0]!, counterparty: '王' }, v.lines[1]!] },
      { ...v, lines: [dr('102', 11), cr('501', 11)] }, { ...v, lines: [dr('101', 10), cr('501', 10)] },
    ];
    const texts = new Set(variants.map(canonicalVoucher));
    expect(texts.size).toBe(variants.length);
    expect(texts.has(canonicalVoucher(v))).toBe(false);
  });

  it('Web Crypto and node:crypto give the same hashes (the pane and the CLI agree)', async () => {
    const texts = book().map(canonicalVoucher);
    expect(await webSha256(texts)).toEqual(await nodeSha256(texts));
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(await webSha256(['abc'])).toEqual(['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']);
  });
});

describe('extendChain and verifyChain', () => {
  it('records one month per locked month, chained, and verifies an untouched book', async () => {
    const vs = book();
    const chain = await extendChain([], vs, opts, sha);
    expect(chain.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    // January: example voucher 1 + numbers 2..4 = 4 vouchers; February: only 2..4.
    expect(chain.map((m) => m.vouchers.length)).toEqual([4, 3, 4, 3, 3, 4]);
    // The month hash is SHA-256 of the month text, which includes the previous month's hash.
    expect(chain[1]!.hash).not.toBe(chain[0]!.hash);
    const check = await verifyChain(chain, vs, '2025-06', sha);
    expect(check.findings).toEqual([]);
    expect(check.head).toBe(chain[5]!.hash);
    expect(check.intactMonths).toHaveLength(6);
    // Lines reordered and the book re-read in another order: not an edit.
    const shuffled = [...vs].reverse().map((v) => ({ ...v, lines: [...v.lines].reverse() }));
    expect(rulesOf(await verifyChain(chain, shuffled, '2025-06', sha))).toEqual([]);
  });

  it('extending keeps earlier months as recorded, so a later lock does not bless an earlier edit', async () => {
    const vs = book();
    const first = await extendChain([], vs, { firstMonth: '2025-01', through: '2025-03' }, sha);
    const edited = vs.map((v) => (v.date === '2025-02-10' ? { ...v, summary: '改过' } : v));
    const longer = await extendChain(first, edited, opts, sha);
    expect(longer.slice(0, 3)).toEqual(first);
    const check = await verifyChain(longer, edited, '2025-06', sha);
    expect(check.findings.map((f) => [f.rule, f.en])).toEqual([['lock.voucher-changed', 'Voucher 2 of locked month 2025-02 was changed after the lock']]);
  });

  it('names a changed, a removed and an inserted voucher with month and number, and points at the row', async () => {
    const vs: Voucher[] = book().map((v) => ({ ...v, lines: v.lines.map((l, i): VoucherLine => ({ ...l, source: { sheet: '凭证', row: 100 + i } })) }));
    const chain = await extendChain([], vs, opts, sha);
    const tampered = vs
      .filter((v) => !(v.date === '2025-04-15' && v.number === '3'))
      .map((v) => (v.date === '2025-03-15' && v.number === '1' ? { ...v, lines: v.lines.map((l) => ({ ...l, debit: l.debit && 3_540_100, credit: l.credit && 3_540_100 })) } : v));
    tampered.push({ date: '2025-05-28', number: '9', summary: '补记', lines: [{ ...dr('102', 10), source: { sheet: '凭证', row: 999 } }, cr('504', 10)] });
    // An open month changes freely.
    tampered.push({ date: '2025-07-01', number: '9', summary: '七月', lines: [dr('102', 10), cr('504', 10)] });
    const check = await verifyChain(chain, tampered, '2025-06', sha);
    expect(check.findings.map((f) => [f.rule, f.zh, f.row])).toEqual([
      ['lock.voucher-changed', '已结账的2025-03第1号凭证在结账后被修改', 100],
      ['lock.voucher-removed', '已结账的2025-04第3号凭证在结账后被删除（或改了日期、凭证号）', undefined],
      ['lock.voucher-inserted', '已结账的2025-05在结账后多出第9号凭证', 999],
    ]);
    expect(check.intactMonths).toEqual(['2025-01', '2025-02', '2025-06']);
  });

  it('a voucher moved to another locked month is removed from one and inserted into the other', async () => {
    const vs = book();
    const chain = await extendChain([], vs, opts, sha);
    const moved = vs.map((v) => (v.date === '2025-02-20' ? { ...v, date: '2025-01-20', number: '8' } : v));
    expect(rulesOf(await verifyChain(chain, moved, '2025-06', sha))).toEqual(['lock.voucher-inserted', 'lock.voucher-removed']);
  });

  it('an edited record, a lock moved back and a lock moved on without hashing are findings', async () => {
    const vs = book();
    const chain = await extendChain([], vs, opts, sha);
    const forged: ChainMonth[] = chain.map((m, i) => (i === 2 ? { ...m, hash: 'f'.repeat(64) } : m));
    // Month 3's own record no longer matches; month 4 still chains to the forged hash, so it breaks too.
    expect(rulesOf(await verifyChain(forged, vs, '2025-06', sha))).toEqual(['lock.chain-broken', 'lock.chain-broken']);
    expect(rulesOf(await verifyChain(chain, vs, '2025-04', sha))).toEqual(['lock.moved-back']);
    expect(rulesOf(await verifyChain(chain, vs, undefined, sha))).toEqual(['lock.moved-back']);
    expect(rulesOf(await verifyChain(chain, vs, '2025-08', sha))).toEqual(['lock.chain-incomplete']);
    expect(rulesOf(await verifyChain([], vs, '2025-02', sha))).toEqual(['lock.chain-incomplete']);
  });

  it('property: any single edit to a voucher of a locked month is found and names that month and number', async () => {
    const vs = book();
    const chain = await extendChain([], vs, opts, sha);
    const locked = vs.map((v, i) => [v, i] as const).filter(([v]) => v.date <= '2025-06-31');
    const edit = fc.constantFrom('amount', 'account', 'summary', 'day', 'number', 'remove', 'insert', 'preparer', 'contract');
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: locked.length - 1 }), edit, fc.integer({ min: 1, max: 9_999_999 }), async (k, what, n) => {
        cases++;
        const [orig, idx] = locked[k]!;
        const month = orig.date.slice(0, 7);
        const all = [...vs];
        const changed: Voucher = { ...orig, lines: orig.lines.map((l) => ({ ...l })) };
        if (what === 'amount') changed.lines = [dr('102', 1 + (n % 1000)), cr('501', 1 + (n % 1000))];
        if (what === 'account') changed.lines = changed.lines.map((l) => ({ ...l, account: l.account === '504' ? '503' : '504' }));
        if (what === 'summary') changed.summary = `${orig.summary}${n}`;
        if (what === 'day') changed.date = `${month}-${orig.date.slice(8) === '28' ? '27' : '28'}`;
        if (what === 'number') changed.number = `${n + 100}`;
        if (what === 'preparer') changed.preparer = `会计${n}`;
        if (what === 'contract') changed.lines = changed.lines.map((l, i) => (i === 0 ? { ...l, contract: `HT-${n}` } : l));
        if (what === 'remove') all.splice(idx, 1);
        else if (what === 'insert') all.push({ ...changed, number: `${n + 100}` });
        else all[idx] = changed;
        const check = await verifyChain(chain, all, '2025-06', sha);
        const expected = what === 'remove' ? ['lock.voucher-removed'] : what === 'insert' ? ['lock.voucher-inserted'] : what === 'number' ? ['lock.voucher-inserted', 'lock.voucher-removed'] : ['lock.voucher-changed'];
        expect(rulesOf(check).sort()).toEqual(expected.sort());
        for (const f of check.findings) expect(f.zh).toContain(month);
        const named = what === 'insert' || what === 'number' ? `${n + 100}` : orig.number;
        expect(check.findings.some((f) => f.zh.includes(`第${named}号`))).toBe(true);
      }),
      { numRuns: 300, seed: 14 },
    );
    console.log(`tamper: ${cases} cases`);
    expect(cases).toBe(300);
  });

  it('a month of 5,000 vouchers hashes with node:crypto and names the one edited', async () => {
    const many: Voucher[] = Array.from({ length: 5000 }, (_, i) => ({ date: '2025-01-15', number: String(i + 1), summary: 'x', lines: [dr('102', i + 1), cr('504', i + 1)] }));
    const chain = await extendChain([], many, { firstMonth: '2025-01', through: '2025-01' }, sha);
    many[4321] = { ...many[4321]!, summary: 'y' };
    const f = (await verifyChain(chain, many, '2025-01', sha)).findings;
    expect(f.map((x) => x.en)).toEqual(['Voucher 4322 of locked month 2025-01 was changed after the lock']);
    expect(createHash('sha256').update('abc').digest('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
