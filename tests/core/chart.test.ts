import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_2023 } from '../../src/core/chart/chart-2023';
import { buildChart } from '../../src/core/chart/accounts';

// A copy of the project's reference data (shared/data/chart-2023.csv) kept in the repository, so a
// clone without ../shared still runs every test.
const csvPath = join(__dirname, '..', 'fixtures', 'chart-2023.csv');

describe('chart of accounts 2023', () => {
  it('matches tests/fixtures/chart-2023.csv account for account', () => {
    const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(CHART_2023).toHaveLength(42);
    expect(rows).toHaveLength(42);
    rows.forEach((r, i) => {
      const a = CHART_2023[i]!;
      expect([a.code, a.name, a.category, a.normalSide, a.contraOf ?? '']).toEqual([r[1], r[2], r[3], r[4], r[5]]);
    });
  });
  it('adds sub-accounts by code extension; only leaves take postings', () => {
    const { chart, findings } = buildChart([
      { code: '50101', name: '土地发包收入' },
      { code: '5010101', name: '耕地' },
      { code: '50102', name: '光伏发电收入' },
      { code: '5019', name: '坏' },
      { code: '60101', name: '无上级' },
    ]);
    expect(findings.map((f) => f.rule)).toEqual(['chart.bad-code', 'chart.no-parent']);
    expect(chart.isLeaf('501')).toBe(false);
    expect(chart.isLeaf('50101')).toBe(false);
    expect(chart.isLeaf('5010101')).toBe(true);
    expect(chart.isLeaf('502')).toBe(true);
    expect(chart.get('5010101')).toMatchObject({ level: 3, parent: '50101', category: 'income', normalSide: 'credit' });
    expect(chart.order.slice(32, 37)).toEqual(['501', '50101', '5010101', '50102', '502']);
  });
});
