/** Opening a village workbook file for a command and saving it atomically only when the use case succeeded. */
import { access } from 'node:fs/promises';
import { createXlsxWorkbook, type XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import { openWorkbookFile, saveWorkbookFileAtomic } from '../hosts/xlsx/file';

/** The file host's open and save, for commands (this module is where the CLI picks its host). */
export { openWorkbookFile, saveWorkbookFileAtomic };
import { NODE_CODEC } from '../hosts/xlsx/node-codec';
import { InputFileError } from './errors';

/**
 * Run `use` on the book in `path`; save (temp file + rename) only if it returns ok and `write`.
 * On any failure the file on disk is untouched (byte-identical).
 */
export async function withBookFile<R extends { ok: boolean }>(path: string, write: boolean, use: (wb: XlsxWorkbook) => Promise<R>): Promise<R> {
  const wb = await openWorkbookFile(path);
  const r = await use(wb);
  if (r.ok && write) await saveWorkbookFileAtomic(wb, path);
  return r;
}

/** A new, empty workbook for `path`, which must not exist yet (init and sample never overwrite… unless asked). */
export async function newBookFile(path: string, overwrite = false): Promise<XlsxWorkbook> {
  if (!overwrite && (await exists(path))) throw new InputFileError('exists', path);
  return createXlsxWorkbook(undefined, { codec: NODE_CODEC });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
