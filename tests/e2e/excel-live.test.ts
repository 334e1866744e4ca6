/**
 * Live checks in the Excel add-in (issue 10), in real headless Chromium: the pane runs in Excel
 * mode on the fake Excel of the host tests (served at Office.js's CDN address, bundled with
 * esbuild), the "accountant" types a bad amount and an unknown account code into 凭证, the pane
 * shows the findings for those rows by itself, and clicking one selects the cell. Screenshots at
 * 320 px are kept in test-output/screenshots.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT, SHOTS } from './helpers';
import { serveDir, type StaticServer } from './serve-dir';
import { paneBuild } from './pane-build';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let office: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  const run = promisify(execFile);
  const build = paneBuild();
  // The fake uses Buffer.byteLength for request sizes: a browser stand-in by TextEncoder.
  const bundled = await run('npx', ['esbuild', 'tests/e2e/excel-fake-office.ts', '--bundle', '--format=iife', '--platform=browser', '--log-level=error',
    '--banner:js=globalThis.Buffer={byteLength:(s)=>new TextEncoder().encode(s).length};'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  office = bundled.stdout;
  outDir = await build;
  server = await serveDir(outDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 320, height: 760 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route(OFFICE_CDN, (r) => r.fulfill({ contentType: 'text/javascript', body: office }));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const type = (sheet: string, row: number, col: number, value: string | number): Promise<void> =>
  page.evaluate(([s, r, c, v]) => (window as unknown as { __type: (...a: unknown[]) => Promise<void> }).__type(s, r, c, v), [sheet, row, col, value] as const);

describe('live checks in the Excel pane', () => {
  it('shows the findings for the rows just edited, and a click selects the cell', async () => {
    await page.goto(`${server.url}taskpane.html?office=1`);
    await expect.poll(() => page.getByTestId('mode').textContent()).toBe('在 Excel 中运行');
    // 凭证, 期初余额 and 合同: one handler each, registered once the book is known.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __handlers: () => number }).__handlers())).toBe(3);
    expect(await page.getByTestId('live-findings').count()).toBe(0);

    // Row 2 is the first line of voucher 1 (Dr 102 60,000.00): three decimals; row 5, the credit line
    // of voucher 2 (Cr 501 35,400.00), gets code 999. (A line with a bad cell leaves its voucher out
    // of the voucher checks, in validate as here, so the two errors go in different vouchers.)
    await type('凭证', 2, 4, 60000.005);
    await type('凭证', 5, 3, '999');
    const live = page.getByTestId('live-findings');
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).toContain('超过两位小数');
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).toContain('999');
    expect(await live.textContent()).toContain('第 2 行');
    await page.screenshot({ path: join(SHOTS, '30-excel-live-findings-320.png'), fullPage: true });

    await live.getByRole('button', { name: /超过两位小数/ }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __selected: () => unknown }).__selected())).toEqual({ sheet: '凭证', row0: 1, col0: 4 });

    // Fixed: the row's findings go away with the next check.
    await type('凭证', 2, 4, 60000);
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).not.toContain('超过两位小数');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
