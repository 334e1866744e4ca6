import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildChart } from '../../../src/core/chart/accounts';
import { consolidate, sumVillages, type VillageOutcome } from '../../../src/core/consolidate/consolidate';
import { villageFacts, type VillageBookData } from '../../../src/core/consolidate/facts';
import { statisticalReport, STAT_2008 } from '../../../src/core/consolidate/statistics';
import { finding } from '../../../src/core/findings';
import type { Voucher } from '../../../src/core/ledger/types';
import { lockDigest } from '../../../src/core/ledger/lock-digest';
import { EXAMPLE_OPENING, EXAMPLE_VOUCHERS } from '../../support/worked-example';

const SUBS = [
  { code: '50101', name: '土地发包收入' },
  { code: '50102', name: '光伏发电收入' },
  { code: '50103', name: '资产租赁收入' },
  { code: '51301', name: '村干部报酬' },
];
const { chart } = buildChart(SUBS);

/** The worked example (DOMAIN §8) with its 501 receipts on the sample's named sub-accounts. */
function exampleVouchers(): Voucher[] {
  const to = (n: string, account: string, from: string): Voucher => {
    const v = EXAMPLE_VOUCHERS.find((x) => x.number === n)!;
    return { ...v, lines: v.lines.map((l) => (l.account === from ? { ...l, account } : l)) };
  };
  const subs: Record<string, [string, string]> = { '1': ['50101', '501'], '2': ['50102', '501'], '5': ['50103', '501'] };
  return EXAMPLE_VOUCHERS.map((v) => (subs[v.number] ? to(v.number, subs[v.number]![0], subs[v.number]![1]) : v));
}

function book(over: Partial<VillageBookData> = {}): VillageBookData {
  return {
    file: '示例村.xlsx', village: '示例村', township: '青山镇', fiscalYear: 2025, chart,
    opening: EXAMPLE_OPENING, vouchers: exampleVouchers(), closing: [], findings: [], contracts: [], ...over,
  };
}

describe('villageFacts', () => {
  it('splits the worked example operating income 131,400.00 by source', () => {
    const f = villageFacts(book());
    // land 60,000 + PV 35,400 + lease 24,000 (501 sub-accounts by name) + cooperative 12,000 (502) = 131,400.00
    expect(f.sources).toEqual({ land: 6_000_000, pv: 3_540_000, lease: 2_400_000, coop: 1_200_000, other: 0 });
    expect(f.operatingIncome).toBe(13_140_000);
    expect(f.classCode).toBe('average');
    expect(f.incomeStatement[6]).toBe(10_970_000); // 经营收益 109,700.00
    // 资产总计 582,000.00 → 712,500.00 (800 + 321,700 + 500,000 − 110,000; distributions move no asset)
    expect(f.balanceSheet[32]).toEqual({ begin: 58_200_000, end: 71_250_000 });
    expect(f.closed).toBe(false);
    expect(f.lockEdited).toBe(false);
  });

  it('takes a tagged contract kind before the account name', () => {
    const vs = exampleVouchers().map((v) => (v.number === '5' ? { ...v, lines: v.lines.map((l) => ({ ...l, contract: 'HT-1' })) } : v));
    const f = villageFacts(book({ vouchers: vs, contracts: [{ no: 'HT-1', kind: 'land', arrears: 0 }] }));
    // the 24,000 厂房租金 is now land by its contract: 60,000 + 24,000
    expect(f.sources.land).toBe(8_400_000);
    expect(f.sources.lease).toBe(0);
  });

  it('finds a locked month edited after the lock through the lock digest', () => {
    const digest = lockDigest(exampleVouchers(), '2025-06');
    expect(villageFacts(book({ lockedThrough: '2025-06', lockDigest: digest })).lockEdited).toBe(false);
    const edited = exampleVouchers().map((v) => (v.number === '2' ? { ...v, summary: '收到光伏电费（改）' } : v));
    expect(villageFacts(book({ vouchers: edited, lockedThrough: '2025-06', lockDigest: digest })).lockEdited).toBe(true);
  });
});

describe('statisticalReport (2008 edition)', () => {
  it('reproduces the worked example line by line and every rule holds', () => {
    const f = villageFacts(book());
    const c = consolidate([{ ok: true, facts: f }]);
    const v = new Map(c.statistics.map((r) => [r.code, r.value]));
    expect(v.get(1)).toBe(5_940_000); // 经营收入 119,400 − land 60,000
    expect(v.get(2)).toBe(6_000_000);
    expect(v.get(3)).toBe(1_200_000);
    expect(v.get(4)).toBe(350_000);
    expect(v.get(5)).toBe(1_820_000); // 8,200 + 10,000
    expect(v.get(7)).toBe(10_970_000); // 59,400 + 60,000 + 12,000 − 3,500 − 18,200 = 109,700
    expect(v.get(10)).toBe(3_000_000); // 公益支出 30,000
    expect(v.get(11)).toBe(13_050_000); // 109,700 + 50,000 + 800 − 30,000 = 130,500
    expect(v.get(14)).toBe(15_250_000); // + 年初未分配 22,000
    expect(v.get(21)).toBe(15_250_000); // no distributions yet
    expect([22, 23, 24, 25, 26, 27, 28].map((k) => v.get(k))).toEqual([1, 0, 1, 1, 0, 0, 1]);
    expect(c.statistics.every((r) => r.ok)).toBe(true);
    expect(c.statistics.find((r) => r.code === 7)?.rule).toBe('7=1+2+3-4-5');
  });

  it('flags a rule that does not hold', () => {
    const f = villageFacts(book());
    // An edition whose line 5 is fed twice breaks line 7's cross-check with our 经营收益.
    const broken = { ...STAT_2008, lines: STAT_2008.lines.map((l) => (l.code === 5 ? { ...l, feeds: [...l.feeds!, ...l.feeds!] } : l)) };
    expect(statisticalReport([], broken).every((r) => r.ok)).toBe(true); // no villages: zeros balance
    const c = consolidate([{ ok: true, facts: f }], { edition: broken });
    expect(c.statistics.find((r) => r.code === 7)?.ok).toBe(false);
    expect(c.problems.some((p) => p.rule === 'township.statistics')).toBe(true);
  });
});

describe('consolidate', () => {
  const accounts = ['101', '102', '112', '151', '211', '301', '50101', '50102', '502', '503', '511', '513', '514'] as const;
  const voucherArb = fc.record({
    month: fc.integer({ min: 1, max: 12 }),
    dr: fc.constantFrom(...accounts),
    cr: fc.constantFrom(...accounts),
    fen: fc.integer({ min: 1, max: 50_000_000 }),
  });
  const villageArb = fc.record({
    vouchers: fc.array(voucherArb, { maxLength: 12 }),
    fatal: fc.constantFrom('none', 'none', 'error', 'unreadable', 'other-year'),
  });

  it('every consolidated line is the sum of the included villages, and fatal villages are left out and counted', () => {
    fc.assert(fc.property(fc.array(villageArb, { minLength: 1, maxLength: 8 }), (vs) => {
      const outcomes: VillageOutcome[] = vs.map((v, i) => {
        const file = `村${i}.xlsx`;
        if (v.fatal === 'unreadable') return { ok: false, file, zh: '不是有效的工作簿', en: 'not a workbook' };
        const vouchers: Voucher[] = v.vouchers.map((x, n) => ({
          date: `2025-${String(x.month).padStart(2, '0')}-15`, number: String(n + 1), summary: 's',
          lines: [{ account: x.dr, debit: x.fen, credit: 0 }, { account: x.cr, debit: 0, credit: x.fen }],
        }));
        const findings = v.fatal === 'error' ? [finding('voucher.unbalanced', 'error', '借贷不平', 'unbalanced', { sheet: '凭证', row: 2, column: 'E' })] : [];
        return { ok: true, facts: villageFacts(book({ file, village: `村${i}`, vouchers, findings, fiscalYear: v.fatal === 'other-year' ? 2024 : 2025 })) };
      });
      const c = consolidate(outcomes, { year: 2025, township: '青山镇' });
      const fatal = vs.filter((v) => v.fatal !== 'none').length;
      expect(c.included.length).toBe(vs.length - fatal);
      expect(c.excluded.length).toBe(fatal);
      expect(c.totals.covers).toBe(vs.length - fatal);
      expect(c.found).toBe(vs.length);
      for (const f of c.included) expect(f.file).toMatch(/^村\d+\.xlsx$/);
      const ok = c.included;
      for (const line of Object.keys(c.totals.incomeStatement).map(Number)) {
        expect(c.totals.incomeStatement[line]).toBe(ok.reduce((t, f) => t + f.incomeStatement[line]!, 0));
      }
      for (const line of Object.keys(c.totals.balanceSheet).map(Number)) {
        expect(c.totals.balanceSheet[line]!.end).toBe(ok.reduce((t, f) => t + f.balanceSheet[line]!.end, 0));
        expect(c.totals.balanceSheet[line]!.begin).toBe(ok.reduce((t, f) => t + f.balanceSheet[line]!.begin, 0));
      }
      // Independent of the statements: 经营收入 is Σ credit − debit on 501 over the included villages' vouchers.
      const included = new Set(ok.map((f) => f.file));
      const on501 = vs.reduce((t, v, i) => (included.has(`村${i}.xlsx`) ? t + v.vouchers.reduce((s, x) => s + (x.cr.startsWith('501') ? x.fen : 0) - (x.dr.startsWith('501') ? x.fen : 0), 0) : t), 0);
      expect(c.totals.incomeStatement[1]).toBe(on501);
      expect(c.totals.balanceSheet[32]!.end).toBe(c.totals.balanceSheet[56]!.end);
      expect(c.totals.sources.land + c.totals.sources.pv + c.totals.sources.lease + c.totals.sources.coop + c.totals.sources.other).toBe(c.totals.operatingIncome);
      expect(c.problems.filter((p) => p.excluded && ['township.unreadable', 'township.village-error', 'township.wrong-year'].includes(p.rule)).length).toBe(fatal);
      expect(c.statistics.every((r) => r.ok)).toBe(true);
      expect(c.statistics.find((r) => r.code === 22)?.value).toBe(vs.length - fatal);
    }), { numRuns: 150 });
  });

  it('leaves both workbooks of one village out and ranks the rest', () => {
    const a = villageFacts(book({ file: 'a.xlsx' }));
    const b = villageFacts(book({ file: 'b.xlsx' }));
    const other = villageFacts(book({ file: 'c.xlsx', village: '东村', vouchers: [] }));
    const c = consolidate([{ ok: true, facts: a }, { ok: true, facts: b }, { ok: true, facts: other }]);
    expect(c.included.map((v) => v.file)).toEqual(['c.xlsx']);
    expect(c.problems.filter((p) => p.rule === 'township.duplicate').map((p) => p.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(c.problems.find((p) => p.rule === 'township.shell')?.village).toBe('东村');
    expect(c.classCounts.shell).toBe(1);
    expect(sumVillages([a, b]).operatingIncome).toBe(26_280_000); // 131,400 × 2
  });
});

describe('disclosure findings of a village', () => {
  it('are listed in 问题清单 at their sheet and cell, and the village stays in the totals', () => {
    const f = villageFacts(book());
    // A 财务公开榜 whose 收入合计 (D9) does not add up, as validate finds it.
    f.disclosureFindings = [finding('disclosure.total', 'error', '收入合计 1,000.00 不等于各项之和 900.00', 'Income total 1,000.00 is not the sum 900.00', { sheet: '财务公开榜2025Q3', row: 9, column: 'D' })];
    const c = consolidate([{ ok: true, facts: f }], { year: 2025, township: '青山镇' });
    const p = c.problems.filter((x) => x.rule === 'township.disclosure');
    expect(p.map((x) => [x.village, x.sheet, x.cell, x.excluded, x.severity])).toEqual([['示例村', '财务公开榜2025Q3', 'D9', false, 'warning']]);
    expect(p[0]?.zh).toBe('财务公开：收入合计 1,000.00 不等于各项之和 900.00（disclosure.total）');
    expect(c.included.map((v) => v.village)).toEqual(['示例村']);
    expect(c.totals.covers).toBe(1);
  });
});
