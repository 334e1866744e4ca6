/** Opening a village workbook file for a command and saving it atomically only when the use case succeeded. */
import { access, stat } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
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
  await sizeYoungGeneration(path);
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

/** Books above this size (a village's year is ~0.4 MB; 100,000 voucher lines ~3 MB before report) let the young generation grow. */
const SMALL_BOOK_BYTES = 4 * 1024 * 1024;

/**
 * bin.cjs starts every command with V8's young generation kept at its first size
 * (--semi-space-growth-factor=1); a big book gets V8's default growth back (factor 2) before it
 * is read. Why: V8 doubles the young generation (up to 2 × 16 MB) whenever much of it survives a
 * scavenge, and a command that builds a book's data makes most of it survive. On the machine
 * these commands were measured on, first touching a page of memory costs ~15–20 µs, so growing
 * to 32 MB cost a small command ~0.1 s: on 10,000 lines `report` 0.74–0.81 s → 0.67–0.72 s,
 * `import` 0.52–0.57 → 0.44–0.47 s; 100,000 lines (3 MB) unchanged or a little faster; but
 * 300,000 lines (9 MB) 5.7 → 6.5 s, from many more scavenges, hence the size limit. The flag is
 * read each time V8 considers growing, so setting it changes only later growth (Node warns that
 * flags set after start may do nothing; this one measurably works on Node 20). It changes no
 * value anywhere, only when memory is collected.
 */
async function sizeYoungGeneration(path: string): Promise<void> {
  try {
    if ((await stat(path)).size > SMALL_BOOK_BYTES) letYoungGenerationGrow();
  } catch {
    // a missing file: openWorkbookFile says so
  }
}

/** V8's default growth (see sizeYoungGeneration), for big books and for consolidation, which reads hundreds (measured: 500 villages 6.4 s → 5.9 s). */
export function letYoungGenerationGrow(): void {
  if (process.versions.node.startsWith('20.')) setFlagsFromString('--semi-space-growth-factor=2');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
