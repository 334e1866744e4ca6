/** Misuse of the .xlsx host (a bug or a workbook it cannot work with), not a data finding. */
export class XlsxHostError extends Error {
  override name = 'XlsxHostError';
}

export type XlsxOpenReason = 'damaged' | 'no-workbook' | 'strict' | 'encrypted' | 'xls';

const REASONS: Record<XlsxOpenReason, { zh: string; en: string }> = {
  damaged: { zh: '文件已损坏或不是 .xlsx 压缩包', en: 'the file is damaged or not an .xlsx zip package' },
  'no-workbook': { zh: '压缩包里没有工作簿（xl/workbook.xml）', en: 'the package holds no workbook part' },
  strict: {
    zh: '这是"Strict Open XML"格式的工作簿，请在 Excel 中另存为普通的"Excel 工作簿 (*.xlsx)"后再打开',
    en: 'this is a Strict Open XML workbook; save it from Excel as an ordinary "Excel Workbook (*.xlsx)" and try again',
  },
  encrypted: {
    zh: '工作簿设有打开密码（已加密），请在 Excel 或 WPS 中取消密码并保存后再打开',
    en: 'the workbook is password-protected (encrypted); remove the password in Excel or WPS, save, and try again',
  },
  xls: {
    zh: '这是旧版 Excel 97-2003 格式（.xls）的文件，请在 Excel 或 WPS 中另存为"Excel 工作簿 (*.xlsx)"后再打开',
    en: 'this is an old Excel 97-2003 (.xls) file; save it as an "Excel Workbook (*.xlsx)" and try again',
  },
};

/** Why bytes could not be opened as a workbook; `zh` first for people, `en` for logs. */
export class XlsxOpenError extends Error {
  override name = 'XlsxOpenError';
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly reason: XlsxOpenReason,
    readonly detail: string,
  ) {
    const r = REASONS[reason];
    super(`${r.zh} / ${r.en}${detail ? ` (${detail})` : ''}`);
    this.zh = r.zh;
    this.en = r.en;
  }
}

/**
 * The host's own reason for refusing bytes, when it tells the user more than "damaged" (a password
 * to remove, an .xls or a Strict workbook to save again as .xlsx, no workbook in the zip): every
 * face that opens a file shows it, Chinese and English. Undefined for anything else.
 */
export function refusalReason(e: unknown): { zh: string; en: string } | undefined {
  return e instanceof XlsxOpenError && e.reason !== 'damaged' ? { zh: e.zh, en: e.en } : undefined;
}
