/**
 * The two-sided 资产负债表 printed by LibreOffice: one A4 page. The sheet asks for it through
 * GeneratedSheet.print (landscape, fit to one page tall); the host must honour that in the file.
 * Writes the PDF under test-output/ for a person to look at.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closeYear } from '../../src/core/ledger/close';
import { BALANCE_SHEET_LINES, buildBalanceSheet } from '../../src/core/statements/balance-sheet';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { formulasOf, renderBalanceSheet } from '../../src/workbook/reports';
import { SOFFICE } from '../support/libreoffice';
import { exampleChart, exampleDistributions, exampleOpening, exampleVouchers } from '../core/ledger/example-village';

const run = promisify(execFile);
const OUT = join(__dirname, '..', '..', 'test-output');

/** Page objects and their MediaBox sizes (points) in a PDF LibreOffice wrote (page dictionaries are not compressed). */
function pdfPages(pdf: string): { width: number; height: number }[] {
  const pages: { width: number; height: number }[] = [];
  for (const m of pdf.matchAll(/\/Type\s*\/Page[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)) {
    pages.push({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) });
  }
  return pages;
}

describe('资产负债表 (two-sided) through LibreOffice to PDF', () => {
  it('prints on one A4 page', async () => {
    const chart = exampleChart();
    const typed = [...exampleVouchers, ...exampleDistributions];
    const vouchers = [...typed, ...closeYear({ chart, opening: exampleOpening, vouchers: typed, year: 2025 })];
    const bs = buildBalanceSheet({ chart, opening: exampleOpening, vouchers, to: '2025-12' });
    const wb = await createXlsxWorkbook();
    await wb.replaceGeneratedSheets([renderBalanceSheet(bs, formulasOf(BALANCE_SHEET_LINES), { village: '示例村', township: '青山镇', from: '2025-01', to: '2025-12' })]);
    const work = await mkdtemp(join(tmpdir(), 'bs-pdf-'));
    try {
      const xlsx = join(work, 'balance-sheet.xlsx');
      await writeFile(xlsx, await wb.toBytes());
      const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
      await run(SOFFICE, [profile, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], { timeout: 120_000 });
      await mkdir(OUT, { recursive: true });
      const pdf = await readFile(join(work, 'balance-sheet.pdf'));
      await writeFile(join(OUT, 'balance-sheet.pdf'), pdf);
      const pages = pdfPages(pdf.toString('latin1'));
      // A4 = 210 × 297 mm = 595.3 × 841.9 pt, either way round.
      expect(pages).toHaveLength(1);
      const [short, long] = [Math.min(pages[0]!.width, pages[0]!.height), Math.max(pages[0]!.width, pages[0]!.height)];
      expect([Math.round(short), Math.round(long)]).toEqual([595, 842]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 300_000);
});
