import { describe, expect, it } from 'vitest';
import { describeError, isUnexpected, PaneError } from '../../src/taskpane/errors';
import { MESSAGES } from '../../src/taskpane/i18n';

const zh = MESSAGES['zh-CN'];
const en = MESSAGES['en-US'];

describe('describeError (the pane\'s one message renderer)', () => {
  it('says a cancelled run changed nothing', () => {
    const ac = new AbortController();
    ac.abort();
    expect(describeError(ac.signal.reason, zh)).toBe('已取消，账簿没有改动。');
  });
  it('explains a wrong file in plain Chinese', () => {
    expect(describeError(new PaneError('not-xlsx', 'a.xls'), zh)).toContain('不是 Excel 工作簿');
    expect(describeError(new PaneError('not-xlsx', 'a.xls'), en)).toContain('not an Excel workbook');
  });
  it('uses the typed error\'s own Chinese message when it carries one', () => {
    const e = Object.assign(new Error('x'), { zh: '这不是村账工作簿', en: 'Not a village workbook' });
    expect(describeError(e, zh)).toBe('这不是村账工作簿');
    expect(describeError(e, en)).toBe('Not a village workbook');
  });
  it('never shows an exception text for a bug, and flags it for the console', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(describeError(bug, zh)).toBe(zh.errorGeneric);
    expect(isUnexpected(bug)).toBe(true);
    expect(isUnexpected(new PaneError('bad-file'))).toBe(false);
  });
});

describe('message tables', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const table of [zh, en]) {
      for (const [key, v] of Object.entries(table)) {
        if (typeof v === 'string') expect(v, key).not.toBe('');
      }
    }
  });
  it('name the download like 示例村-2025-已生成报表.xlsx', () => {
    expect(zh.downloadFileName('示例村', 2025, true)).toBe('示例村-2025-已生成报表.xlsx');
  });
});
