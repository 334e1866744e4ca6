/**
 * Input limits of the .xlsx host, checked before anything large is built: the zip directory is
 * read first (entry count, declared sizes), a part is inflated only when we need it and only up to
 * its declared size, and sheet rows beyond Excel's own grid are refused while scanning. Nothing
 * here ever expands a range (A:A, A1:XFD1048576) into cells. Documented in docs/SECURITY.md.
 */
export interface XlsxLimits {
  /** Zip entries (parts). A village book has a few dozen; Excel files with many charts a few hundred. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all parts. */
  maxTotalBytes: number;
  /** Uncompressed size of any one part we read (a sheet, the shared strings). */
  maxPartBytes: number;
  /** Worksheets in the workbook. */
  maxSheets: number;
  /** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). A row or cell outside it is a damaged or hostile file. */
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxPartBytes: 256 * 1024 ** 2,
  maxSheets: 1_000,
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

export type LimitKind = 'entries' | 'total' | 'part' | 'sheets' | 'rows' | 'columns';

const WHAT: Record<LimitKind, { zh: string; en: string }> = {
  entries: { zh: '文件内部部件数', en: 'parts in the file' },
  total: { zh: '解压后总大小（字节）', en: 'total uncompressed size (bytes)' },
  part: { zh: '单个部件解压后大小（字节）', en: 'uncompressed size of one part (bytes)' },
  sheets: { zh: '工作表数', en: 'worksheets' },
  rows: { zh: '行号', en: 'row number' },
  columns: { zh: '列号', en: 'column number' },
};

/** A file over one of the limits: refused with what and how much, before memory blows up. */
export class XlsxLimitError extends Error {
  override name = 'XlsxLimitError';
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly kind: LimitKind,
    readonly actual: number,
    readonly limit: number,
    readonly part?: string,
  ) {
    const w = WHAT[kind];
    const where = part ? `（${part}）` : '';
    const zh = `文件超出限制：${w.zh} ${actual.toLocaleString('en-US')} 超过上限 ${limit.toLocaleString('en-US')}${where}。文件可能已损坏或不是正常的工作簿。`;
    const en = `File over a limit: ${w.en} ${actual.toLocaleString('en-US')} exceeds ${limit.toLocaleString('en-US')}${part ? ` (${part})` : ''}. The file may be damaged or not an ordinary workbook.`;
    super(`${zh} / ${en}`);
    this.zh = zh;
    this.en = en;
  }
}
