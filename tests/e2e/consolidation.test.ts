/**
 * 乡镇汇总 on the standalone page in real headless Chromium: drop five village files derived
 * from the sample (three villages, one of another year, one broken file), see the villages table
 * and its flags as the same use case computes them in Node, open a flag's details, download the
 * township workbook and read it back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateVillages } from '../../src/app/consolidate';
import { VILLAGE_CLASSES } from '../../src/core/consolidate/classify';
import type { Consolidation } from '../../src/core/consolidate/consolidate';
import { fenFromCell } from '../../src/core/money';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { CONSOLIDATION_MESSAGES } from '../../src/taskpane/consolidation-i18n';
import { TOWNSHIP_SHEETS } from '../../src/workbook/layout';
import { fenText, panePage, SAMPLE, SHOTS, startPane, type PaneRig } from './helpers';
import type { StaticServer } from './serve-dir';


let rig: PaneRig;
let outDir: string;
let server: StaticServer;
let page: Page;
let files: { name: string; mimeType: string; buffer: Buffer }[];
let expected: Consolidation;
const pageErrors: string[] = [];

/** The sample under another village name (and optionally another year). */
async function renamed(village: string, fiscalYear?: number): Promise<Buffer> {
  const wb = await createXlsxWorkbook(new Uint8Array(await readFile(SAMPLE)));
  const meta = (await wb.readMeta())!;
  await wb.writeMeta({ ...meta, village, ...(fiscalYear ? { fiscalYear } : {}) });
  return Buffer.from(await wb.toBytes());
}

beforeAll(async () => {
  // The pane's build is shared with the other e2e files (pane-build.ts); it runs while the fixtures are made.
  const starting = startPane();
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  files = [
    { name: '示范村.xlsx', mimeType: xlsx, buffer: await readFile(SAMPLE) },
    { name: '东山村.xlsx', mimeType: xlsx, buffer: await renamed('东山村') },
    { name: '南山村.xlsx', mimeType: xlsx, buffer: await renamed('南山村') },
    { name: '西山村2024.xlsx', mimeType: xlsx, buffer: await renamed('西山村', 2024) },
    { name: '损坏.xlsx', mimeType: xlsx, buffer: Buffer.from('PK not really a workbook') },
  ];
  expected = await consolidateVillages(files.map((f) => ({ label: f.name, open: () => createXlsxWorkbook(new Uint8Array(f.buffer)) })));
  rig = await starting;
  ({ outDir, server } = rig);
  page = await panePage(rig.browser, pageErrors);
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('standalone task pane: 乡镇汇总', () => {
  it('consolidates five dropped village files, shows the villages with their flags, and downloads the township workbook', async () => {
    // The engine's own answer: three villages in, the other year and the broken file out.
    expect(expected.included.map((v) => v.village)).toEqual(['示范村', '东山村', '南山村']);
    expect(expected.excluded.map((e) => e.file)).toEqual(['损坏.xlsx', '西山村2024.xlsx']);

    await page.goto(`${server.url}taskpane.html`, { timeout: 180_000 });
    // The development bundle is large and the machine shared: wait for the page, not a fixed time.
    await page.getByRole('tab', { name: '乡镇汇总' }).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: '乡镇汇总' }).click();
    await page.getByTestId('consolidation-input').setInputFiles(files);
    expect(await page.getByTestId('consolidation-picked').textContent()).toBe('已选 5 个文件');
    await page.getByTestId('consolidation-run').click();
    await page.getByTestId('consolidation-villages').waitFor({ timeout: 180_000 });

    const rows = await page.getByTestId('consolidation-villages').locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())));
    // Flags: one button per rule the file has, in the order of 问题清单.
    const zh = CONSOLIDATION_MESSAGES['zh-CN'];
    const flagsOf = (file: string): string => {
      const rules = [...new Set(expected.problems.filter((p) => p.file === file).map((p) => p.rule))];
      return rules.length === 0 ? zh.noFlags : rules.map((r) => zh.rules[r.replace(/^township\./, '')]).join('');
    };
    expect(rows).toEqual([
      ...expected.included.map((v) => [v.village, v.file, VILLAGE_CLASSES[v.classCode].zh, fenText(v.operatingIncome), flagsOf(v.file)]),
      ...expected.excluded.map((e) => [e.village, e.file, zh.excluded, '', flagsOf(e.file)]),
    ]);
    expect(flagsOf('西山村2024.xlsx')).toContain('年度不符');
    expect(await page.getByTestId('consolidation-summary').textContent()).toContain(`纳入 3 个村，未纳入 2 个；合计覆盖 3 个村；集体经营性收入合计 ${fenText(expected.totals.operatingIncome)} 元`);

    // A flag opens its details: the year that does not match.
    await page.locator('tr[data-file="西山村2024.xlsx"] button[data-rule="township.wrong-year"]').click();
    expect(await page.getByTestId('consolidation-details').textContent()).toContain('会计年度为2024年，不是汇总年度2025年');
    await page.screenshot({ path: join(SHOTS, '7-consolidation.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consolidation-download').click()]);
    expect(download.suggestedFilename()).toBe(`${expected.township}-${expected.year}-乡镇汇总.xlsx`);
    const saved = join(outDir, 'township.xlsx');
    await download.saveAs(saved);
    const back = await createXlsxWorkbook(new Uint8Array(await readFile(saved)));
    expect((await back.readMeta())?.kind).toBe('township');
    const sources = (await back.readSheet(TOWNSHIP_SHEETS.sources))!;
    const header = sources.rows.find((r) => r[0] === '村')!;
    const total = sources.rows.find((r) => r[0] === '合计')!;
    expect(fenFromCell(total[header.indexOf('经营性收入')])).toEqual({ ok: true, fen: expected.totals.operatingIncome });
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
