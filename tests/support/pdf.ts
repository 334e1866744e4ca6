/**
 * An .xlsx printed to PDF by LibreOffice (headless), read back page by page with pdf.js: each
 * page's size in points and its text, so tests can check paper size, orientation and what
 * landed on which page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { SOFFICE } from './libreoffice';

const run = promisify(execFile);

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text runs joined with no separator and all white space removed. */
  text: string;
}

export async function xlsxToPdfPages(xlsxPath: string): Promise<PdfPage[]> {
  const work = await mkdtemp(join(tmpdir(), 'lo-pdf-'));
  try {
    await run(SOFFICE, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsxPath], { timeout: 180_000 });
    const data = new Uint8Array(await readFile(join(work, basename(xlsxPath).replace(/\.xlsx$/i, '.pdf'))));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
    const pages: PdfPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const text = content.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/\s+/g, '');
      pages.push({ width: Math.round(x1 - x0), height: Math.round(y1 - y0), text });
    }
    await doc.destroy();
    return pages;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
