/**
 * The plan on the sample village (2025 books, 2025–2029 plan): plan versus actual checked by hand
 * for one project over every quarter and for one quarter over several projects; the plan sheets
 * written; a bad plan row blocking only the plan; a version-1 book migrated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { buildSampleBook } from '../../src/app/sample/build-sample';
import { buildPlan } from '../../src/app/plan';
import { buildReports } from '../../src/app/build-reports';
import { migrationWrites } from '../../src/app/migrate-book';
import { commitWrites } from '../../src/workbook/port';
import { PlanJson } from '../../src/app/plan-json';
import { ACCOUNTS, LAYOUT_VERSION, OPENING, PLAN_PROJECTS, PLAN_TABLES, SETTINGS, VOUCHERS } from '../../src/workbook/layout';
import { encodePlanRow } from '../../src/workbook/codecs/plan';

let wb: XlsxWorkbook;
let plan: PlanJson;
beforeAll(async () => {
  wb = await createXlsxWorkbook();
  await buildSampleBook(wb);
  const r = await buildPlan(wb, { readOnly: true });
  expect(r.ok).toBe(true);
  plan = r.plan!;
}, 240_000);

const row = (project: string, period: string) => plan.actual!.rows.find((r) => r.project.startsWith(project) && r.period === period);

describe('plan versus actual on the sample (2025)', () => {
  it('ZL-2023-01 标准厂房, every quarter and the year', () => {
    // 1,200 m² × 8 yuan × 12 = 115,200 a year from 2023, +5% every 2 years: 2025 is one step, 120,960; 10,080 a month,
    // due on the 5th. The sample books every month except November and December.
    // Q1–Q3: plan 3 × 10,080 = 30,240, booked 30,240, variance 0.
    for (const q of ['2025Q1', '2025Q2', '2025Q3']) expect(row('ZL-2023-01', q)).toMatchObject({ plan: '30240.00', actual: '30240.00', variance: '0.00', variancePct: '0' });
    // Q4: plan 30,240, booked October only 10,080: variance −20,160 = −66.67%.
    expect(row('ZL-2023-01', '2025Q4')).toMatchObject({ plan: '30240.00', actual: '10080.00', variance: '-20160.00', variancePct: '-0.6667' });
    // Year: 120,960 planned, 100,800 booked: −20,160 = −16.67%, beyond the 10% margin → a finding on its 合同 row.
    expect(row('ZL-2023-01', '2025')).toMatchObject({ plan: '120960.00', actual: '100800.00', variance: '-20160.00', variancePct: '-0.1667' });
    expect(plan.findings.filter((f) => f.rule === 'plan.behind' && f.zh.includes('ZL-2023-01'))).toHaveLength(1);
  });

  it('2025Q4 across projects', () => {
    // TD-2024-02: 50 mu × 700 jin × 1.20 yuan (2025 price) = 42,000, half on 1 October: plan 21,000; the sample books a
    // partial 12,000: variance −9,000 = −42.86%.
    expect(row('TD-2024-02', '2025Q4')).toMatchObject({ plan: '21000.00', actual: '12000.00', variance: '-9000.00', variancePct: '-0.4286' });
    // ZL-2024-02 门面: 60 m² × 25 × 12 = 18,000, half on 1 October: 9,000 planned and booked.
    expect(row('ZL-2024-02', '2025Q4')).toMatchObject({ plan: '9000.00', actual: '9000.00', variance: '0.00' });
    // 衔接资金冷库 = contract ZL-2025-03: 7,000 a month due on the 10th: 21,000 planned and booked in Q4.
    expect(row('衔接资金冷库', '2025Q4')).toMatchObject({ plan: '21000.00', actual: '21000.00', variance: '0.00' });
    // HZ-2023-02: 300,000 × 8% = 24,000 due 30 December, nothing booked: −24,000 = −100%.
    expect(row('HZ-2023-02', '2025Q4')).toMatchObject({ plan: '24000.00', actual: '0.00', variance: '-24000.00', variancePct: '-1' });
  });

  it('follows the review cadence: 12 months, 4 quarters, 2 halves, 1 year per project', () => {
    const zl = plan.actual!.rows.filter((r) => r.project.startsWith('ZL-2023-01'));
    expect(['month', 'quarter', 'half', 'year'].map((c) => zl.filter((r) => r.cadence === c).length)).toEqual([12, 4, 2, 1]);
    expect(zl.find((r) => r.cadence === 'half')?.cadenceZh).toBe('半年评估');
  });
});

describe('the sample plan', () => {
  it('is valid plan JSON with five years, three scenarios, every project kind and a sensitivity table', () => {
    expect(PlanJson.safeParse(plan).success).toBe(true);
    expect(plan.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(plan.scenarios.map((s) => s.name)).toEqual(['基准', '不利情景', '租金违约']);
    expect(new Set(plan.projects.filter((p) => !p.existing).map((p) => p.kind))).toEqual(new Set(['land', 'coop', 'pv', 'lease', 'other']));
    expect(plan.sensitivity.rows.length).toBeGreaterThan(3);
    // The base year comes from 历年数据 (2024 is not in this book).
    expect(plan.base).toEqual({ year: 2024, operatingIncome: '550000.00', source: 'history' });
  });

  it('reaches the 900,000 target in 2027 and misses it in 2028 when contracts end', () => {
    expect(plan.targetYear).toBe(2027);
    expect(plan.years.map((y) => y.meetsTarget)).toEqual([true, true, true, false, false]);
  });

  it('writes the four plan sheets', async () => {
    const r = await buildPlan(wb);
    expect(r.sheets).toEqual(['规划测算', '项目评估', '情景分析', '计划执行']);
    const grid = await wb.readSheet('规划测算');
    expect(grid?.rows.some((cells) => cells[0] === '集体经营性收入')).toBe(true);
  }, 120_000);
});

describe('a bad plan row', () => {
  it('blocks the plan, names the cell, and leaves the ledger reports alone', async () => {
    const bad = await createXlsxWorkbook();
    await buildSampleBook(bad);
    await bad.appendRows(PLAN_PROJECTS, [encodePlanRow(PLAN_PROJECTS, { name: '鱼塘', kind: '养殖', startYear: 2026, lifeYears: 5 })]);
    const r = await buildPlan(bad, { readOnly: true });
    expect(r.ok).toBe(false);
    const f = r.findings.find((x) => x.rule === 'plan.invalid-project');
    expect(f).toMatchObject({ sheet: '规划项目', column: 'B' });
    expect(f?.zh).toContain('类型应为');
    expect((await buildReports(bad)).ok).toBe(true);
  }, 240_000);
});

describe('migration of a version-1 book', () => {
  it('adds the plan tables and rewrites _meta', async () => {
    const old = await createXlsxWorkbook();
    const meta = { layoutVersion: 1, chartSystem: '2023' as const, village: '旧村', township: '旧镇', fiscalYear: 2024, kind: 'village' as const };
    await old.initialize(meta, [SETTINGS, ACCOUNTS, OPENING, VOUCHERS]);
    expect(LAYOUT_VERSION).toBe(2);
    await commitWrites(old, await migrationWrites(old, meta));
    const next = await old.readMeta();
    expect(next?.layoutVersion).toBe(2);
    expect(await old.sheetNames()).toEqual(expect.arrayContaining(PLAN_TABLES.map((t) => t.sheet)));
    // A second run has nothing to do.
    expect(await migrationWrites(old, next!)).toEqual([]);
  });
});
