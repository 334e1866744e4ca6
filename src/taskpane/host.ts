/**
 * Everything the pane asks of its surroundings, in one module handed to the components: the live
 * Excel workbook (Office.js) or an .xlsx file opened in the browser (the .xlsx parts host). Components never
 * touch Office, Excel, the .xlsx host, fetch or the DOM download dance themselves. Previews of a sheet
 * go through the port (`WorkbookPort.readSheet`), the same in both hosts.
 */
import type { WorkbookPort } from '../workbook/port';
import { createExcelWorkbook, selectCell } from '../hosts/excel/excel-workbook';
import { createXlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import type { Snapshot } from './atomic';
import { PaneError } from './errors';

/** A workbook the pane is working on. */
export interface OpenBook {
  /** File name in standalone mode; '' in Excel. */
  fileName: string;
  port: WorkbookPort;
}

/** Saving a text file the pane made (the 规划书) through the browser's download; both hosts can. */
export interface SavesText {
  saveText(text: string, fileName: string, mime: string): void;
}

export interface ExcelPaneHost extends SavesText {
  kind: 'excel';
  book: OpenBook;
  /** Selects the cell a finding points at, so the accountant sees it in the grid. */
  selectCell(sheet: string, row: number, column?: string): Promise<void>;
}

export interface StandalonePaneHost extends SavesText {
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
    saveText: (text, fileName, mime) => saveBlob(new Blob([text], { type: mime }), fileName),
  };
}

type XlsxBook = OpenBook & { toBytes(): Promise<Uint8Array> };

export function createStandalonePaneHost(location: { search: string; href: string }): StandalonePaneHost {
  const openBytes = async (bytes: Uint8Array, fileName: string): Promise<XlsxBook> => {
    if (!looksLikeZip(bytes)) throw new PaneError('not-xlsx', fileName);
    let port: Awaited<ReturnType<typeof createXlsxWorkbook>>;
    try {
      port = await createXlsxWorkbook(bytes);
    } catch (e) {
      throw new PaneError('bad-file', e instanceof Error ? e.message : String(e));
    }
    return { fileName, port, toBytes: () => port.toBytes() };
  };
  return {
    kind: 'standalone',
    wantsSample: new URLSearchParams(location.search).get('sample') === '1',
    openFile: async (file) => {
      if (!/\.xlsx$/i.test(file.name)) throw new PaneError('not-xlsx', file.name);
      return openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    },
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
    saveText: (text, fileName, mime) => saveBlob(new Blob([text], { type: mime }), fileName),
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
  saveBlob(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
}

function saveBlob(blob: Blob, fileName: string): void {
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
