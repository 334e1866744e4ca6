/**
 * The task pane as a standalone page in real headless Chromium: open the sample village workbook,
 * check it, build the reports, compare the statements on screen with the same use case run in
 * Node on the same file, look at the contracts, and download the result.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import type { ReportJson } from '../../src/app/report-json';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { createAppEngine } from '../../src/taskpane/engine';
import { CONSOLIDATION_MESSAGES } from '../../src/taskpane/consolidation-i18n';
import { MESSAGES } from '../../src/taskpane/i18n';
import type { ContractLine } from '../../src/taskpane/model';
import { bareLabel, brokenSample, cellText, fenText, grouped, SAMPLE, SHOTS, startPane, type PaneRig } from './helpers';
import { scanBundle, unexplained } from './bundle-scan';
import type { StaticServer } from './serve-dir';


let rig: PaneRig;
let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let expected: ReportJson;
let expectedContracts: ContractLine[];
/** Requests that left the page's own server: there must be none (offline, nothing uploaded). */
const foreign: string[] = [];
/** Errors the page reported (uncaught exceptions, React warnings, failed loads). */
const pageErrors: string[] = [];

beforeAll(async () => {
  // One development build shared by every e2e file of the run (pane-build.ts); several times faster than production.
  rig = await startPane();
  ({ outDir, server, browser } = rig);
  const node = await buildReports(await createXlsxWorkbook(new Uint8Array(await readFile(SAMPLE))));
  if (!node.report) throw new Error(`the sample does not build reports: ${node.findings.map((f) => f.zh).join('; ')}`);
  expected = node.report;
  // The page's clock and this one agree on today (arrears are as of today or the year end).
  expectedContracts = (await createAppEngine().contracts(await createXlsxWorkbook(new Uint8Array(await readFile(SAMPLE))), {})).contracts;
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  page = await context.newPage();
  // A request the page's Content-Security-Policy refuses never reaches the network: report it here.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  // Every request of the context (page, frames, workers) and every WebSocket: only the page's own server.
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('websocket', (ws) => foreign.push(ws.url()));
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

async function rowsOf(testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())));
}

describe('standalone task pane', () => {
  it('our built scripts turn no string into code beyond the known library fallbacks', () => {
    const found = scanBundle(outDir);
    console.log(`bundle scan: ${found.length} eval/Function calls, all known library fallbacks`);
    expect(unexplained(found)).toEqual([]);
  });

  it('opens a file from the picker and points at the bad cell of a finding in the sheet preview', async () => {
    const file = join(outDir, '有错的账簿.xlsx');
    const badRow = await brokenSample(SAMPLE, file);
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId('drop-zone').waitFor();
    await page.screenshot({ path: join(SHOTS, '0-open.png'), fullPage: true });
    await page.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => page.getByTestId('file-name').textContent()).toContain('有错的账簿.xlsx');
    await page.getByRole('button', { name: '检查账簿' }).click();
    const item = page.getByRole('list', { name: '检查结果' }).getByRole('button', { name: new RegExp(`凭证 · 第 ${badRow} 行`) }).first();
    await item.click();
    const hit = page.getByTestId('sheet-preview').getByTestId('preview-hit');
    await hit.waitFor();
    expect(await hit.getByRole('rowheader').textContent()).toBe(String(badRow));
    await page.screenshot({ path: join(SHOTS, '1-findings-preview.png'), fullPage: true });
  });

  it('opens the sample, checks it and shows the statements with the figures the engine computes', async () => {
    await page.goto(`${server.url}taskpane.html?sample=1`);
    await expect.poll(() => page.getByTestId('mode').textContent()).toContain('浏览器独立模式');
    await page.getByTestId('file-name').waitFor();
    await page.getByRole('button', { name: '检查账簿' }).click();
    await page.getByRole('list', { name: '检查结果' }).or(page.getByTestId('findings-none')).first().waitFor();
    await page.screenshot({ path: join(SHOTS, '2-books-validated.png'), fullPage: true });

    await page.getByRole('button', { name: '生成报表' }).click();
    await page.getByTestId('statement-balanceSheet').waitFor();

    const bs = (await rowsOf('statement-balanceSheet')).map(([label = '', ...rest]) => [bareLabel(label), ...rest]);
    await page.screenshot({ path: join(SHOTS, '3-balance-sheet.png'), fullPage: true });
    expect(bs).toEqual(expected.balanceSheet.map((r) => [r.label, String(r.line), grouped(r.begin), grouped(r.end)]));
    await page.getByRole('tab', { name: '收益及收益分配表' }).click();
    const is = (await rowsOf('statement-incomeStatement')).map(([label = '', ...rest]) => [bareLabel(label), ...rest]);
    expect(is).toEqual(expected.incomeStatement.map((r) => [r.label, String(r.line), grouped(r.amount)]));
    await page.screenshot({ path: join(SHOTS, '3-income-statement.png'), fullPage: true });
    await page.getByRole('tab', { name: '科目余额表' }).click();
    const tb = await rowsOf('statement-trialBalance');
    expect(tb.map((r) => r[0])).toEqual([...expected.trialBalance.map((r) => r.code), '合计']);
    // Debits equal credits in every column pair of the 合计 row.
    const total = tb[tb.length - 1] ?? [];
    expect([total[2], total[4], total[6]]).toEqual([total[3], total[5], total[7]]);
    // A real figure, not just a shape: the sample has money in the bank at year end.
    const bank = expected.trialBalance.find((r) => r.code === '102');
    expect(bank && bank.closingDebit !== '0.00').toBe(true);
    expect(tb.find((r) => r[0] === '102')?.[6]).toBe(grouped(bank?.closingDebit ?? ''));
    await page.screenshot({ path: join(SHOTS, '3-trial-balance.png'), fullPage: true });
  });

  it('downloads the workbook with the generated 资产负债表', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe(`${expected.meta.village}-${expected.meta.fiscalYear}-已生成报表.xlsx`);
    const saved = join(outDir, 'downloaded.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('资产负债表');
    expect(ws).toBeDefined();
    const text: string[] = [];
    ws?.eachRow((row) => row.eachCell((cell) => text.push(cellText(cell.value))));
    // Every balance-sheet line with money at year end shows that figure in the sheet.
    const ends = expected.balanceSheet.filter((r) => r.end !== '0.00');
    expect(ends.length).toBeGreaterThan(3);
    for (const r of ends) expect(text).toContain(r.end);
  });

  it('shows the contracts under 收入来源 as the engine computes them, then the 发展规划 panel', async () => {
    await page.getByRole('tab', { name: '收入来源' }).click();
    await page.getByTestId('contracts').waitFor();
    // The sample registers contracts of all four kinds, some in arrears.
    expect(expectedContracts.length).toBeGreaterThan(3);
    const arrears = expectedContracts.reduce((t, c) => t + c.arrears, 0);
    expect(arrears).toBeGreaterThan(0);
    const rows = await rowsOf('contracts');
    expect(rows).toEqual(expectedContracts.map((c) => [c.no, c.kind, c.counterparty, c.subject, MESSAGES['zh-CN'].status[c.status], ...[c.periodDue, c.periodReceived, c.arrears, c.arrearsOverYear].map(fenText)]));
    expect(await page.getByTestId('contracts-summary').textContent()).toBe(`合同 ${expectedContracts.length} 份，欠款合计 ${fenText(arrears)} 元`);
    await page.screenshot({ path: join(SHOTS, '4-income.png'), fullPage: true });
    // 发展规划 projects the sample's plan when shown (its figures: plan-panel.test.ts).
    await page.getByRole('tab', { name: '发展规划' }).click();
    await page.getByTestId('plan-stat-npv').waitFor();
    await page.screenshot({ path: join(SHOTS, '5-plan.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('standalone task pane: year end', () => {
  it('closes the year after asking, locks through December, and the download carries the lock', async () => {
    await page.getByRole('tab', { name: '账簿' }).click();
    await page.getByRole('button', { name: '年终结账' }).click();
    const dialog = page.getByRole('dialog', { name: '年终结账' });
    await dialog.waitFor();
    await page.screenshot({ path: join(SHOTS, '8-close-year-confirm.png') });
    await dialog.getByRole('button', { name: '确定结账' }).click();
    await expect.poll(() => page.getByTestId('notice-success').textContent()).toBe(MESSAGES['zh-CN'].closeYearDone);

    const month = `${expected.meta.fiscalYear}-12`;
    // Our own month picker (not the browser's <input type="month">): open it, pick December.
    await page.getByLabel('锁定到哪个月').click();
    await page.getByRole('button', { name: `${expected.meta.fiscalYear}年12月` }).click();
    await expect.poll(() => page.getByLabel('锁定到哪个月').getAttribute('data-value')).toBe(month);
    await page.getByRole('button', { name: '锁定', exact: true }).click();
    await expect.poll(() => page.getByTestId('notice-success').textContent()).toBe(`已锁定到 ${month}`);
    await page.getByText(`已锁定到 ${month}`, { exact: true }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, '9-locked.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    const saved = join(outDir, 'locked.xlsx');
    await download.saveAs(saved);
    const meta = await (await createXlsxWorkbook(new Uint8Array(await readFile(saved)))).readMeta();
    expect(meta?.lockedThrough).toBe(month);
    // Locked in the browser with Web Crypto: one SHA-256 record per month.
    expect(meta?.lockChain?.map((m) => m.month)).toHaveLength(12);

    // The same screen in English, then back.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('button', { name: 'Build reports' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '13-english.png'), fullPage: true });
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('button', { name: '生成报表' }).waitFor();
  });
});

describe('standalone task pane: a new village book', () => {
  it('sets up a blank workbook as a village book and downloads it', async () => {
    const fresh = await browser.newPage({ acceptDownloads: true, viewport: { width: 1100, height: 800 }, reducedMotion: 'reduce' });
    await fresh.goto(`${server.url}taskpane.html`);
    await fresh.getByRole('button', { name: '新建空白账簿' }).click();
    await fresh.getByRole('tab', { name: '收入来源' }).click();
    await expect.poll(() => fresh.getByTestId('contracts-need-book').textContent()).toContain('请先在“账簿”里建立账簿');
    await fresh.getByRole('tab', { name: '账簿' }).click();
    await fresh.getByRole('textbox', { name: /村名/ }).fill('测试村');
    await fresh.getByRole('textbox', { name: /乡镇/ }).fill('测试镇');
    await fresh.getByRole('textbox', { name: /会计年度/ }).fill('2025');
    await fresh.screenshot({ path: join(SHOTS, '12-new-book.png') });
    await fresh.getByRole('button', { name: '建立账簿' }).click();
    await expect.poll(() => fresh.getByTestId('notice-success').textContent()).toBe('已建立账簿：测试村');
    await fresh.getByText('测试镇 测试村 · 2025 年度').waitFor();
    await fresh.getByRole('button', { name: '检查账簿' }).waitFor();
    const [download] = await Promise.all([fresh.waitForEvent('download'), fresh.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('测试村-2025-账簿.xlsx');
    const saved = join(outDir, 'new.xlsx');
    await download.saveAs(saved);
    const meta = await (await createXlsxWorkbook(new Uint8Array(await readFile(saved)))).readMeta();
    expect(meta).toMatchObject({ village: '测试村', township: '测试镇', fiscalYear: 2025, kind: 'village' });
    await fresh.close();
  });
});

describe('standalone task pane: drag and drop', () => {
  it('opens a workbook dropped on the page', async () => {
    const drop = await browser.newPage();
    await drop.goto(`${server.url}taskpane.html`);
    const zone = drop.getByTestId('drop-zone');
    await zone.waitFor();
    const base64 = (await readFile(SAMPLE)).toString('base64');
    const dataTransfer = await drop.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], '拖进来的账簿.xlsx'));
      return dt;
    }, base64);
    await zone.dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => drop.getByTestId('file-name').textContent()).toBe('已打开：拖进来的账簿.xlsx');
    await drop.getByRole('button', { name: '检查账簿' }).waitFor();
    await drop.close();
  });
});

describe('standalone task pane: long work', () => {
  it('shows progress while the sample loads and cancels it', async () => {
    const slow = await browser.newPage({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' });
    // The sample never arrives, so the work is still running when the accountant gives up.
    await slow.route('**/sample-village.xlsx', () => undefined);
    await slow.goto(`${server.url}taskpane.html?sample=1`);
    const progress = slow.getByTestId('progress');
    await progress.getByRole('progressbar').waitFor();
    await slow.screenshot({ path: join(SHOTS, '14-progress.png') });
    await progress.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => slow.getByTestId('notice-info').textContent()).toBe('已取消，账簿没有改动。');
    expect(await progress.count()).toBe(0);
    await slow.getByTestId('drop-zone').waitFor();
    await slow.close();
  });
});

/** Microsoft's Office.js CDN, which the page loads only when opened from the manifest (?office=1). */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * A stand-in for Office.js served at the CDN address: Excel says hello (when `ready` is 'now',
 * or when the test calls window.__officeReady()), then refuses every batch like a busy Excel.
 */
function officeStub(opts: { ready: 'now' | 'later'; sharedRuntime?: boolean }): string {
  return `
    var readyNow;
    var ready = new Promise(function (r) { readyNow = function () { r({ host: 'Excel', platform: 'PC' }); }; });
    window.__officeReady = readyNow;
    window.Office = { HostType: { Excel: 'Excel' }, ${opts.sharedRuntime === false ? '' : 'actions: { associate: function () {} },'}
      onReady: function () { return ready; } };
    window.CustomFunctions = { associate: function () {} };
    window.Excel = { run: function () { return Promise.reject(Object.assign(new Error('GeneralException'), { code: 'GeneralException', debugInfo: {} })); } };
    ${opts.ready === 'now' ? 'readyNow();' : ''}`;
}

describe('start-up: which host', () => {
  it('inside Excel it loads Office.js from the CDN, works on the live workbook and speaks Chinese when Excel fails', async () => {
    const excel = await browser.newPage({ viewport: { width: 360, height: 700 }, reducedMotion: 'reduce' });
    const cdn: string[] = [];
    await excel.route(OFFICE_CDN, (r) => {
      cdn.push(r.request().url());
      return r.fulfill({ contentType: 'text/javascript', body: officeStub({ ready: 'now' }) });
    });
    await excel.goto(`${server.url}taskpane.html?office=1`);
    await expect.poll(() => excel.getByTestId('mode').textContent()).toBe('在 Excel 中运行');
    await expect.poll(() => excel.getByTestId('notice-error').textContent()).toBe(MESSAGES['zh-CN'].errorExcel);
    expect(await excel.getByTestId('drop-zone').count()).toBe(0);
    await excel.screenshot({ path: join(SHOTS, '10-excel-pane-narrow.png') });
    // A narrow pane keeps every section reachable: what does not fit is under 更多.
    await excel.getByRole('button', { name: '更多' }).click();
    await excel.getByRole('menuitem', { name: '乡镇汇总' }).click();
    await expect.poll(() => excel.getByRole('tabpanel').textContent()).toContain(CONSOLIDATION_MESSAGES['zh-CN'].excelNote);
    expect(await excel.getByRole('tab', { name: '乡镇汇总', selected: true }).count()).toBe(1);
    await excel.screenshot({ path: join(SHOTS, '11-excel-pane-more.png') });
    expect(cdn).toEqual([OFFICE_CDN]);
    await excel.close();
  });

  it('inside Office it waits for a slow Excel however long, showing 正在连接 Excel…', async () => {
    const slow = await browser.newPage({ viewport: { width: 360, height: 700 }, reducedMotion: 'reduce' });
    await slow.route(OFFICE_CDN, (r) => r.fulfill({ contentType: 'text/javascript', body: officeStub({ ready: 'later' }) }));
    await slow.goto(`${server.url}taskpane.html?office=1`);
    await slow.getByTestId('connecting').waitFor();
    expect(await slow.getByTestId('connecting').textContent()).toContain('正在连接 Excel…');
    expect(await slow.getByTestId('drop-zone').count()).toBe(0);
    await slow.screenshot({ path: join(SHOTS, '12-connecting-to-excel.png') });
    await slow.evaluate(() => (window as unknown as { __officeReady: () => void }).__officeReady());
    await expect.poll(() => slow.getByTestId('mode').textContent()).toBe('在 Excel 中运行');
    await slow.close();
  });

  it('inside Office without the shared runtime the CUN.* functions fail loudly; without Office.js it says so', async () => {
    const old = await browser.newPage({ viewport: { width: 360, height: 700 }, reducedMotion: 'reduce' });
    await old.route(OFFICE_CDN, (r) => r.fulfill({ contentType: 'text/javascript', body: officeStub({ ready: 'now', sharedRuntime: false }) }));
    await old.goto(`${server.url}taskpane.html?office=1`);
    await expect.poll(() => old.getByTestId('runtime-error').textContent()).toContain('村账函数（CUN.*）无法注册');
    await old.close();
    const offline = await browser.newPage({ viewport: { width: 360, height: 700 }, reducedMotion: 'reduce' });
    await offline.route(OFFICE_CDN, (r) => r.abort());
    await offline.goto(`${server.url}taskpane.html?office=1`);
    await expect.poll(() => offline.getByTestId('no-office-js').textContent()).toContain('无法连接 Excel');
    await offline.screenshot({ path: join(SHOTS, '13-no-office-js.png') });
    await offline.close();
  });
});
