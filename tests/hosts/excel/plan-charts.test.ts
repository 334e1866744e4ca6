/**
 * Issue 11: the plan sheets written through the Excel host carry native charts — 规划测算: income
 * by source stacked by year with the year's target as a line; 计划执行: plan vs booked income by
 * project for the year so far. Checked on the fake Excel, which records every chart and series as
 * the cells it points at; each series is checked against the label in column A (or the 检查 column).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/app/plan';
import { buildSampleBook } from '../../../src/app/sample/build-sample';
import { CHART_PREFIX } from '../../../src/hosts/excel/excel-charts';
import { createExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import { PLAN_SHEETS } from '../../../src/workbook/layout';
import { FakeExcel } from './fake-excel';
import type { Box, SheetState } from './fake-excel-state';

let fake: FakeExcel;

beforeAll(async () => {
  fake = new FakeExcel();
  await buildSampleBook(createExcelWorkbook(fake.run)); // ends with buildPlan
}, 240_000);

const cellsOf = (sheet: SheetState, box: Box): unknown[] => {
  const out: unknown[] = [];
  for (let r = box.row0; r < box.row0 + box.rows; r++) for (let c = box.col0; c < box.col0 + box.cols; c++) out.push(sheet.cell(r, c)?.value ?? '');
  return out;
};

describe('plan charts on the Excel host', () => {
  it('规划测算: the sources stacked by year, the target as a line, every series on its own row', () => {
    const sheet = fake.sheet(PLAN_SHEETS.projection);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart).toMatchObject({ name: `${CHART_PREFIX}-${PLAN_SHEETS.projection}-1`, type: 'ColumnStacked', title: '集体经营性收入构成与年度目标' });
    const names = chart.series.map((s) => s.name);
    expect(names).toEqual(['土地流转收入', '合作社入股收入', '光伏收入', '租赁收入', '其他收入', '其他经营性收入', '年度目标']);
    expect(chart.series.map((s) => s.chartType ?? 'column')).toEqual([...new Array(6).fill('column'), 'Line']);
    // Title lines, then the header row with the years: the categories are 2025年 … 2029年 (the sample's horizon).
    const categories = chart.series[0]!.categories!;
    expect(cellsOf(sheet, categories)).toEqual(['2025年', '2026年', '2027年', '2028年', '2029年']);
    for (const s of chart.series) {
      expect(s.categories).toEqual(categories);
      // The series' row is the row whose 项目 (column A) is the series' name; values from column B on.
      expect([s.name, sheet.cell(s.values!.row0, 0)?.value, s.values!.col0, s.values!.cols]).toEqual([s.name, s.name, 1, 5]);
    }
    // Below the body, clear of it.
    expect(chart.position!.from.row0).toBeGreaterThan(chart.series[0]!.values!.row0);
  });

  it('计划执行: plan and booked income side by side for the 年终考核 rows', () => {
    const sheet = fake.sheet(PLAN_SHEETS.actual);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.series.map((s) => s.name)).toEqual(['计划收入', '已入账收入']);
    const [plan, actual] = chart.series;
    // Header row above the body: 计划收入 is column E (4), 已入账收入 column F (5); projects in C (2).
    expect([plan!.values!.col0, actual!.values!.col0, plan!.categories!.col0]).toEqual([4, 5, 2]);
    const rows = plan!.values!;
    expect(rows.rows).toBeGreaterThan(0);
    expect(new Set(cellsOf(sheet, { ...rows, col0: 0 }))).toEqual(new Set(['年终考核']));
    expect(sheet.cell(rows.row0 - 1, 0)?.value).not.toBe('年终考核'); // the first 年终考核 row
  });

  it('a rebuild replaces our charts and keeps one a person added', async () => {
    const sheet = fake.sheet(PLAN_SHEETS.projection);
    sheet.charts.push({ name: '我的图表', type: 'Line', series: [] });
    expect((await buildPlan(createExcelWorkbook(fake.run))).ok).toBe(true);
    expect(sheet.charts.map((c) => c.name)).toEqual(['我的图表', `${CHART_PREFIX}-${PLAN_SHEETS.projection}-1`]);
    expect(fake.sheet(PLAN_SHEETS.actual).charts).toHaveLength(1);
  }, 120_000);
});
