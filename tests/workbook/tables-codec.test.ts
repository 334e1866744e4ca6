import { describe, expect, it } from 'vitest';
import { decodeOpening, encodeOpeningRows } from '../../src/workbook/codecs/opening';
import { decodeAccounts, encodeAccountRows } from '../../src/workbook/codecs/accounts';
import { decodeSettings, encodeSettingsRows } from '../../src/workbook/codecs/settings';
import { decodeMetaRows, encodeMetaRows } from '../../src/workbook/codecs/meta';
import { chartListSheet } from '../../src/workbook/codecs/chart-list';
import { ACCOUNTS, ACCOUNT_CODE_RANGE, OPENING, SETTINGS, generatedBodyFirstRow } from '../../src/workbook/layout';
import type { Scalar, TableData, TypedTableSpec, WorkbookMeta } from '../../src/workbook/port';
import { buildChart } from '../../src/core/chart/accounts';
import { EXAMPLE_OPENING } from '../support/worked-example';

function table(spec: TypedTableSpec, rows: Scalar[][]): TableData {
  return { sheet: spec.sheet, table: spec.table, header: spec.columns.map((c) => c.header), rows, firstRow: 2, columnLetters: spec.columns.map((_c, i) => 'ABCD'[i] as string) };
}

describe('期初余额 codec', () => {
  it('round-trips the worked example with names, blanks for zero sides', () => {
    const { chart } = buildChart();
    const rows = encodeOpeningRows(EXAMPLE_OPENING, (c) => chart.get(c)?.name);
    expect(rows[3]).toEqual(['152', '累计折旧', null, 100000]);
    const { balances, findings } = decodeOpening(table(OPENING, rows));
    expect(findings).toEqual([]);
    expect(balances.map(({ source: _s, ...b }) => b)).toEqual(EXAMPLE_OPENING);
    expect(balances[6]?.source).toEqual({ sheet: '期初余额', row: 8 });
  });

  it('reports bad cells, both sides and duplicates', () => {
    const { balances, findings } = decodeOpening(table(OPENING, [
      ['101', '库存现金', 2000, null],
      ['101', '库存现金', 1, null],
      ['102', null, '1.234', null],
      ['10', null, 5, null],
      ['113', null, 5, 5],
    ]));
    expect(findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['opening.duplicate', 3, 'A'],
      ['cell.too-many-decimals', 4, 'C'],
      ['cell.bad-code', 5, 'A'],
      ['line.both-sides', 6, 'D'],
    ]);
    expect(balances.map((b) => b.account)).toEqual(['101']);
  });
});

describe('科目 codec', () => {
  it('gives sub-accounts and row places that buildChart uses in its findings', () => {
    const subs = [{ code: '50101', name: '土地发包收入' }, { code: '50102', name: '光伏电费收入' }];
    const rows: Scalar[][] = [...encodeAccountRows(subs), [null, null], [50103, '厂房租金'], ['99901', '无上级']];
    const d = decodeAccounts(table(ACCOUNTS, rows));
    expect(d.findings).toEqual([]);
    expect(d.subs).toEqual([...subs, { code: '50103', name: '厂房租金' }, { code: '99901', name: '无上级' }]);
    const { chart, findings } = buildChart(d.subs, d.where);
    expect(chart.isLeaf('50103')).toBe(true);
    expect(findings.map((f) => [f.rule, f.sheet, f.row])).toEqual([['chart.no-parent', '科目', 6]]);
  });

  it('a row with a code but no name is cell.missing at 科目名称', () => {
    const d = decodeAccounts(table(ACCOUNTS, [['50101', '']]));
    expect(d.findings.map((f) => [f.rule, f.row, f.column])).toEqual([['cell.missing', 2, 'B']]);
  });
});

describe('设置 codec', () => {
  it('round-trips settings', () => {
    const s = { village: '示例村', township: '示例镇', fiscalYear: 2025 };
    expect(decodeSettings(table(SETTINGS, encodeSettingsRows(s)))).toEqual({ settings: s, chartSystem: '2023', findings: [] });
    // A year typed as a number works too.
    const rows = encodeSettingsRows(s).map((r) => (r[0] === '年度' ? ['年度', 2025] : r));
    expect(decodeSettings(table(SETTINGS, rows)).settings?.fiscalYear).toBe(2025);
    const named = encodeSettingsRows(s).map((r) => (r[0] === '会计制度' ? ['会计制度', '农村集体经济组织会计制度（财会〔2023〕14号）'] : r));
    expect(decodeSettings(table(SETTINGS, named)).chartSystem).toBe('2023');
  });

  it('names the row of a bad value and the key of a missing one', () => {
    const { settings, findings } = decodeSettings(table(SETTINGS, [['村名', '示例村'], ['年度', '二〇二五'], ['会计制度', '2004']]));
    expect(settings).toBeUndefined();
    expect(findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['cell.missing', undefined, '乡镇'],
      ['settings.bad-value', 3, 'B'],
      ['settings.bad-value', 4, 'B'],
    ]);
  });
});

describe('_meta codec', () => {
  it('round-trips with and without lockedThrough, ignoring a header row', () => {
    const m: WorkbookMeta = { layoutVersion: 1, chartSystem: '2023', village: '示例村', township: '示例镇', fiscalYear: 2025, kind: 'village' };
    expect(decodeMetaRows([['key', 'value'], ...encodeMetaRows(m)]).meta).toEqual(m);
    const locked = { ...m, lockedThrough: '2025-06' };
    expect(decodeMetaRows(encodeMetaRows(locked)).meta).toEqual(locked);
  });

  it('bad meta is a finding, not a throw', () => {
    const r = decodeMetaRows([['layoutVersion', 'x'], ['kind', 'city']]);
    expect(r.meta).toBeUndefined();
    expect(r.findings[0]?.rule).toBe('meta.bad');
  });
});

describe('科目表 (chart list)', () => {
  it('lists all 42 first-level accounts plus sub-accounts in chart order, codes where the validation range points', () => {
    const { chart } = buildChart([{ code: '50101', name: '土地发包收入' }]);
    const g = chartListSheet(chart);
    expect(g.rows).toHaveLength(43);
    expect(g.rows[0]).toEqual(['101', '库存现金', 1, '资产类', '借']);
    const i = g.rows.findIndex((r) => r[0] === '50101');
    expect(g.rows[i - 1]?.[0]).toBe('501');
    expect(g.rows[i]).toEqual(['50101', '土地发包收入', 2, '损益类', '贷']);
    expect(ACCOUNT_CODE_RANGE).toBe(`='科目表'!$A$${generatedBodyFirstRow(g)}:$A$3002`);
  });
});
