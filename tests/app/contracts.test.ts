import { beforeAll, describe, expect, it } from 'vitest';
import { buildContractReports } from '../../src/app/contracts';
import { sampleContractVouchers, sampleContracts } from '../../src/core/income/sample';
import { CONTRACTS, decodeContracts, encodeContractRow } from '../../src/workbook/contracts';
import { contractDueItems } from '../../src/core/income/schedule';
import { columnLetter } from '../../src/workbook/layout';
import { isFormulaCell, type Cell, type GeneratedSheet, type TableData } from '../../src/workbook/port';
import { installCustomFunctionsStub } from '../functions/excel-stub';

type Fns = typeof import('../../src/functions/functions');
let cun: Fns;
beforeAll(async () => {
  installCustomFunctionsStub();
  cun = await import('../../src/functions/functions');
});

function sampleTable(year: number): TableData {
  return {
    sheet: '合同', table: 'Contracts', header: CONTRACTS.columns.map((c) => c.header),
    rows: sampleContracts(year).map(encodeContractRow), firstRow: 2, columnLetters: CONTRACTS.columns.map((_, i) => columnLetter(i)),
  };
}
const run = () => buildContractReports({ contracts: sampleTable(2025), vouchers: sampleContractVouchers(2025), asOf: '2025-12-31', from: '2025-01', to: '2025-12', head: { village: '示范村', township: '青山镇' } });
const sheet = (name: string): GeneratedSheet => run().sheets.find((s) => s.name === name)!;
const rowOf = (s: GeneratedSheet, no: string): Cell[] => s.rows.find((r) => r[0] === no)!;
const value = (c: Cell | undefined) => (c !== undefined && isFormulaCell(c) ? c.result : c);

describe('buildContractReports on the sample register', () => {
  it('has at least three contracts of each kind, all valid', () => {
    const r = run();
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const kinds = r.contracts.map((c) => c.kind);
    for (const k of ['土地流转', '合作社入股', '光伏电站', '资产租赁']) expect(kinds.filter((x) => x === k).length).toBeGreaterThanOrEqual(3);
    expect(r.sheets.map((s) => s.name)).toEqual(['合同台账', '应收计划', '欠款明细']);
  });

  it('lists status and arrears per contract: a partial payment, unpaid dividends, missed rent', () => {
    const byNo = new Map(run().contracts.map((c) => [c.no, c]));
    // TD-2024-02: 50 mu × 700 jin × 1.20 = 42,000 in two halves; 21,000 + 12,000 paid → 9,000 owed.
    expect(byNo.get('TD-2024-02')).toMatchObject({ periodDue: 4_200_000, periodReceived: 3_300_000, arrears: 900_000 });
    // HZ-2023-02: 24,000 brought forward (期初欠款) + 2025's 8% on 300,000 = 24,000, none paid.
    expect(byNo.get('HZ-2023-02')?.arrears).toBe(4_800_000);
    // ZL-2023-01: 1,200 m² × 8 × 1.05 (from 2025) = 10,080 a month; November and December unpaid.
    expect(byNo.get('ZL-2023-01')).toMatchObject({ periodDue: 12_096_000, arrears: 2_016_000, statusZh: '执行中' });
    expect(byNo.get('ZL-2025-03')?.statusZh).toBe('即将到期');
    expect(byNo.get('TD-2024-02')?.flags.map((f) => f.rule)).toEqual(['contract.under-priced']);
  });

  it('writes totals as SUM formulas with the cached figure', () => {
    const s = sheet('合同台账');
    const total = s.rows[s.totalRows![0]!]!;
    const body = s.rows.slice(0, s.totalRows![0]);
    const arrears = body.reduce((t, r) => t + Math.round(Number(r[10]) * 100), 0);
    // Title: 4 lines; header on row 5; body rows 6..17.
    expect(total[10]).toEqual({ formula: 'SUM(K6:K17)', result: arrears / 100 });
    const plan = sheet('应收计划');
    expect(plan.columns.slice(3, 5).map((c) => c.header)).toEqual(['2025-01', '2025-02']);
    expect(value(rowOf(plan, 'TD-2023-01')[15])).toBe(96000);
  });

  it('ages the arrears: the opening arrear of HZ-2023-02 is 365 days old', () => {
    const s = sheet('欠款明细');
    const opening = s.rows.find((r) => r[0] === 'HZ-2023-02' && r[4] === '2024-12-31')!;
    expect([opening[7], opening[8], opening[11]]).toEqual([24000, 365, 24000]); // in 181–365天
  });

  it('proposes balanced vouchers and never adds them to the ledger', () => {
    const vouchers = sampleContractVouchers(2025);
    const before = vouchers.length;
    const r = buildContractReports({ contracts: sampleTable(2025), vouchers, asOf: '2025-12-31', from: '2025-01', to: '2025-12' });
    expect(vouchers).toHaveLength(before);
    expect(r.proposals.length).toBeGreaterThan(0);
    for (const v of r.proposals) expect(v.lines.reduce((t, l) => t + l.debit - l.credit, 0)).toBe(0);
  });

  it('gives nothing when the workbook has no 合同 sheet', () => {
    expect(buildContractReports({ contracts: undefined, vouchers: [], asOf: '2025-12-31', from: '2025-01', to: '2025-12' })).toEqual({ sheets: [], findings: [], contracts: [], proposals: [], pvUse: [] });
  });
});

describe('custom functions and the register agree', () => {
  it('give the same figure for the same contract', () => {
    const plan = sheet('应收计划');
    // TD-2023-01: 120 mu × 800, +5% every 3 years from 2023.
    expect(value(rowOf(plan, 'TD-2023-01')[15])).toBe(cun.landRent(120, 800, 2023, 2025, 0.05, 3));
    // ZL-2023-01: 1,200 m² × 8 a month, +5% every 2 years from 2023: twelve monthly items sum to the year.
    expect(value(rowOf(plan, 'ZL-2023-01')[15])).toBe(cun.leaseIncome(1200, 8, 2023, 2025, 1, 0.05, 2));
    // HZ-2022-01: max(6% × 500,000, 10% × 450,000).
    expect(value(rowOf(plan, 'HZ-2022-01')[15])).toBe(cun.coopDividend(500000, 0.06, 0.1, 450000, 'max'));
    // GF-2018-01, commissioned mid-2018: 2025 is operating year 8; the register's base-tariff items for 2025 sum to PVINCOME(PVYIELD(…)).
    const gf = decodeContracts(sampleTable(2025)).contracts.find((c) => c.no === 'GF-2018-01')!;
    const base2025 = contractDueItems(gf, 2026).items.filter((i) => i.component === 'base' && i.year === 2025).reduce((t, i) => t + i.amount, 0);
    expect(base2025 / 100).toBe(cun.pvIncome(cun.pvYield(300, 1100, 8, 0.025, 0.007, 0.02), 0.3779));
  });
});

describe('gross and net views of a pass-through contract', () => {
  it('shows the rent collected for households apart from the collective income', () => {
    const row = rowOf(sheet('合同台账'), 'TD-2025-03');
    // 200 mu × 850 = 170,000 collected; the village keeps 200 × 100 = 20,000 (代收代付).
    expect([row[7], row[8], row[9]]).toEqual([170000, 20000, 170000]);
  });
});

describe('deposits', () => {
  it('shows the contract deposit and the deposit received in the period', () => {
    const row = rowOf(sheet('合同台账'), 'ZL-2025-03');
    // 冷库 lease from 1 March 2025: deposit 10,000 received on the start date.
    expect([row[12], row[13]]).toEqual([10000, 10000]);
    const older = rowOf(sheet('合同台账'), 'TD-2023-01'); // deposit taken in 2023, before these books
    expect([older[12], older[13]]).toEqual([20000, null]);
  });
});
