import { beforeAll, describe, expect, it } from 'vitest';
import { consolidateVillages, readPreviousTownship, writeTownshipWorkbook, type VillageSource } from '../../src/app/consolidate';
import type { Consolidation } from '../../src/core/consolidate/consolidate';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { TOWNSHIP_SHEETS } from '../../src/workbook/layout';
import { townshipFixtureSet, villageBytes } from '../support/township-fixtures';

let files: { label: string; bytes: Uint8Array }[] = [];
let c: Consolidation;

const sources = (fs: typeof files): VillageSource[] => fs.map((f) => ({ label: f.label, open: () => createXlsxWorkbook(f.bytes) }));

beforeAll(async () => {
  files = await townshipFixtureSet();
  c = await consolidateVillages(sources(files), { township: '青山镇', year: 2025 });
}, 120_000);

describe('consolidateVillages on the fixture set', () => {
  it('includes exactly the good villages and the empty shell', () => {
    expect(c.found).toBe(9);
    expect(c.included.map((v) => v.village)).toEqual(['东村', '西村', '南村']);
    expect(c.totals.covers).toBe(3);
    expect(c.excluded.map((e) => e.file)).toEqual(['坏文件.xlsx', '北村.xlsx', '中村-1.xlsx', '中村-2.xlsx', '上村2024.xlsx', '下村.xlsx']);
  });

  it('lists each problem with the right village and reason', () => {
    const has = (file: string, village: string, rule: string): boolean => c.problems.some((p) => p.file === file && p.village === village && p.rule === rule);
    expect(has('坏文件.xlsx', '', 'township.unreadable')).toBe(true);
    expect(has('北村.xlsx', '北村', 'township.unbalanced')).toBe(true);
    expect(c.problems.find((p) => p.rule === 'township.unbalanced')?.sheet).toBe('资产负债表');
    expect(has('中村-1.xlsx', '中村', 'township.duplicate') && has('中村-2.xlsx', '中村', 'township.duplicate')).toBe(true);
    expect(has('上村2024.xlsx', '上村', 'township.wrong-year')).toBe(true);
    expect(has('下村.xlsx', '下村', 'township.lock-edited')).toBe(true);
    expect(has('南村.xlsx', '南村', 'township.shell')).toBe(true);
    // Each left-out file has at least one problem marked 未纳入, and no included village has one.
    for (const e of c.excluded) expect(c.problems.some((p) => p.file === e.file && p.excluded)).toBe(true);
    for (const v of c.included) expect(c.problems.some((p) => p.file === v.file && p.excluded)).toBe(false);
    // The good villages are closed: no unclosed-year warning for them; the shell has no 结转 and gets one.
    expect(c.problems.filter((p) => p.rule === 'township.unclosed').map((p) => p.village)).toEqual(['南村']);
  });

  it('totals cover exactly the included villages (hand-worked)', () => {
    // 经营性收入: 东村 131,400 + 西村 131,400 + 南村 0 = 262,800.00
    expect(c.totals.operatingIncome).toBe(26_280_000);
    // 资产总计 期末: 712,500 × 2 + 南村 opening 582,000 = 2,007,000.00
    expect(c.totals.balanceSheet[32]).toEqual({ begin: 3 * 58_200_000, end: 200_700_000 });
    expect(c.totals.balanceSheet[56]!.end).toBe(200_700_000);
    // 年末未分配收益: 99,450 × 2 + 南村 22,000 (its opening) = 220,900.00
    expect(c.totals.incomeStatement[20]).toBe(22_090_000);
    expect(c.classCounts).toEqual({ shell: 1, weak: 0, average: 2, rich: 0 });
    expect(c.ranking.map((r) => [r.rank, r.village])).toEqual([[1, '东村'], [2, '西村'], [3, '南村']]);
    expect(c.statistics.every((s) => s.ok)).toBe(true);
    const stat = new Map(c.statistics.map((s) => [s.code, s.value]));
    // 22 汇入本表村数 3 = 23 无收益 (南村: 本年收益 0) 1 + 24 有收益 2; both good villages have 经营收益 109,700 ≥ 10万.
    expect([22, 23, 24, 25, 28].map((k) => stat.get(k))).toEqual([3, 1, 2, 2, 2]);
    expect(stat.get(21)).toBe(22_090_000);
  });
});

describe('writeTownshipWorkbook', () => {
  it('writes every sheet, reads back, and gives 同比 from last year\'s township workbook', async () => {
    const last = await consolidateVillages(sources([{ label: '东村2024.xlsx', bytes: await villageBytes({ village: '东村', year: 2024 }) }]), { township: '青山镇' });
    const prevWb = await createXlsxWorkbook();
    await writeTownshipWorkbook(prevWb, last, { generatedAt: '2025-01-15' });
    const previous = await readPreviousTownship(await createXlsxWorkbook(await prevWb.toBytes()));
    expect([...previous]).toEqual([['东村', 13_140_000]]);

    const wb = await createXlsxWorkbook();
    const names = await writeTownshipWorkbook(wb, c, { previous, generatedAt: '2026-01-15' });
    expect(names).toEqual(Object.values(TOWNSHIP_SHEETS));
    const back = await createXlsxWorkbook(await wb.toBytes());
    expect((await back.readMeta())?.kind).toBe('township');
    const bs = (await back.readSheet(TOWNSHIP_SHEETS.balanceSheet))!;
    const header = bs.rows.find((r) => r[0] === '项目')!;
    expect(header.slice(2)).toEqual(['东村 年初数', '东村 期末数', '西村 年初数', '西村 期末数', '南村 年初数', '南村 期末数', '乡镇合计 年初数', '乡镇合计 期末数']);
    // Each village opens at the worked example's 582,000.00; 东村 and 西村 end at 712,500.00, 南村 (no vouchers) where it began.
    // Totals: 3 × 582,000 = 1,746,000 at the start; 712,500 × 2 + 582,000 = 2,007,000 at the end.
    const total = bs.rows.find((r) => r[0] === '资产总计')!;
    expect(total.slice(2)).toEqual([582000, 712500, 582000, 712500, 582000, 582000, 1746000, 2007000]);
    const yoy = (await back.readSheet(TOWNSHIP_SHEETS.yearOverYear))!;
    // 东村: 131,400 last year and this year → 增减 0; 西村 and 南村 are new (no 增减).
    // (the .xlsx host reads a formula whose cached result is 0 back as empty)
    expect(yoy.rows.find((r) => r[0] === '东村')?.slice(0, 3)).toEqual(['东村', 131400, 131400]);
    expect(yoy.rows.find((r) => r[0] === '西村')).toEqual(['西村', null, 131400, null]);
    expect(yoy.rows.find((r) => r[0] === '合计')).toEqual(['合计', 131400, 262800, 131400]);
    const problems = (await back.readSheet(TOWNSHIP_SHEETS.problems))!;
    expect(problems.rows.filter((r) => r[5] === 'township.duplicate').map((r) => r[2])).toEqual(['中村-1.xlsx', '中村-2.xlsx']);
  }, 60_000);
});
