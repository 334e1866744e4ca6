/**
 * Workbook files on disk (Node only): open with typed errors, save atomically (temp file in the
 * same directory, read back and verified, the previous version kept as .bak, then renamed over
 * the original), with node:zlib's native compression.
 */
import { copyFile, link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LAYOUT_VERSION, SUPPORTED_LAYOUT_VERSIONS } from '../../workbook/layout';
import { openXlsx, type XlsxWorkbook } from './xlsx-workbook';
import { NODE_CODEC } from './node-codec';
import { refusalReason } from './errors';
import { fileSignature } from './signature';
import { XlsxLimitError } from './limits';

export type WorkbookFileErrorCode = 'missing' | 'not-a-workbook' | 'wrong-layout' | 'not-village' | 'not-township' | 'over-limit';

const MESSAGES: Record<WorkbookFileErrorCode, (path: string, detail: string, detailEn: string) => { zh: string; en: string }> = {
  missing: (p) => ({ zh: `找不到文件：${p}`, en: `File not found: ${p}` }),
  'not-a-workbook': (p, d, de) => ({ zh: `不是有效的 Excel 工作簿（.xlsx）：${p}${d ? `（${d}）` : ''}`, en: `Not an Excel workbook (.xlsx): ${p}${de ? ` (${de})` : ''}` }),
  'over-limit': (p, d) => ({ zh: `${d}：${p}`, en: `The file is over an input limit: ${p}` }),
  'wrong-layout': (p, d) => ({
    zh: `工作簿不是本工具创建的村账，或版本不符（${d}）：${p}。请先用 init 创建。`,
    en: `The workbook is not a Cunzhang book of this layout version (${d}): ${p}. Create one with init first.`,
  }),
  'not-village': (p, d) => ({ zh: `该工作簿不是村账（${d}）：${p}`, en: `The workbook is not a village book (${d}): ${p}` }),
  'not-township': (p, d) => ({ zh: `该工作簿不是乡镇汇总工作簿（${d}）：${p}。请用 consolidate 生成的文件。`, en: `The workbook is not a township consolidation workbook (${d}): ${p}. Use a file written by consolidate.` }),
};

/** Why a workbook file cannot be used; `zh` first for people, `en` for logs. */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly code: WorkbookFileErrorCode,
    readonly path: string,
    detail = '',
    detailEn = '',
  ) {
    const m = MESSAGES[code](path, detail, detailEn);
    super(`${m.zh} / ${m.en}`);
    this.zh = m.zh;
    this.en = m.en;
  }
}

export interface OpenOptions {
  /** Require a _meta sheet of the current layout version (every command but init). Default true. */
  requireLayout?: boolean;
  /** Which book kind the command needs. Default 'village'; 'any' skips the check. */
  kind?: 'village' | 'township' | 'any';
}

/** Opens an .xlsx file as a workbook port; throws WorkbookFileError for the expected failures. */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new WorkbookFileError('missing', path);
    throw e;
  }
  // A compound file goes on to openXlsx, which says whether it is encrypted or an .xls.
  if (fileSignature(bytes) === undefined) throw new WorkbookFileError('not-a-workbook', path);
  let wb: XlsxWorkbook;
  try {
    wb = openXlsx(bytes, { codec: NODE_CODEC });
  } catch (e) {
    if (e instanceof XlsxLimitError) throw new WorkbookFileError('over-limit', path, e.zh);
    const why = refusalReason(e);
    throw new WorkbookFileError('not-a-workbook', path, why?.zh, why?.en);
  }
  if (opts.requireLayout ?? true) {
    const meta = await wb.readMeta();
    if (!meta) throw new WorkbookFileError('wrong-layout', path, '缺少 _meta / no _meta');
    if (!SUPPORTED_LAYOUT_VERSIONS.includes(meta.layoutVersion)) {
      throw new WorkbookFileError('wrong-layout', path, `layout ${meta.layoutVersion} ≠ ${LAYOUT_VERSION}`);
    }
    const kind = opts.kind ?? 'village';
    if (kind !== 'any' && meta.kind !== kind) {
      throw new WorkbookFileError(kind === 'village' ? 'not-village' : 'not-township', path, `kind ${meta.kind}`);
    }
  }
  return wb;
}

/** How many earlier versions a save keeps beside the file: name.xlsx.bak (newest), .bak.2, .bak.3. */
export const BACKUPS = 3;

export function backupPath(path: string, n: number): string {
  return n === 1 ? `${path}.bak` : `${path}.bak.${n}`;
}

/**
 * Named points inside a save where a test may stop the process (CUNZHANG_CRASH_POINT=<name>):
 * the CLI says so on stderr and waits to be killed, so the kill lands exactly there.
 */
export type CrashPoint = 'temp-written' | 'verified' | 'backed-up' | 'renamed';

async function crashPoint(name: CrashPoint): Promise<void> {
  if (process.env.CUNZHANG_CRASH_POINT !== name) return;
  process.stderr.write(`crash-point:${name}\n`);
  await new Promise(() => undefined); // never resolves: the test kills us here
}

/**
 * Saves without ever leaving a half-written workbook at `path`:
 * 1. the bytes go to a temp file beside it, flushed to disk;
 * 2. the temp file is read back and must equal the bytes and open as a workbook;
 * 3. the previous file is kept as name.xlsx.bak (older ones rotate to .bak.2, .bak.3);
 * 4. the temp file is renamed over `path` (atomic on one file system).
 * A crash or kill at any step leaves `path` either as it was or as the new, verified file.
 * If anything fails, the original is untouched and the temp file removed.
 */
export async function saveWorkbookFileAtomic(wb: Pick<XlsxWorkbook, 'toBytes'>, path: string): Promise<void> {
  // pid + a random tag keeps two saves apart; 'wx' below refuses a name already taken. Not
  // node:crypto: loading it cost every command 3–5 ms, and the name needs no secrecy.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  try {
    const bytes = await wb.toBytes();
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await crashPoint('temp-written');
    await verifyWritten(tmp, bytes);
    await crashPoint('verified');
    await rotateBackups(path);
    await crashPoint('backed-up');
    await rename(tmp, path);
    await crashPoint('renamed');
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * The file on disk must be the bytes we meant, and a workbook we can open again. It is read back
 * a megabyte at a time into one buffer, not whole: an 11 MB book read whole cost as much again in
 * fresh memory. Once the file equals `bytes`, reopening `bytes` is reopening the file.
 */
export async function verifyWritten(tmp: string, bytes: Uint8Array): Promise<void> {
  const differs = (): Error => new Error('写入后读回的内容与写入的不一致，已放弃保存 / the file read back differs from what was written; save abandoned');
  const fh = await open(tmp, 'r');
  try {
    const { size } = await fh.stat();
    if (size !== bytes.length) throw differs();
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(VERIFY_CHUNK, size)));
    for (let at = 0; at < size; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - at), at);
      if (bytesRead === 0 || !buf.subarray(0, bytesRead).equals(bytes.subarray(at, at + bytesRead))) throw differs();
      at += bytesRead;
    }
  } finally {
    await fh.close();
  }
  const reopened = openXlsx(bytes, { codec: NODE_CODEC });
  await reopened.sheetNames();
}

const VERIFY_CHUNK = 1 << 20;

/** name.xlsx.bak.2 → .bak.3, .bak → .bak.2, then the current file becomes .bak (a hard link, so it costs no copy). */
async function rotateBackups(path: string): Promise<void> {
  try {
    await stat(path);
  } catch {
    return; // a new file: nothing to keep
  }
  for (let n = BACKUPS - 1; n >= 1; n--) {
    await rename(backupPath(path, n), backupPath(path, n + 1)).catch(() => undefined);
  }
  const bak = backupPath(path, 1);
  await unlink(bak).catch(() => undefined);
  try {
    await link(path, bak);
  } catch {
    await copyFile(path, bak);
  }
}
