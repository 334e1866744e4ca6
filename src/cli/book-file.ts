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
  keepYoungGenerationSmall();
  return createXlsxWorkbook(undefined, { codec: NODE_CODEC });
}

/** Books (with an import's input) up to this size keep a small young generation: a village's year is ~0.4 MB, 100,000 voucher lines ~3 MB before report. */
const SMALL_BOOK_BYTES = 4 * 1024 * 1024;
let sized = false;

/**
 * For a small book, V8's young generation stays at the size it has when the book is opened
 * (--semi-space-growth-factor=1; a big book, and consolidate, keep V8's default growth). Why: V8
 * doubles the young generation (up to 2 × 16 MB) whenever much of it survives a scavenge, and a
 * command that builds a book's data makes most of it survive. On the machine these commands were
 * measured on, first touching a page of memory costs ~15–20 µs, so growing to 32 MB cost a small
 * command ~0.1 s: on 10,000 lines `report` 0.74–0.81 s → 0.67–0.72 s, `import` 0.52–0.57 →
 * 0.44–0.47 s; 100,000 lines (3 MB) unchanged or a little faster; but 300,000 lines (9 MB)
 * 5.7 → 6.5 s and consolidating 500 villages 5.9 → 6.4 s, from many more scavenges, hence the
 * limits. The flag is read each time V8 considers growing, so setting it changes only later
 * growth (Node warns that flags set after start may do nothing; this one measurably works on
 * Node 20, and only Node 20 gets it: a later V8 may drop it and complain on stderr). It changes no
 * value anywhere, only when memory is collected. (Set here, not at start: loading node:v8 costs
 * ~5 ms, which `--help` need not pay. `import` calls it before reading its input, with both files.)
 */
export async function sizeYoungGeneration(...paths: string[]): Promise<void> {
  // Once per command: import decides with its input too, and withBookFile, on the book alone, must not undo that.
  if (sized) return;
  sized = true;
  let bytes = 0;
  for (const p of paths) {
    try {
      bytes += (await stat(p)).size;
    } catch {
      // a missing file: the command says so when it opens it
    }
  }
  if (bytes <= SMALL_BOOK_BYTES) keepYoungGenerationSmall();
}

function keepYoungGenerationSmall(): void {
  if (process.versions.node.startsWith('20.')) setFlagsFromString('--semi-space-growth-factor=1');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
