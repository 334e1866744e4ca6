/**
 * Workbook files on disk (Node only): open with typed errors, save atomically (temp file in the
 * same directory, renamed over the original only after the whole write succeeded).
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LAYOUT_VERSION } from '../../workbook/layout';
import { createXlsxWorkbook, type XlsxWorkbook } from './xlsx-workbook';
import { XlsxOpenError } from './errors';
import { XlsxLimitError } from './limits';

export type WorkbookFileErrorCode = 'missing' | 'not-a-workbook' | 'wrong-layout' | 'not-village' | 'over-limit';

const MESSAGES: Record<WorkbookFileErrorCode, (path: string, detail: string) => { zh: string; en: string }> = {
  missing: (p) => ({ zh: `找不到文件：${p}`, en: `File not found: ${p}` }),
  'not-a-workbook': (p, d) => ({ zh: `不是有效的 Excel 工作簿（.xlsx）：${p}${d ? `（${d}）` : ''}`, en: `Not an Excel workbook (.xlsx): ${p}` }),
  'over-limit': (p, d) => ({ zh: `${d}：${p}`, en: `The file is over an input limit: ${p}` }),
  'wrong-layout': (p, d) => ({
    zh: `工作簿不是本工具创建的村账，或版本不符（${d}）：${p}。请先用 init 创建。`,
    en: `The workbook is not a Cunzhang book of this layout version (${d}): ${p}. Create one with init first.`,
  }),
  'not-village': (p, d) => ({ zh: `该工作簿不是村账（${d}）：${p}`, en: `The workbook is not a village book (${d}): ${p}` }),
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
  ) {
    const m = MESSAGES[code](path, detail);
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

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Opens an .xlsx file as a workbook port; throws WorkbookFileError for the expected failures. */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new WorkbookFileError('missing', path);
    throw e;
  }
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) throw new WorkbookFileError('not-a-workbook', path);
  let wb: XlsxWorkbook;
  try {
    wb = await createXlsxWorkbook(bytes);
  } catch (e) {
    if (e instanceof XlsxLimitError) throw new WorkbookFileError('over-limit', path, e.zh);
    throw new WorkbookFileError('not-a-workbook', path, e instanceof XlsxOpenError && e.reason !== 'damaged' ? e.zh : '');
  }
  if (opts.requireLayout ?? true) {
    const meta = await wb.readMeta();
    if (!meta) throw new WorkbookFileError('wrong-layout', path, '缺少 _meta / no _meta');
    if (meta.layoutVersion !== LAYOUT_VERSION) {
      throw new WorkbookFileError('wrong-layout', path, `layout ${meta.layoutVersion} ≠ ${LAYOUT_VERSION}`);
    }
    const kind = opts.kind ?? 'village';
    if (kind !== 'any' && meta.kind !== kind) {
      throw new WorkbookFileError(kind === 'village' ? 'not-village' : 'wrong-layout', path, `kind ${meta.kind}`);
    }
  }
  return wb;
}

/**
 * Writes the workbook to a temp file beside `path`, then renames it over `path`. If anything
 * fails, the original file is untouched and the temp file removed.
 */
export async function saveWorkbookFileAtomic(wb: Pick<XlsxWorkbook, 'toBytes'>, path: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const bytes = await wb.toBytes();
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
