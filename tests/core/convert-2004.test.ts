import { describe, expect, it } from 'vitest';
import { convert2004TrialBalance } from '../../src/core/chart/convert-2004';
import { CHART_2004 } from '../../src/core/chart/chart-2004';
import { MAPPING_2004_TO_2023 } from '../../src/core/chart/mapping-2004';
import { CHART_2023 } from '../../src/core/chart/chart-2023';

describe('2004 → 2023 migration', () => {
  it('has a rule for every 2004 account and only 2023 destinations', () => {
    expect(CHART_2004).toHaveLength(36);
    const from = new Set(MAPPING_2004_TO_2023.map((r) => r.from));
    for (const a of CHART_2004) expect(from.has(a.code), a.code).toBe(true);
    const codes2023 = new Set(CHART_2023.map((a) => a.code));
    for (const r of MAPPING_2004_TO_2023) {
      if (r.to) expect(codes2023.has(r.to), r.from).toBe(true);
      for (const b of r.byName ?? []) expect(codes2023.has(b.to)).toBe(true);
    }
  });

  it('recodes swapped and moved accounts, keeps sub-account suffixes, splits by name', () => {
    const r = convert2004TrialBalance([
      { code: '101', debit: 200000, credit: 0 },
      { code: '102', debit: 18000000, credit: 0 },
      { code: '153', debit: 50000, credit: 0 }, // 固定资产清理 → 154
      { code: '154', debit: 3000000, credit: 0 }, // 在建工程 → 153
      { code: '131', debit: 0, credit: 0 },
      { code: '13101', name: '幼畜及育肥畜', debit: 120000, credit: 0 },
      { code: '13102', name: '产役畜', debit: 80000, credit: 0 },
      { code: '202', debit: 0, credit: 1000000 },
      { code: '20201', name: '某公司', debit: 0, credit: 1000000 },
      { code: '211', debit: 0, credit: 450000 },
      { code: '301', debit: 0, credit: 20000000 },
    ]);
    // 产役畜 without its 累计摊销: carried at net, with a finding asking for the column.
    expect(r.findings.map((f) => f.rule)).toEqual(['migrate.amortisation-missing']);
    expect(r.opening).toEqual([
      { account: '101', debit: 200000, credit: 0 },
      { account: '102', debit: 18000000, credit: 0 },
      { account: '13101', debit: 120000, credit: 0 },
      { account: '13202', debit: 80000, credit: 0 },
      { account: '153', debit: 3000000, credit: 0 },
      { account: '154', debit: 50000, credit: 0 },
      { account: '21101', debit: 0, credit: 1000000 },
      { account: '212', debit: 0, credit: 450000 },
      { account: '301', debit: 0, credit: 20000000 },
    ]);
    const sum = r.opening.reduce((s, o) => s + o.debit - o.credit, 0);
    expect(sum).toBe(0);
  });

  it('reports what it cannot map instead of guessing', () => {
    const r = convert2004TrialBalance([
      { code: '212', debit: 0, credit: 30000, row: 7 },
      { code: '171', debit: 10000, credit: 0, row: 8 },
      { code: '132', name: '林木', debit: 5000, credit: 0, row: 9 },
      { code: '999', debit: 1, credit: 0, row: 10 },
      { code: '511', name: '承包金', debit: 0, credit: 2000, row: 11 },
    ]);
    expect(r.findings.map((f) => [f.rule, f.row])).toEqual([
      ['migrate.unmapped', 7],
      ['migrate.unmapped', 8],
      ['migrate.unmapped', 9],
      ['migrate.unknown-account', 10],
      ['migrate.pnl-balance', 11],
    ]);
    expect(r.findings[0]!.zh).toContain('应付福利费');
    expect(r.opening).toEqual([{ account: '501', debit: 0, credit: 2000 }]);
  });
});
