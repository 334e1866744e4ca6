/** Helpers of the standalone e2e test: expected-text formatting independent of the app, test files. */
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { paneBuild } from './pane-build';
import { serveDir, type StaticServer } from './serve-dir';

/** The repository, the sample every e2e file opens, and where screenshots are kept (looked at by hand). */
export const ROOT = resolve(__dirname, '../..');
export const SAMPLE = join(ROOT, 'assets/sample-village.xlsx');
export const SHOTS = join(ROOT, 'test-output/screenshots');

/** The form prints '一、经营收入', '减：累计折旧'; the report JSON keeps the bare label. */
export function bareLabel(label: string): string {
  return label.replace(/^([一二三四五六七八九十]+、|加：|减：)/, '');
}

/** 123450 fen → "1,234.50". */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return grouped(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

/** "1234.50" → "1,234.50" by string surgery, independent of the app's formatter. */
export function grouped(amount: string): string {
  const neg = amount.startsWith('-');
  const [int = '0', frac = '00'] = (neg ? amount.slice(1) : amount).split('.');
  const body = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  return neg && body !== '0.00' ? `-${body}` : body;
}

/** The sample with one amount typed with three decimals (a finding on that cell). */
export async function brokenSample(sample: string, path: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.getWorksheet('凭证');
  if (!ws) throw new Error('the sample has no 凭证 sheet');
  let debitCol = 0;
  let headerRow = 0;
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    if (debitCol === 0 && cell.value === '借方金额') [debitCol, headerRow] = [c, r];
  }));
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const cell = ws.getRow(r).getCell(debitCol);
    if (typeof cell.value === 'number' && cell.value > 0) {
      cell.value = cell.value + 0.005;
      await wb.xlsx.writeFile(path);
      return r;
    }
  }
  throw new Error('no debit amount in 凭证');
}

/** The text ExcelJS reads for a cell, formula results included, money as "1234.50". */
export function cellText(v: ExcelJS.CellValue): string {
  const value = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
  if (typeof value === 'number') return value.toFixed(2);
  return String(value ?? '');
}

/** Headless Chromium as every e2e test starts it: offline, no first-run noise. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What an e2e file runs against: the pane's build (shared by the run), served on localhost, and Chromium. */
export interface PaneRig {
  /** The build's folder (bundles to scan, a place for files the test writes). */
  outDir: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The screenshot folder made, the shared development build served, Chromium started: every e2e file's set-up. */
export async function startPane(): Promise<PaneRig> {
  await mkdir(SHOTS, { recursive: true });
  const outDir = await paneBuild();
  const server = await serveDir(outDir);
  const browser = await launchChromium();
  return {
    outDir,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A zh-CN page of the pane's size that records uncaught errors and console errors into `errors`. */
export async function panePage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return page;
}
