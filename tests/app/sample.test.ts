import { describe, expect, it } from 'vitest';
import { buildSampleBook, netResult, sampleData } from '../../src/app/sample/build-sample';
import { sampleOpening } from '../../src/app/sample/sample-accounts';
import { createRng } from '../../src/app/sample/prng';
import { voucherIdentity } from '../../src/app/import-vouchers';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';

describe('sample village (示范村 2025)', () => {
  it('the PRNG is deterministic and stays in range', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 50 }, () => a.int(3, 9));
    expect(xs).toEqual(Array.from({ length: 50 }, () => b.int(3, 9)));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...xs)).toBeLessThanOrEqual(9);
    expect(new Set(xs).size).toBeGreaterThan(3);
  });

  it('opening balances balance; vouchers are balanced, about 300, in 2025, and the same every run', () => {
    const o = sampleOpening();
    expect(o.reduce((s, x) => s + x.debit, 0)).toBe(o.reduce((s, x) => s + x.credit, 0));
    const { vouchers } = sampleData();
    expect(vouchers.length).toBeGreaterThanOrEqual(250);
    expect(vouchers.length).toBeLessThanOrEqual(350);
    for (const v of vouchers) {
      expect(v.date.startsWith('2025-')).toBe(true);
      expect(v.lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
    }
    expect(sampleData().vouchers.map(voucherIdentity)).toEqual(vouchers.map(voucherIdentity));
    expect(sampleData(2025, 1).vouchers.map(voucherIdentity)).not.toEqual(vouchers.map(voucherIdentity));
    // Income sources the brief names: land (50101), PV (50102), leasing (50103), dividends (502), subsidies (503).
    const credited = new Set(vouchers.flatMap((v) => v.lines.filter((l) => l.credit > 0).map((l) => l.account)));
    for (const code of ['50101', '50102', '50103', '502', '503', '504', '152']) expect(credited).toContain(code);
    expect(vouchers.some((v) => v.lines.some((l) => l.contract !== undefined))).toBe(true);
  });

  it('distributions take 10% to 公积公益金 and 40% (whole hundreds) to members', () => {
    const { vouchers, distributions } = sampleData();
    const net = netResult(vouchers);
    const [reserve, members] = distributions(net);
    expect(reserve!.lines[0]!.debit).toBe(Math.round(net / 10));
    expect(members!.lines[0]!.debit % 10_000).toBe(0);
    // members ≤ 40% of net < members + 100 yuan, in integer fen: 4·net − 10·members ∈ [0, 100000).
    expect(4 * net - 10 * members!.lines[0]!.debit).toBeGreaterThanOrEqual(0);
    expect(4 * net - 10 * members!.lines[0]!.debit).toBeLessThan(100_000);
  });

  it('builds a clean, closed, balanced book through the use cases', async () => {
    const wb = await createXlsxWorkbook();
    const r = await buildSampleBook(wb);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The income-source register flags what src/core/income/sample.ts put there on purpose.
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['contract.under-priced', 'pv.restricted-shortfall']));
    expect(r.sheets).toEqual(expect.arrayContaining(['合同台账', '应收计划', '欠款明细']));
    const bs = r.report!.balanceSheet;
    const total = bs.find((x) => x.key === 'totalAssets')!;
    const claims = bs.find((x) => x.key === 'totalLiabilitiesAndEquity')!;
    expect([total.begin, total.end]).toEqual([claims.begin, claims.end]);
    expect(total.begin).toBe('3661980.00');
    // After the close every income and expense account is zero and 321 is empty.
    for (const row of r.report!.trialBalance.filter((x) => /^(5|321)/.test(x.code))) {
      expect([row.code, row.closingDebit, row.closingCredit]).toEqual([row.code, '0.00', '0.00']);
    }
    const is = (key: string): string => r.report!.incomeStatement.find((x) => x.key === key)!.amount;
    const tb = (code: string) => r.report!.trialBalance.find((x) => x.code === code)!;
    expect(is('retainedClosing')).toBe(tb('32202').closingCredit);
    // Cash on hand stays small (topped up monthly) and pass-through rent is paid on to farmers.
    expect(Number(tb('101').closingDebit)).toBeGreaterThan(0);
    expect(Number(tb('101').closingDebit)).toBeLessThan(5_000);
    expect([tb('21103').closingDebit, tb('21103').closingCredit]).toEqual(['0.00', '0.00']);
  });
});
