/**
 * The task pane at Excel's width: every panel at 320 px (and at 1280 px), screenshots kept in
 * test-output/screenshots/w320-*.png and w1280-*.png. At 320 px no panel scrolls sideways and the
 * key columns (期末数, 欠款 …) are on screen. Then the month picker in an en-US browser, the
 * 记账凭证 print view (printed to PDF by Chromium), the new year's book (downloaded and re-read)
 * and 新建账簿 from a 2004-system trial balance.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initFrom2004 } from '../../src/app/init-from-2004';
import { newYear } from '../../src/app/new-year';
import { voucherSlips } from '../../src/app/print-vouchers';
import { fenToCapitals } from '../../src/core/money-capitals';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { csvTable } from '../../src/workbook/input-table';
import { OPENING } from '../../src/workbook/layout';
import { voucherPageStarts } from '../../src/workbook/voucher-print';
import { fenText, ROOT, SAMPLE, SHOTS, startPane, type PaneRig } from './helpers';
import type { StaticServer } from './serve-dir';

const TB_2004 = join(ROOT, 'tests/fixtures/trial-balance-2004.csv');
const run = promisify(execFile);

let rig: PaneRig;
let outDir: string;
let server: StaticServer;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  rig = await startPane();
  ({ outDir, server, browser } = rig);
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

async function paneContext(width: number, locale = 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 900 }, locale, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  return { context, page };
}

/** A section's tab, or the same entry under 更多 when the narrow tab strip has no room for it. */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) return tab.click();
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name }).click();
}

/**
 * The page does not scroll sideways, and each key element (the first match of every selector that
 * is displayed) lies inside the viewport. Returns what did not fit, for one readable assertion.
 */
async function misfits(page: Page, keys: readonly string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const out: string[] = [];
    const se = document.scrollingElement ?? document.documentElement;
    if (se.scrollWidth > se.clientWidth) out.push(`page scrolls sideways: ${se.scrollWidth} > ${se.clientWidth}`);
    for (const sel of sels) {
      const el = [...document.querySelectorAll(sel)].find((e) => (e as HTMLElement).offsetParent !== null);
      if (!el) {
        out.push(`${sel}: not shown`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > window.innerWidth) out.push(`${sel}: ${Math.round(r.left)}–${Math.round(r.right)} outside 0–${window.innerWidth}`);
      // Nor cut off by a box that scrolls or clips inside the page (a table's own scroller).
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX === 'visible') continue;
        const b = p.getBoundingClientRect();
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5) out.push(`${sel}: ${Math.round(r.left)}–${Math.round(r.right)} cut off by its box ${Math.round(b.left)}–${Math.round(b.right)}`);
      }
    }
    return out;
  }, keys);
}

async function shot(page: Page, width: number, name: string, keys: readonly string[] = []): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `w${width}-${name}.png`), fullPage: true });
  expect(await misfits(page, keys), `${name} at ${width} px`).toEqual([]);
}

describe.each([320, 1280])('every panel at %i px', (width) => {
  it('opens, checks, builds the statements, lists the contracts, discloses, consolidates and previews vouchers without sideways scrolling', async () => {
    const { context, page } = await paneContext(width);
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId('drop-zone').waitFor({ timeout: 120_000 });
    await shot(page, width, '0-open');

    await page.goto(`${server.url}taskpane.html?sample=1`);
    await page.getByTestId('file-name').waitFor({ timeout: 120_000 });
    await shot(page, width, '1-books');
    await page.getByRole('button', { name: '检查账簿' }).click();
    await page.getByRole('list', { name: '检查结果' }).or(page.getByTestId('findings-none')).first().waitFor();
    await shot(page, width, '2-books-checked');

    await page.getByRole('button', { name: '生成报表' }).click();
    const bs = page.getByTestId('statement-balanceSheet');
    await bs.waitFor();
    await shot(page, width, '3-balance-sheet', ['[data-testid="statement-balanceSheet"] th[data-col="end"]', '[data-testid="statement-balanceSheet"] td[data-col="end"]']);
    // 项目 keeps room: no label cell of the balance sheet is narrower than four characters.
    const labelWidth = await bs.locator('td[data-col="label"]').evaluateAll((tds) => Math.min(...tds.map((td) => td.getBoundingClientRect().width)));
    expect(labelWidth).toBeGreaterThan(4 * 13);
    if (width === 320) {
      // One amount column at a time; the switch brings 年初数 in place of 期末数.
      expect(await bs.locator('th[data-col="begin"]').isVisible()).toBe(false);
      await bs.getByRole('button', { name: '年初数' }).click();
      expect(await bs.locator('th[data-col="end"]').isVisible()).toBe(false);
      await shot(page, width, '3-balance-sheet-begin', ['[data-testid="statement-balanceSheet"] th[data-col="begin"]']);
    } else {
      expect(await bs.getByTestId('statement-balanceSheet-switch').isVisible()).toBe(false);
      expect(await bs.locator('th[data-col="begin"]').isVisible()).toBe(true);
    }
    await page.getByRole('tab', { name: '收益及收益分配表' }).click();
    await shot(page, width, '3-income-statement', ['[data-testid="statement-incomeStatement"] th[data-col="amount"]']);
    await page.getByRole('tab', { name: '科目余额表' }).click();
    await shot(page, width, '3-trial-balance', ['[data-testid="statement-trialBalance"] th[data-col="closingCredit"]']);

    await openTab(page, '收入来源');
    await page.getByTestId('contracts-summary').waitFor();
    await shot(page, width, '4-income', [width === 320 ? '[data-testid="contract-arrears"]' : '[data-testid="contracts"] th:last-child']);

    await openTab(page, '发展规划');
    await page.getByTestId('plan-stat-npv').waitFor({ timeout: 120_000 });
    await shot(page, width, '5-plan', ['[data-testid="plan-stat-npv"]']);

    await openTab(page, '财务公开');
    await page.getByTestId('disclosure-period').selectOption('2025Q3');
    await page.getByRole('button', { name: '生成并检查公开表' }).click();
    await page.getByTestId('disclosure-sheet').first().waitFor({ timeout: 120_000 });
    await shot(page, width, '6-disclosure');

    await openTab(page, '乡镇汇总');
    await page.getByTestId('consolidation-input').setInputFiles(SAMPLE);
    await page.getByTestId('consolidation-run').click();
    await page.getByTestId('consolidation-villages').waitFor({ timeout: 180_000 });
    await shot(page, width, '7-consolidation', ['[data-testid="consolidation-villages"] th:last-child']);

    await openTab(page, '账簿');
    await page.getByTestId('print-vouchers-card').getByRole('button', { name: '预览凭证' }).click();
    await page.getByTestId('voucher-print').waitFor();
    await page.getByTestId('voucher-print').scrollIntoViewIfNeeded();
    await shot(page, width, '8-voucher-print');
    await context.close();
  }, 600_000);
});

describe('start-up screen at 320 px', () => {
  it('shows 正在连接 Excel… on one narrow screen without sideways scrolling', async () => {
    const { context, page } = await paneContext(320);
    await page.route('https://appsforoffice.microsoft.com/lib/1/hosted/office.js', (r) => r.fulfill({
      contentType: 'text/javascript',
      body: 'window.Office = { HostType: { Excel: "Excel" }, actions: { associate: function () {} }, onReady: function () { return new Promise(function () {}); } };'
        + 'window.CustomFunctions = { associate: function () {} };',
    }));
    await page.goto(`${server.url}taskpane.html?office=1`);
    await page.getByTestId('connecting').waitFor({ timeout: 120_000 });
    await shot(page, 320, '9-connecting');
    await context.close();
  }, 300_000);
});

describe('month picker', () => {
  it('shows 2025年12月 in an en-US browser, emits the month picked, and Dec 2025 in the English pane', async () => {
    const { context, page } = await paneContext(320, 'en-US');
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.goto(`${server.url}taskpane.html?sample=1`);
    await page.getByTestId('file-name').waitFor({ timeout: 120_000 });
    expect(await page.locator('input[type="month"]').count()).toBe(0);
    const lock = page.getByLabel('锁定到哪个月');
    // The sample's year is 2025 and today is later, so the lock month offered is its December.
    expect(await lock.textContent()).toBe('2025年12月');
    await lock.click();
    await page.getByRole('button', { name: '2025年3月' }).click();
    await expect.poll(() => lock.getAttribute('data-value')).toBe('2025-03');
    expect(await lock.textContent()).toBe('2025年3月');
    await lock.click();
    await page.getByRole('button', { name: '上一年' }).click();
    expect(await page.getByTestId('month-picker-year').textContent()).toBe('2024年');
    await page.screenshot({ path: join(SHOTS, 'w320-month-picker-open.png') });
    await page.getByRole('button', { name: '2024年12月' }).click();
    await expect.poll(() => lock.getAttribute('data-value')).toBe('2024-12');
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.getByLabel('Lock through month').textContent()).toBe('Dec 2024');
    await context.close();
  }, 300_000);
});

/** The rows of a sheet of a downloaded workbook, as the parts host reads them. */
async function sheetRows(bytes: Uint8Array, sheet: string) {
  return (await (await createXlsxWorkbook(bytes)).readSheet(sheet))?.rows ?? [];
}

describe('新年度建账 and 打印记账凭证', () => {
  it('downloads next year\'s book from the closed sample, built by the same use case as the CLI', async () => {
    const { context, page } = await paneContext(320);
    await page.goto(`${server.url}taskpane.html?sample=1`);
    await page.getByTestId('file-name').waitFor({ timeout: 120_000 });
    // The sample is a closed year (its 结转凭证 are in the book).
    const [closedDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
    const closed = new Uint8Array(await readFile((await closedDl.path()) ?? ''));
    const [nextDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '建立 2026 年度新账簿' }).click()]);
    expect(nextDl.suggestedFilename()).toBe('示范村-2026-账簿.xlsx');
    await expect.poll(() => page.getByTestId('notice-success').textContent()).toMatch(/^已建立 2026 年度账簿并下载：期初余额 \d+ 个科目，在执行合同 \d+ 份。本年度账簿没有改动。$/);
    await page.screenshot({ path: join(SHOTS, 'w320-new-year-done.png'), fullPage: true });
    const next = new Uint8Array(await readFile((await nextDl.path()) ?? ''));
    const meta = await (await createXlsxWorkbook(next)).readMeta();
    expect(meta).toMatchObject({ village: '示范村', township: '青山镇', fiscalYear: 2026 });

    // The same use case in Node on the closed book the pane held gives the same 期初余额 rows.
    const fresh = await createXlsxWorkbook();
    const node = await newYear(await createXlsxWorkbook(closed), fresh);
    expect(node.ok).toBe(true);
    const opening = await sheetRows(next, OPENING.sheet);
    expect(opening).toEqual((await fresh.readSheet(OPENING.sheet))?.rows);
    expect(opening.length).toBeGreaterThan(node.balances);
    // This year's book in the pane is untouched: still 2025, still the closed year.
    expect(await page.getByTestId('file-name').textContent()).toBe('已打开：sample-village.xlsx');
    await page.getByText('青山镇 示范村 · 2025 年度').waitFor();
    await context.close();
  }, 300_000);

  it('previews January–March three to a page and prints them to A4 pages with the totals in capitals', async () => {
    const { context, page } = await paneContext(320);
    await page.goto(`${server.url}taskpane.html?sample=1`);
    await page.getByTestId('file-name').waitFor({ timeout: 120_000 });
    const card = page.getByTestId('print-vouchers-card');
    await card.getByLabel('到').click();
    await page.getByRole('button', { name: '2025年3月' }).click();
    await card.getByRole('button', { name: '预览凭证' }).click();
    const view = page.getByTestId('voucher-print');
    await view.waitFor();

    const expected = await voucherSlips(await createXlsxWorkbook(new Uint8Array(await readFile(SAMPLE))), { from: '2025-01', to: '2025-03', perPage: 3 });
    const n = expected.slips.length;
    expect(n).toBeGreaterThan(3);
    const pages = voucherPageStarts(expected.slips.map((sl) => sl.lines.length), 3).length + 1;
    expect(await view.getByTestId('voucher-slip').count()).toBe(n);
    expect(await view.textContent()).toContain(`记账凭证（2025-01 至 2025-03，共 ${n} 张）`);
    const first = expected.slips[0]!;
    const total = await view.getByTestId('voucher-total').first().evaluate((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent));
    expect(total).toEqual([`合计（大写）：${fenToCapitals(first.totalDebit)}`, fenText(first.totalDebit), fenText(first.totalCredit)]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('voucher-print-root').isVisible()).toBe(true);
    expect(await page.getByRole('tablist', { name: '功能' }).isVisible()).toBe(false);
    const pdf = join(outDir, 'vouchers.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));
    // A4 is 210 × 297 mm, 595.28 × 841.89 pt; Chromium writes it rounded to its own units (594.96 × 841.92).
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    const perPage = text.split('\f').filter((t) => t.trim() !== '').map((t) => (t.match(/记 账 凭 证/g) ?? []).length);
    expect(perPage.reduce((a, b) => a + b, 0)).toBe(n);
    expect(Math.max(...perPage)).toBe(3);
    expect(text).toContain(fenToCapitals(first.totalDebit));
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SHOTS, 'vouchers-pdf')]);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  }, 300_000);
});

describe('新建账簿 from a 2004-system trial balance', () => {
  it('converts what maps, lists the unmappable balance as a finding, refuses the new year of an unclosed book, and the download holds the converted opening', async () => {
    const { context, page } = await paneContext(320);
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: '新建空白账簿' }).click({ timeout: 120_000 });
    await page.getByRole('textbox', { name: /村名/ }).fill('东山村');
    await page.getByRole('textbox', { name: /乡镇/ }).fill('青山镇');
    await page.getByRole('textbox', { name: /会计年度/ }).fill('2024');
    await page.getByText('从2004年制度科目余额表转换').click();
    await page.getByTestId('setup-from-2004-file').setInputFiles(TB_2004);
    expect(await page.getByTestId('setup-from-2004-name').textContent()).toBe('已选择：trial-balance-2004.csv');
    await shot(page, 320, '10-new-book-from-2004');
    await page.getByRole('button', { name: '建立账簿' }).click();
    await expect.poll(() => page.getByTestId('notice-success').textContent()).toBe('已建立账簿：东山村，转入期初余额 20 行；1 项余额未能转换，见检查结果');
    const findings = page.getByRole('list', { name: '检查结果' });
    expect(await findings.textContent()).toContain('应付福利费');
    await shot(page, 320, '11-from-2004-findings');

    // Not closed yet: the new year is refused with the reason, and nothing is downloaded.
    await page.getByRole('button', { name: '建立 2025 年度新账簿' }).click();
    await expect.poll(() => page.getByTestId('notice-error').textContent()).toContain('2024年度还没有年终结账');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
    const saved = new Uint8Array(await readFile((await dl.path()) ?? ''));
    const port = await createXlsxWorkbook();
    const t = csvTable(new Uint8Array(await readFile(TB_2004)));
    const node = await initFrom2004(port, { village: '东山村', township: '青山镇', year: 2024 }, { header: t.header, rows: t.rows, where: { source: 'trial-balance-2004.csv', firstRow: t.firstRow } });
    expect([node.converted, node.unmapped]).toEqual([20, 1]);
    expect(await sheetRows(saved, OPENING.sheet)).toEqual((await port.readSheet(OPENING.sheet))?.rows);
    await context.close();
  }, 300_000);

  it('reported no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
