/** Import files as header and rows, shared by the CLI and the task pane: UTF-8 (BOM or not) or GBK CSV, and .xlsx grids. */
import { describe, expect, it } from 'vitest';
import { csvTable, decodeText, gridTable } from '../../src/workbook/input-table';

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, and GBK (what Excel on a Chinese Windows saves)', () => {
    const utf8 = new TextEncoder().encode('科目编码');
    expect(decodeText(utf8)).toBe('科目编码');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('科目编码');
    // 科 = BF C6, 目 = C4 BF in GBK; these bytes are not valid UTF-8.
    expect(decodeText(new Uint8Array([0xbf, 0xc6, 0xc4, 0xbf]))).toBe('科目');
  });
});

describe('csvTable and gridTable', () => {
  it('take the first line as the trimmed header; the rows start on line 2', () => {
    const t = csvTable(new TextEncoder().encode(' 科目编码 ,期末借方\n101,"1,500.00"\n'));
    expect(t).toEqual({ header: ['科目编码', '期末借方'], rows: [['101', '1,500.00']], firstRow: 2 });
  });
  it('pad every grid row to the widest one', () => {
    expect(gridTable([['科目编码', '期末借方', null], ['101'], ['102', 2, 3]])).toEqual({
      header: ['科目编码', '期末借方', ''],
      rows: [['101', null, null], ['102', 2, 3]],
      firstRow: 2,
    });
  });
});
