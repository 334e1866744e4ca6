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
import { refusalReason } from '../hosts/xlsx/errors';
import { fileSignature } from '../hosts/xlsx/signature';
import type { ImportSource } from '../app/import-source';
import { csvTable, gridTable } from '../workbook/input-table';
import type { Snapshot } from './atomic';
import { PaneError } from './errors';

/** A workbook the pane is working on. */
export interface OpenBook {
  /** File name in standalone mode; '' in Excel. */
  fileName: string;
  port: WorkbookPort;
}

/** What both hosts can do with files on this computer (the browser's file picker and download). */
export interface PaneFiles {
  /** An empty .xlsx workbook in memory, e.g. to build next year's book into. */
  createBlank(fileName: string): Promise<OpenBook>;
  /** Saves an in-memory .xlsx book through the browser's download (nothing leaves the machine). */
  download(book: OpenBook, fileName: string): Promise<void>;
  /** An import file picked by the user (.csv in UTF-8 or GBK, or the first sheet of an .xlsx) as rows. */
  readTable(file: File): Promise<ImportSource>;
}

/** Saving a text file the pane made (the 规划书) through the browser's download; both hosts can. */
export interface SavesText {
  saveText(text: string, fileName: string, mime: string): void;
}

export interface ExcelPaneHost extends PaneFiles, SavesText {
  kind: 'excel';
  book: OpenBook;
  /** Selects the cell a finding points at, so the accountant sees it in the grid. */
  selectCell(sheet: string, row: number, column?: string): Promise<void>;
  /** Opens another .xlsx file read-only beside the live workbook (乡镇汇总's village books). */
  openFile(file: File): Promise<OpenBook>;
  /** Watches the named sheets for edits, one call per burst (live checks); resolves to how to stop. */
  watchEdits(sheets: readonly string[], onEdits: (edits: EditedRows[]) => void): Promise<() => Promise<void>>;
}

export interface StandalonePaneHost extends PaneFiles, SavesText {
  kind: 'standalone';
  /** True when the page was opened with ?sample=1. */
  wantsSample: boolean;
  openFile(file: File): Promise<OpenBook>;
  /** Fetches the sample next to the page; `signal` cancels the download. */
  openSample(signal?: AbortSignal): Promise<OpenBook>;
  /** The book's bytes now, and how to reopen them: a failed write puts the book back (atomic.ts). */
  snapshot: Snapshot;
}

export type PaneHost = ExcelPaneHost | StandalonePaneHost;

type XlsxBook = OpenBook & { toBytes(): Promise<Uint8Array> };

/** The file side of both hosts: in Excel too, a new book (next year's) is an .xlsx the browser downloads. */
const paneFiles: PaneFiles & SavesText = {
  saveText: (text, fileName, mime) => saveBlob(new Blob([text], { type: mime }), fileName),
  createBlank: async (fileName) => {
    const port = await createXlsxWorkbook();
    return { fileName, port, toBytes: () => port.toBytes() } satisfies XlsxBook;
  },
  download: async (book, fileName) => saveBytes(await asXlsx(book).toBytes(), fileName),
  readTable: async (file) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const where = (firstRow: number) => ({ source: file.name, firstRow });
    if (/\.csv$/i.test(file.name)) {
      const t = csvTable(bytes);
      return { header: t.header, rows: t.rows, where: where(t.firstRow) };
    }
    if (!/\.xlsx$/i.test(file.name) || fileSignature(bytes) === undefined) throw new PaneError('not-table', file.name);
    let grid;
    try {
      const wb = await createXlsxWorkbook(bytes);
      const [first] = await wb.sheetNames();
      grid = first === undefined ? [] : ((await wb.readSheet(first))?.rows ?? []);
    } catch (e) {
      throw unopenable(e);
    }
    const t = gridTable(grid);
    return { header: t.header, rows: t.rows, where: where(t.firstRow) };
  },
};

export function createExcelPaneHost(): ExcelPaneHost {
  return {
    ...paneFiles,
    kind: 'excel',
    book: { fileName: '', port: createExcelWorkbook() },
    selectCell: (sheet, row, column) => selectCell(sheet, row, column ?? 'A'),
    watchEdits: async (sheets, onEdits) => (await watchEdits(sheets, onEdits)).stop,
    openFile: openXlsxFile,
  };
}

/**
 * What to tell the user about a workbook the host could not open: its own reason when it has one
 * (a password to remove, an .xls or a Strict workbook to save again as .xlsx), as the CLI says it;
 * else the pane's "cannot be opened".
 */
function unopenable(e: unknown): Error {
  // The host's error carries its zh/en, which describeError shows.
  if (e instanceof Error && refusalReason(e)) return e;
  return new PaneError('bad-file', e instanceof Error ? e.message : String(e));
}

async function openBytes(bytes: Uint8Array, fileName: string): Promise<XlsxBook> {
  if (fileSignature(bytes) === undefined) throw new PaneError('not-xlsx', fileName);
  let port: Awaited<ReturnType<typeof createXlsxWorkbook>>;
  try {
    port = await createXlsxWorkbook(bytes);
  } catch (e) {
    throw unopenable(e);
  }
  return { fileName, port, toBytes: () => port.toBytes() };
}

async function openXlsxFile(file: File): Promise<XlsxBook> {
  if (!/\.xlsx$/i.test(file.name)) throw new PaneError('not-xlsx', file.name);
  return openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

export function createStandalonePaneHost(location: { search: string; href: string }): StandalonePaneHost {
  return {
    ...paneFiles,
    kind: 'standalone',
    wantsSample: new URLSearchParams(location.search).get('sample') === '1',
    openFile: openXlsxFile,
    openSample: async (signal) => {
      const res = await fetch(new URL('sample-village.xlsx', location.href), signal ? { signal } : {});
      if (!res.ok) throw new PaneError('sample-missing', `HTTP ${res.status}`);
      return openBytes(new Uint8Array(await res.arrayBuffer()), 'sample-village.xlsx');
    },
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
