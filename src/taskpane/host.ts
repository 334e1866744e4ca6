/**
 * Everything the pane asks of its surroundings, in one module handed to the components: the live
 * Excel workbook (Office.js) or an .xlsx file opened in the browser (the .xlsx parts host). Components never
 * touch Office, Excel, the .xlsx host, fetch or the DOM download dance themselves. Previews of a sheet
 * go through the port (`WorkbookPort.readSheet`), the same in both hosts.
 */
import type { WorkbookPort } from '../workbook/port';
import { createExcelWorkbook, selectCell } from '../hosts/excel/excel-workbook';
import { watchEdits } from '../hosts/excel/excel-live';
import type { EditedRows } from '../workbook/edits';
import { createXlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import type { Snapshot } from './atomic';
import { PaneError } from './errors';

/** A workbook the pane is working on. */
export interface OpenBook {
  /** File name in standalone mode; '' in Excel. */
  fileName: string;
  port: WorkbookPort;
}

export interface ExcelPaneHost {
  kind: 'excel';
  book: OpenBook;
  /** Selects the cell a finding points at, so the accountant sees it in the grid. */
  selectCell(sheet: string, row: number, column?: string): Promise<void>;
  /** Opens another .xlsx file read-only beside the live workbook (乡镇汇总's village books). */
  openFile(file: File): Promise<OpenBook>;
  /** Watches the named sheets for edits, one call per burst (live checks); resolves to how to stop. */
  watchEdits(sheets: readonly string[], onEdits: (edits: EditedRows[]) => void): Promise<() => Promise<void>>;
}

export interface StandalonePaneHost {
  kind: 'standalone';
  /** True when the page was opened with ?sample=1. */
  wantsSample: boolean;
  openFile(file: File): Promise<OpenBook>;
  /** Fetches the sample next to the page; `signal` cancels the download. */
  openSample(signal?: AbortSignal): Promise<OpenBook>;
  /** An empty workbook to set up as a new village book (新建). */
  createBlank(fileName: string): Promise<OpenBook>;
  /** Saves the workbook through the browser's download (nothing leaves the machine). */
  download(book: OpenBook, fileName: string): Promise<void>;
  /** The book's bytes now, and how to reopen them: a failed write puts the book back (atomic.ts). */
  snapshot: Snapshot;
}

export type PaneHost = ExcelPaneHost | StandalonePaneHost;

export function createExcelPaneHost(): ExcelPaneHost {
  return {
    kind: 'excel',
    book: { fileName: '', port: createExcelWorkbook() },
    selectCell: (sheet, row, column) => selectCell(sheet, row, column ?? 'A'),
    watchEdits: async (sheets, onEdits) => (await watchEdits(sheets, onEdits)).stop,
    openFile: openXlsxFile,
  };
}

type XlsxBook = OpenBook & { toBytes(): Promise<Uint8Array> };

async function openBytes(bytes: Uint8Array, fileName: string): Promise<XlsxBook> {
  if (!looksLikeZip(bytes)) throw new PaneError('not-xlsx', fileName);
  let port: Awaited<ReturnType<typeof createXlsxWorkbook>>;
  try {
    port = await createXlsxWorkbook(bytes);
  } catch (e) {
    throw new PaneError('bad-file', e instanceof Error ? e.message : String(e));
  }
  return { fileName, port, toBytes: () => port.toBytes() };
}

async function openXlsxFile(file: File): Promise<XlsxBook> {
  if (!/\.xlsx$/i.test(file.name)) throw new PaneError('not-xlsx', file.name);
  return openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

export function createStandalonePaneHost(location: { search: string; href: string }): StandalonePaneHost {
  return {
    kind: 'standalone',
    wantsSample: new URLSearchParams(location.search).get('sample') === '1',
    openFile: openXlsxFile,
    openSample: async (signal) => {
      const res = await fetch(new URL('sample-village.xlsx', location.href), signal ? { signal } : {});
      if (!res.ok) throw new PaneError('sample-missing', `HTTP ${res.status}`);
      return openBytes(new Uint8Array(await res.arrayBuffer()), 'sample-village.xlsx');
    },
    createBlank: async (fileName) => {
      const port = await createXlsxWorkbook();
      return { fileName, port, toBytes: () => port.toBytes() };
    },
    download: async (book, fileName) => saveBytes(await asXlsx(book).toBytes(), fileName),
    snapshot: async (book) => {
      const bytes = await asXlsx(book).toBytes();
      return () => openBytes(bytes, book.fileName);
    },
  };
}

function asXlsx(book: OpenBook): XlsxBook {
  if (!('toBytes' in book)) throw new PaneError('no-workbook');
  return book as XlsxBook;
}

/** .xlsx files are zip archives: they start with "PK". */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
