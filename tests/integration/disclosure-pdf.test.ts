/**
 * A generated disclosure printed by LibreOffice (headless, to PDF): the page is A4, the 财务公开榜
 * fits one page, the 收支逐笔公开榜 runs onto as many pages as it needs, and the key totals and the
 * 大写 line are in the PDF's text. Depends on the .xlsx host honouring GeneratedSheet.print.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisclosure } from '../../src/app/disclose';
import { nationalTemplate } from '../../src/core/disclosure/templates';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { renderDisclosure } from '../../src/workbook/disclosure-sheets';
import { openSample } from '../app/disclosure/helpers';
import { SOFFICE } from '../support/libreoffice';

const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disclosure-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One generated sheet alone in a workbook, printed to PDF; its page count, page size (points) and text. */
async function printSheet(name: string, sheetIndex: number): Promise<{ pages: number; size: [number, number]; text: string }> {
  const r = await buildDisclosure(await openSample(), { period: '2025Q3', template: nationalTemplate(), posted: '2025-10-12' });
  const wb = await createXlsxWorkbook();
  await wb.replaceGeneratedSheets([renderDisclosure(r.tables[sheetIndex]!)]);
  const xlsx = join(dir, `${name}.xlsx`);
  await writeFile(xlsx, await wb.toBytes());
  await run(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 120_000 });
  const pdf = join(dir, `${name}.pdf`);
  const info = (await run('pdfinfo', [pdf])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
  return { pages, size: [Number(m?.[1]), Number(m?.[2])], text };
}

describe('a generated disclosure printed to PDF by LibreOffice', () => {
  it('财务公开榜 2025Q3: one A4 portrait page with the totals, the 大写 line and 张榜日期', async () => {
    const p = await printSheet('board', 0);
    expect(p.pages).toBe(1);
    // A4 is 595 × 842 points (210 × 297 mm).
    expect(Math.round(p.size[0])).toBe(595);
    expect(Math.round(p.size[1])).toBe(842);
    for (const s of ['财务公开榜', '223,247.21', '192,860.00', '30,387.21', '贰拾贰万叁仟贰佰肆拾柒元贰角壹分', '2025-10-12']) expect(p.text).toContain(s);
  }, 240_000);

  it('收支逐笔公开榜 2025Q3: several A4 pages, header repeated, with the balances brought and carried forward', async () => {
    const p = await printSheet('cashbook', 1);
    expect(p.pages).toBeGreaterThan(1);
    expect(Math.round(Math.min(...p.size))).toBe(595);
    expect(p.text).toContain('517,854.37');
    expect(p.text).toContain('573,711.58');
    // The header row is printed on every page.
    expect(p.text.split('收支内容').length - 1).toBe(p.pages);
  }, 240_000);
});
