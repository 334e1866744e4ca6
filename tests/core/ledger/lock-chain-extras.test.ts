/**
 * The lock chain also covers what the locked months' balances rest on besides the typed vouchers:
 * the opening balances (期初余额, once, on the first record written with them) and the generated
 * closing vouchers (结转凭证) of each locked month. Records written before (form 1) verify as they did.
 */
import { describe, expect, it } from 'vitest';
import { extendChain, verifyChain, type ChainMonth } from '../../../src/core/ledger/lock-chain';
import type { OpeningBalance, Voucher } from '../../../src/core/ledger/types';
import { nodeSha256 as sha } from '../../../src/cli/sha256-node';
import { decodeChainRows, encodeChainRows } from '../../../src/workbook/codecs/meta-chain';
import { cr, dr } from './example-village';

const rules = (c: { findings: { rule: string }[] }): string[] => c.findings.map((f) => f.rule);

const opening: OpeningBalance[] = [
  { account: '101', debit: 80_000, credit: 0, source: { sheet: '期初余额', row: 2 } },
  { account: '102', debit: 32_000_000, credit: 0, source: { sheet: '期初余额', row: 3 } },
  { account: '311', debit: 0, credit: 32_080_000, source: { sheet: '期初余额', row: 4 } },
];
const vouchers: Voucher[] = Array.from({ length: 12 }, (_, i) => ({
  date: `2025-${String(i + 1).padStart(2, '0')}-10`,
  number: '1',
  summary: `收租金${i + 1}月`,
  lines: [dr('102', 100_000), cr('501', 100_000)],
}));
/** 结-1: the year's 12 × 1,000.00 of 501 into 321 本年收益. */
const closing: Voucher[] = [{ date: '2025-12-31', number: '结-1', summary: '结转本年收益', generated: 'close', lines: [dr('501', 1_200_000), cr('321', 1_200_000)] }];
const year = { firstMonth: '2025-01', through: '2025-12', opening, closing };

describe('the chain covers opening balances and closing vouchers', () => {
  it('records the opening on the first record and each closing voucher in its month; an untouched book verifies', async () => {
    const chain = await extendChain([], vouchers, year, sha);
    expect(chain[0]!.opening!.map((o) => o.number)).toEqual(['101', '102', '311']);
    expect(chain.slice(1).every((m) => m.opening === undefined)).toBe(true);
    expect(chain[11]!.closing!.map((c) => c.number)).toEqual(['结-1']);
    expect(chain[0]!.closing).toEqual([]);
    expect(rules(await verifyChain(chain, vouchers, '2025-12', sha, { opening, closing }))).toEqual([]);
  });

  it('an opening balance changed, added or removed after the lock is named by account and row', async () => {
    const chain = await extendChain([], vouchers, { ...year, through: '2025-03' }, sha);
    const edited = opening.map((o) => (o.account === '102' ? { ...o, debit: 33_000_000 } : o));
    const check = await verifyChain(chain, vouchers, '2025-03', sha, { opening: edited, closing });
    expect(check.findings.map((f) => [f.rule, f.sheet, f.row])).toEqual([['lock.opening-changed', '期初余额', 3]]);
    expect(check.findings[0]!.zh).toContain('科目102');
    // The month whose record carries the opening is not intact; February and March still are.
    expect(check.intactMonths).toEqual(['2025-02', '2025-03']);
    const added = [...opening, { account: '112', debit: 5_000, credit: 0 }];
    expect(rules(await verifyChain(chain, vouchers, '2025-03', sha, { opening: added }))).toEqual(['lock.opening-changed']);
    expect(rules(await verifyChain(chain, vouchers, '2025-03', sha, { opening: opening.slice(1) }))).toEqual(['lock.opening-changed']);
  });

  it('a closing voucher edited on 结转凭证 after December is locked is a finding on that sheet', async () => {
    const chain = await extendChain([], vouchers, year, sha);
    const tampered: Voucher[] = [{ ...closing[0]!, lines: [dr('501', 1_100_000), cr('321', 1_100_000)] }];
    const check = await verifyChain(chain, vouchers, '2025-12', sha, { opening, closing: tampered });
    expect(check.findings.map((f) => [f.rule, f.sheet])).toEqual([['lock.closing-changed', '结转凭证']]);
    expect(check.findings[0]!.zh).toBe('已结账的2025-12结转凭证结-1在结账后被改动（结转凭证由年终结转生成，不应手改）');
    expect(rules(await verifyChain(chain, vouchers, '2025-12', sha, { opening, closing: [] }))).toEqual(['lock.closing-changed']);
  });

  it('form-1 records (written before) verify without looking at opening or closing; extending one records the opening next', async () => {
    const old = await extendChain([], vouchers, { firstMonth: '2025-01', through: '2025-03' }, sha);
    expect(old.every((m) => m.opening === undefined && m.closing === undefined)).toBe(true);
    // Whatever the opening is now, old records do not cover it.
    expect(rules(await verifyChain(old, vouchers, '2025-03', sha, { opening: [], closing }))).toEqual([]);
    const longer = await extendChain(old, vouchers, { ...year, through: '2025-05' }, sha);
    expect(longer.slice(0, 3)).toEqual(old);
    expect(longer[3]!.opening!.length).toBe(3);
    expect(longer[4]!.opening).toBeUndefined();
    expect(rules(await verifyChain(longer, vouchers, '2025-05', sha, { opening, closing }))).toEqual([]);
  });

  it('the _meta rows carry what a record covers, empty lists included, and read back equal', async () => {
    const chain = await extendChain([], vouchers, year, sha);
    const rows = encodeChainRows(chain);
    expect(rows).toContainEqual(['lockChain.2025-01.covers', 'opening,closing']);
    expect(rows).toContainEqual(['lockChain.2025-02.covers', 'closing']);
    expect(rows.filter((r) => String(r[0]).startsWith('lockChain.2025-12.c'))).toEqual([
      ['lockChain.2025-12.covers', 'opening,closing'.replace('opening,', '')],
      ['lockChain.2025-12.c1', JSON.stringify([['结-1', chain[11]!.closing![0]!.hash]])],
    ]);
    const back: ChainMonth[] = decodeChainRows(rows as [string, string][]);
    expect(back).toEqual(chain);
    // A part for a list the record does not say it covers breaks the whole record.
    const stray: [string, string][] = [...(rows as [string, string][]), ['lockChain.2025-03.o1', '[]']];
    expect(decodeChainRows(stray.filter((r) => r[0] !== 'lockChain.2025-03.covers'))).toEqual([]);
  });
});
