/**
 * Opening a file in the standalone pane: what the user is told when the file is not one we can
 * open. The host's own refusals (a password-protected workbook, an old .xls saved as .xlsx) reach
 * the user with their reason, as the CLI gives it; bytes that are no workbook at all get the
 * pane's plain "not an Excel workbook".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/taskpane/errors';
import { createStandalonePaneHost } from '../../src/taskpane/host';
import { MESSAGES } from '../../src/taskpane/i18n';

const REFUSED = join(__dirname, '..', 'fixtures', 'xlsx-corpus', 'refused');
const [zh, en] = [MESSAGES['zh-CN'], MESSAGES['en-US']];
const host = createStandalonePaneHost({ search: '', href: 'http://localhost/taskpane.html' });

/** What the pane would show for opening `bytes` under `name`. */
async function messagesFor(bytes: Uint8Array, name: string): Promise<{ zh: string; en: string }> {
  try {
    await host.openFile(new File([bytes as BlobPart], name));
  } catch (e) {
    return { zh: describeError(e, zh), en: describeError(e, en) };
  }
  throw new Error(`${name} opened`);
}

describe('standalone pane: files it cannot open', () => {
  it('a password-protected workbook: remove the password first', async () => {
    const m = await messagesFor(await readFile(join(REFUSED, 'excel-encrypted-aes.xlsx')), '加密.xlsx');
    expect(m.zh).toBe('工作簿设有打开密码（已加密），请在 Excel 或 WPS 中取消密码并保存后再打开');
    expect(m.en).toBe('The workbook is password-protected (encrypted); remove the password in Excel or WPS, save, and try again');
  });

  it('an old .xls renamed to .xlsx: save it as .xlsx', async () => {
    const m = await messagesFor(await readFile(join(REFUSED, 'old-format.xls')), '旧账.xlsx');
    expect(m.zh).toContain('旧版 Excel 97-2003 格式（.xls）');
    expect(m.en).toMatch(/^This is an old Excel 97-2003 \(\.xls\) file/);
  });

  it('an import file (凭证 as .xlsx) that is password-protected says so too', async () => {
    const bytes = await readFile(join(REFUSED, 'excel-encrypted-aes.xlsx'));
    const e = await host.readTable(new File([bytes as BlobPart], '凭证.xlsx')).then(() => undefined, (err: unknown) => err);
    expect(describeError(e, zh)).toBe('工作簿设有打开密码（已加密），请在 Excel 或 WPS 中取消密码并保存后再打开');
  });

  it('bytes that are no workbook at all: the plain message', async () => {
    const m = await messagesFor(new TextEncoder().encode('日期,凭证号\n2025-01-01,1\n'), '凭证.xlsx');
    expect(m.zh).toBe(zh.errorNotXlsx);
  });

  it('a zip that is not a workbook: the host says it has no workbook part', async () => {
    // "PK" + an empty zip's end-of-central-directory record: a valid zip with no entries.
    const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const m = await messagesFor(emptyZip, '空.xlsx');
    expect(m).toEqual({ zh: '压缩包里没有工作簿（xl/workbook.xml）', en: 'The package holds no workbook part' });
  });
});
