/** The Excel host's print setup, merges, bold rows, wrapped/unprinted columns and header notes. */
import { describe, expect, it } from 'vitest';
import { ExcelHostError } from '../../../src/hosts/excel/excel-workbook';
import { TYPED_TABLES, VOUCHERS as VOUCHER_LAYOUT } from '../../../src/workbook/layout';
import { CONTRACTS } from '../../../src/workbook/contracts';
import type { GeneratedSheet } from '../../../src/workbook/port';
import { META, newBook } from './fixtures';

/** Six two-row 记账凭证 blocks: a bold heading row merged across, then a line; three per page. */
function voucherPrint(): GeneratedSheet {
  const rows: GeneratedSheet['rows'] = [];
  for (let v = 0; v < 6; v++) rows.push([`记账凭证 ${v + 1}`, null, null], ['收到发包款', '101', 100]);
  return {
    name: '记账凭证',
    title: ['记账凭证'],
    columns: [
      { header: '摘要', key: 'summary', width: 30, wrap: true },
      { header: '科目', key: 'account', width: 12 },
      { header: '金额', key: 'amount', width: 14 },
      { header: '核对', key: 'check', width: 8, noPrint: true },
    ],
    rows,
    boldRows: [0, 2, 4, 6, 8, 10],
    merges: [0, 2, 4, 6, 8, 10].map((row) => ({ row, col: 0, rows: 1, cols: 3 })),
    print: { orientation: 'landscape', fitToHeight: 2, rowBreaks: [0, 6, 12] },
  };
}

describe('generated sheets: print, merges, bold rows, wrap, noPrint', () => {
  it('merges and bolds body rows, wraps the wrapped column, breaks pages and leaves unprinted columns out of the print area', async () => {
    const { fake, port } = newBook();
    await port.replaceGeneratedSheets([voucherPrint()]);
    const sheet = fake.sheet('记账凭证');
    // Title row 1 (row0 0), header row0 1, body from row0 2: merges at body rows 0, 2 … → row0 2, 4 …
    expect(sheet.merges).toEqual([
      { row0: 0, col0: 0, rows: 1, cols: 4 },
      ...[2, 4, 6, 8, 10, 12].map((row0) => ({ row0, col0: 0, rows: 1, cols: 3 })),
    ]);
    expect([2, 3, 4, 5].map((r) => sheet.cell(r, 1)?.bold ?? false)).toEqual([true, false, true, false]);
    expect(sheet.styles.filter((s) => s.path === 'wrapText' && s.box.row0 > 1)).toEqual([{ box: { row0: 2, col0: 0, rows: 12, cols: 1 }, path: 'wrapText', value: true }]);
    // rowBreaks [0, 6, 12]: 0 would only add a blank first page and 12 is past the last row (11).
    expect(sheet.pageBreaks).toEqual([2 + 6]);
    expect(Object.fromEntries(sheet.page)).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 2 },
      'setPrintTitleRows()': ['$1:$2'],
      // 3 printed columns (核对 is left out), rows 1..14 = title + header + 12 body rows.
      'setPrintArea()': ['A1:C14'],
    });
  });

  it('clears the old page breaks when a sheet is rebuilt', async () => {
    const { fake, port } = newBook();
    await port.replaceGeneratedSheets([voucherPrint()]);
    await port.replaceGeneratedSheets([{ ...voucherPrint(), print: { rowBreaks: [4] } }]);
    const sheet = fake.sheet('记账凭证');
    expect(sheet.pageBreaks).toEqual([2 + 4]);
    // 4 printed columns would be portrait by default; 3 are.
    expect(sheet.page.get('orientation')).toBe('Portrait');
  });

  it('refuses merged cells inside an Excel table before any sync', async () => {
    const { fake, port } = newBook();
    await expect(port.replaceGeneratedSheets([{ ...voucherPrint(), table: 'VoucherPrint' }])).rejects.toBeInstanceOf(ExcelHostError);
    expect(fake.syncs).toBe(0);
  });
});

describe('typed-in sheets: notes and page setup', () => {
  it('puts each column note on its header cell as an input message, and prints 凭证 landscape on A4 with the header repeated', async () => {
    const { fake, port } = newBook();
    await port.initialize(META, TYPED_TABLES);
    const sheet = fake.sheet('凭证');
    expect(sheet.prompts).toHaveLength(VOUCHER_LAYOUT.columns.length);
    expect(sheet.prompts[4]).toEqual({
      box: { row0: 0, col0: 4, rows: 1, cols: 1 },
      prompt: { showPrompt: true, title: '借方金额', message: '借方金额（元），最多两位小数；一行只填借方或贷方' },
    });
    expect(Object.fromEntries(sheet.page)).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape', // 12 columns
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      'setPrintTitleRows()': ['$1:$1'],
      'headersFooters.defaultForAllPages.centerFooter': '第 &P 页，共 &N 页',
    });
    expect(sheet.page.has('setPrintArea()')).toBe(false); // the table grows; no fixed area
    expect(fake.sheet('设置').page.get('orientation')).toBe('Portrait'); // 2 columns
    // 合同 is created with every typed-in sheet: 48 notes, the 类型 list.
    const contracts = fake.sheet('合同');
    expect(contracts.prompts.map((p) => p.prompt.title)).toEqual(CONTRACTS.columns.map((c) => c.header));
    expect(contracts.validations.find((v) => v.box.col0 === 1)?.rule).toEqual({ list: { inCellDropDown: true, source: '土地流转,合作社入股,光伏电站,资产租赁' } });
  });
});
