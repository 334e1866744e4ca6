/**
 * Standalone page: a writing action that throws halfway leaves the pane holding the book as it was
 * before, so the download never carries a half-written book; a successful one keeps its writes.
 */
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { atomically } from '../../src/taskpane/atomic';
import { createStandalonePaneHost, type OpenBook } from '../../src/taskpane/host';
import { OPENING, VOUCHERS } from '../../src/workbook/layout';
import type { WorkbookPort } from '../../src/workbook/port';
import { parseCsv } from '../../src/workbook/voucher-import';
import { OPENING_CSV, VOUCHERS_CSV } from '../integration/worked-example-files';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}

async function state(port: WorkbookPort): Promise<unknown> {
  return { sheets: await port.sheetNames(), tables: await port.readTables([OPENING, VOUCHERS]), meta: await port.readMeta() };
}

/** The port, except that replaceGeneratedSheets writes the first sheet and then fails, like a crash mid-write. */
function failingMidWrite(port: WorkbookPort): WorkbookPort {
  return Object.assign(Object.create(port) as WorkbookPort, {
    replaceGeneratedSheets: async (sheets: Parameters<WorkbookPort['replaceGeneratedSheets']>[0]) => {
      await port.replaceGeneratedSheets(sheets.slice(0, 1));
      throw new Error('simulated failure after the first sheet');
    },
  });
}

async function exampleBook(): Promise<{ host: ReturnType<typeof createStandalonePaneHost>; book: OpenBook }> {
  const host = createStandalonePaneHost({ search: '', href: 'http://localhost/taskpane.html' });
  const book = await host.createBlank('村账.xlsx');
  expect((await initVillage(book.port, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
  expect((await importOpening(book.port, source(OPENING_CSV, 'opening.csv'))).ok).toBe(true);
  expect((await importVouchers(book.port, source(VOUCHERS_CSV, 'vouchers.csv'))).imported).toBe(10);
  return { host, book };
}

describe('standalone page: writing actions are all or nothing', () => {
  it('a throw halfway through building the reports gives back the book as it was', async () => {
    const { host, book } = await exampleBook();
    const before = await state(book.port);
    const broken: OpenBook = { ...book, port: failingMidWrite(book.port) };
    let adopted: OpenBook | undefined;
    await expect(atomically(broken, host.snapshot, (b) => buildReports(b.port), (b) => (adopted = b))).rejects.toThrow('simulated failure');
    // The in-memory workbook the failure touched did change (one report sheet written) …
    expect(await state(book.port)).not.toEqual(before);
    // … but the pane now holds the book reopened from the snapshot, and that is what a download saves.
    expect(adopted).toBeDefined();
    expect(await state(adopted!.port)).toEqual(before);
    const downloaded = await createXlsxWorkbook(await (adopted as OpenBook & { toBytes(): Promise<Uint8Array> }).toBytes());
    expect(await state(downloaded)).toEqual(before);
    expect(adopted!.fileName).toBe('村账.xlsx');
  });

  it('a successful action keeps its writes and the book', async () => {
    const { host, book } = await exampleBook();
    let adopted = false;
    const r = await atomically(book, host.snapshot, (b) => buildReports(b.port), () => (adopted = true));
    expect(r.ok).toBe(true);
    expect(adopted).toBe(false);
    expect(await book.port.sheetNames()).toContain('资产负债表');
  });

  it('in Excel (no snapshot) the error still reaches the runner', async () => {
    const { book } = await exampleBook();
    await expect(atomically({ ...book, port: failingMidWrite(book.port) }, undefined, (b) => buildReports(b.port), () => undefined)).rejects.toThrow('simulated failure');
  });
});
