/**
 * The 发展规划 panel in real headless Chromium on the standalone page with the sample village:
 * the projection, the scenarios, plan versus actual and the charts (@fluentui/react-charts) show
 * the same figures as the plan use case run in Node on the same file; a scenario can be chosen;
 * a finding opens its cell; the 规划书 downloads and renders; the plan sheets are written into
 * the book. Screenshots at Excel's task-pane width (320 px) and on a wide screen (1280 px):
 * test-output/screenshots/plan-320.png and plan-1280.png.
 */
import { readdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../../src/app/plan-json';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { createAppEngine } from '../../src/taskpane/engine';
import { scanBundle, unexplained } from './bundle-scan';
import { grouped, panePage, ROOT, SAMPLE, SHOTS, startPane, type PaneRig } from './helpers';
import type { StaticServer } from './serve-dir';

const DOCS = join(ROOT, 'test-output/plan');

let rig: PaneRig;
let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
/** The plan of the sample as the use case computes it in Node, base plan and the first scenario. */
let base: PlanJson;
let adverse: PlanJson;
const pageErrors: string[] = [];
const foreign: string[] = [];

/** "1234.50" → fen by string surgery (independent of the app's money module). */
function fenOf(amount: string): number {
  const neg = amount.startsWith('-');
  const [int = '0', frac = '00'] = (neg ? amount.slice(1) : amount).split('.');
  const fen = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  return neg ? -fen : fen;
}
const fenText = (fen: number): string => grouped(`${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`);
/** "0.10443512" → "10.44%". */
const pct = (rate: string | null): string => (rate === null ? '—' : `${(Number(rate) * 100).toFixed(2)}%`);

async function rowsOf(testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())));
}
const statOf = async (id: string): Promise<string> => (await page.getByTestId(`plan-stat-${id}`).locator('span').nth(1).textContent()) ?? '';

beforeAll(async () => {
  await mkdir(DOCS, { recursive: true });
  const bytes = new Uint8Array(await readFile(SAMPLE));
  const engine = createAppEngine();
  base = (await engine.plan(await createXlsxWorkbook(bytes), undefined, {})).plan!;
  const name = base.scenarios[1]?.name;
  if (name === undefined) throw new Error('the sample plan has no scenario');
  adverse = (await engine.plan(await createXlsxWorkbook(bytes), name, {})).plan!;
  rig = await startPane();
  ({ outDir, server, browser } = rig);
  page = await panePage(browser, pageErrors);
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.context().on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('发展规划 panel', () => {
  it('the built scripts, the 规划书 chunk included, turn no string into code beyond the known fallbacks', () => {
    // The 规划书 and ECharts are chunks of their own, loaded from the page's origin when asked for.
    expect(readdirSync(outDir).filter((f) => /plan-document.*\.js$/.test(f))).toHaveLength(1);
    expect(unexplained(scanBundle(outDir))).toEqual([]);
  });

  it('shows the projection, scenarios, plan versus actual and charts with the figures of the use case', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}taskpane.html?sample=1`);
    await page.getByTestId('file-name').waitFor();
    await page.getByRole('tab', { name: '发展规划' }).click();
    await page.getByTestId('plan-stat-npv').waitFor();

    // Summary: the plan's own figures, formatted here by hand.
    const last = base.years.at(-1)!;
    expect(await statOf('npv')).toBe(`${grouped(base.plan.npv)} 元`);
    expect(await statOf('investment')).toBe(`${grouped(base.plan.investment)} 元`);
    expect(await statOf('last-income')).toBe(`${grouped(last.operatingIncome)} 元`);
    expect(await statOf('target-year')).toBe(String(base.targetYear));
    expect(await statOf('irr')).toBe(pct(base.plan.irr));
    expect(await statOf('coverage')).toBe(pct(base.plan.coverage));

    // Year by year: 集体经营性收入 against the target, met or not, the class.
    expect(await rowsOf('plan-years')).toEqual(base.years.map((y) => [
      String(y.year), grouped(y.operatingIncome), y.target === null ? '—' : grouped(y.target), y.meetsTarget === null ? '—' : y.meetsTarget ? '达标' : '未达标', y.classZh,
    ]));
    // Scenarios side by side.
    expect(base.scenarios.length).toBeGreaterThanOrEqual(3);
    expect(await rowsOf('plan-scenarios')).toEqual(base.scenarios.map((x) => [x.name, grouped(x.npv), pct(x.irr), x.targetYear === null ? '未达标' : String(x.targetYear), grouped(x.lastYearIncome)]));
    // Appraisal of each new project.
    const fresh = base.projects.filter((x) => !x.existing);
    expect((await rowsOf('plan-projects')).map((r) => [r[0], r[2], r[3]])).toEqual(fresh.map((x) => [x.name, grouped(x.investment), grouped(x.npv)]));
    // Plan versus actual, summed by quarter here from the use case's rows (one row per project and period).
    const quarters = new Map<string, [number, number]>();
    for (const r of base.actual!.rows.filter((x) => x.cadence === 'quarter')) {
      const q = quarters.get(r.period) ?? [0, 0];
      quarters.set(r.period, [q[0] + fenOf(r.plan), q[1] + fenOf(r.actual)]);
    }
    expect(quarters.size).toBe(4);
    expect(await rowsOf('plan-actual')).toEqual([...quarters].map(([period, [planned, booked]]) => [period, fenText(planned), fenText(booked), fenText(booked - planned)]));

    // The charts: SVG drawn by the chart library, bars for every year and the target in the legend.
    const income = page.getByTestId('plan-income-chart');
    await expect.poll(() => income.locator('svg rect').count()).toBeGreaterThanOrEqual(base.years.length);
    for (const legend of ['年度目标', ...base.plan.sources.filter((s) => base.years.some((y) => fenOf(y.bySource[s.kind] ?? '0') !== 0)).map((s) => s.kindZh)]) {
      expect(await income.textContent()).toContain(legend);
    }
    expect(await page.getByTestId('plan-actual-chart').locator('svg rect').count()).toBeGreaterThanOrEqual(quarters.size * 2);
    await page.screenshot({ path: join(SHOTS, 'plan-1280.png'), fullPage: true });

    // Excel's task pane width: nothing pushes the page sideways (wide tables scroll inside).
    await page.setViewportSize({ width: 320, height: 900 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    await expect.poll(() => income.locator('svg').first().evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: join(SHOTS, 'plan-320.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('projects a scenario when chosen, and back', async () => {
    const name = adverse.scenario;
    await page.getByTestId('plan-scenario').selectOption(name);
    await expect.poll(() => statOf('npv')).toBe(`${grouped(adverse.plan.npv)} 元`);
    // The scenario's NPV is the one the scenarios table shows for it.
    expect(adverse.plan.npv).toBe(base.scenarios.find((x) => x.name === name)?.npv);
    expect((await rowsOf('plan-years')).map((r) => r[1])).toEqual(adverse.years.map((y) => grouped(y.operatingIncome)));
    await page.getByTestId('plan-scenario').selectOption('');
    await expect.poll(() => statOf('npv')).toBe(`${grouped(base.plan.npv)} 元`);
  });

  it('a plan finding opens its cell', async () => {
    const withCell = base.findings.filter((f) => f.sheet !== null && f.row !== null);
    expect(withCell.length).toBeGreaterThan(0);
    const list = page.getByTestId('plan-panel').getByTestId('findings');
    expect(await list.locator('li').count()).toBe(base.findings.length);
    await list.getByRole('button').first().click();
    await page.getByTestId('preview-hit').waitFor();
    expect(await page.getByTestId('sheet-preview').getAttribute('aria-label')).toContain(withCell[0]!.sheet!);
  });

  it('downloads the 规划书, which renders with its charts and key figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-download-doc').click()]);
    expect(download.suggestedFilename()).toBe(`${base.village}发展规划${base.settings.firstYear}-${base.settings.lastYear}.html`);
    const path = join(DOCS, 'pane-规划书.html');
    await download.saveAs(path);
    const html = await readFile(path, 'utf8');
    expect(html).not.toContain('<script');
    const doc = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    try {
      await doc.goto(`file://${path}`);
      expect(await doc.locator('svg').count()).toBe(3);
      expect(await doc.locator('h1').textContent()).toContain('示范村集体经济发展规划');
      const text = (await doc.locator('body').textContent()) ?? '';
      expect(text).toContain(`预计 ${base.targetYear} 年达到`);
      expect(text).toContain(grouped(base.plan.npv));
      for (const x of base.scenarios) expect(text).toContain(grouped(x.npv));
      await doc.screenshot({ path: join(SHOTS, 'plan-document-from-pane.png'), fullPage: true });
    } finally {
      await doc.close();
    }
  });

  it('writes the plan sheets into the book, as the CLI does', async () => {
    await page.getByTestId('plan-write-sheets').click();
    await expect.poll(() => page.getByTestId('notice-success').textContent()).toBe('已写入：规划测算、项目评估、情景分析、计划执行');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile((await download.path())!) as unknown as ArrayBuffer);
    for (const sheet of ['规划测算', '项目评估', '情景分析', '计划执行']) expect(wb.getWorksheet(sheet)).toBeDefined();
    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
