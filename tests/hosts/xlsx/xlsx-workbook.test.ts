import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createXlsxWorkbook, XlsxHostError } from '../../../src/hosts/xlsx/xlsx-workbook';
import { ACCOUNTS, OPENING, SETTINGS, SHEETS, VOUCHERS } from '../../../src/workbook/layout';
import { decodeOpening, decodeSettings, decodeVouchers, encodeVoucherRows } from '../../../src/workbook/codecs';
import type { Voucher } from '../../../src/core/ledger/types';
import { EXAMPLE_OPENING, EXAMPLE_VOUCHERS } from '../../support/worked-example';
import { buildVillage, META, TRIAL } from './build-village';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

type TableModel = { name: string; tableRef: string; columns: { name: string }[] };
const tableOf = (ws: ExcelJS.Worksheet, name: string): TableModel | undefined =>
  (ws as unknown as { tables: Record<string, { model: TableModel }> }).tables[name]?.model;
const validationAt = (ws: ExcelJS.Worksheet, addr: string): ExcelJS.DataValidation | undefined =>
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[addr];

const stripSource = (vs: Voucher[]): Voucher[] => vs.map((v) => ({ ...v, lines: v.lines.map(({ source: _s, ...l }) => l) }));

describe('ExcelJS host: the saved file, read back by ExcelJS itself', () => {
  it('has typed-in sheets first, generated after, _meta hidden and last', async () => {
    const x = await reopen(await (await buildVillage()).toBytes());
    expect(x.worksheets.map((w) => w.name)).toEqual(['设置', '科目', '期初余额', '凭证', '合同', '科目余额表', '科目表', '_meta']);
    expect(x.getWorksheet('_meta')?.state).toBe('hidden');
    expect(x.getWorksheet('凭证')?.state).toBe('visible');
  });

  it('keeps typed-in sheets as named Excel tables with formats, validation and a frozen header', async () => {
    const x = await reopen(await (await buildVillage()).toBytes());
    const ws = x.getWorksheet('凭证') as ExcelJS.Worksheet;
    const t = tableOf(ws, 'Vouchers');
    expect(t?.tableRef).toBe('A1:L22'); // header + 21 lines
    expect(t?.columns.map((c) => c.name)).toEqual(VOUCHERS.columns.map((c) => c.header));
    expect(tableOf(x.getWorksheet('期初余额') as ExcelJS.Worksheet, 'Opening')?.tableRef).toBe('A1:D8');
    expect(tableOf(x.getWorksheet('科目') as ExcelJS.Worksheet, 'Accounts')?.tableRef).toBe('A1:B2');
    expect(tableOf(x.getWorksheet('设置') as ExcelJS.Worksheet, 'Settings')?.tableRef).toBe('A1:B5');

    const a2 = ws.getCell('A2');
    expect(a2.value).toEqual(new Date(Date.UTC(2025, 0, 10)));
    expect(a2.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toBe('102');
    expect(ws.getCell('D2').numFmt).toBe('@');
    expect(ws.getCell('E2').value).toBe(60000);
    expect(ws.getCell('E2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F16').value).toBe(7000); // voucher 7, third line: Cr 102 7,000.00
    expect(validationAt(ws, 'D2')).toMatchObject({ type: 'list', formulae: ["'科目表'!$A$3:$A$3002"] });
    expect(validationAt(ws, 'D5001')).toBeDefined();
    expect(validationAt(ws, 'E2')).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes generated sheets with title lines, cached formula results, bold totals, A4 setup and protection', async () => {
    const x = await reopen(await (await buildVillage()).toBytes());
    const ws = x.getWorksheet(SHEETS.trialBalance) as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('科目余额表');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('示例村 2025年 单位：元');
    expect(ws.getCell('A3').value).toBe('科目编码');
    expect(ws.getCell('C7').value).toEqual({ formula: 'SUM(C4:C6)', result: 682000 });
    expect(ws.getCell('C7').font?.bold).toBe(true);
    expect(ws.getCell('C5').font?.bold).toBeFalsy();
    expect(ws.getCell('C5').numFmt).toBe('#,##0.00');
    expect(tableOf(ws, 'TrialBalance')?.tableRef).toBe('A3:C7');
    expect(ws.getColumn(2).width).toBe(20);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const list = x.getWorksheet('科目表') as ExcelJS.Worksheet;
    expect([list.getCell('A3').value, list.getCell('B3').value]).toEqual(['101', '库存现金']);
  });
});

describe('ExcelJS host: active sheet', () => {
  it('never saves with the hidden _meta as the active tab', async () => {
    const x = await reopen(await (await buildVillage()).toBytes());
    x.views = [{ x: 0, y: 0, width: 10000, height: 8000, firstSheet: 0, activeTab: 7, visibility: 'visible' }];
    expect(x.worksheets[7]?.name).toBe('_meta');
    const wb = await createXlsxWorkbook((await x.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const y = await reopen(await wb.toBytes());
    expect(y.views[0]?.activeTab).toBe(0);
  });
});

describe('ExcelJS host: reading back through the port and codecs', () => {
  it('decodes the worked example after a save and reload', async () => {
    const wb = await createXlsxWorkbook(await (await buildVillage()).toBytes());
    expect(await wb.readMeta()).toEqual(META);
    const [settings, opening, vouchers, accounts] = await wb.readTables([SETTINGS, OPENING, VOUCHERS, ACCOUNTS]);
    expect(decodeSettings(settings!).settings).toEqual({ village: '示例村', township: '示例镇', fiscalYear: 2025 });
    expect(decodeOpening(opening!).balances.map(({ source: _s, ...b }) => b)).toEqual(EXAMPLE_OPENING);
    const v = decodeVouchers(vouchers!);
    expect(v.findings).toEqual([]);
    expect(stripSource(v.vouchers)).toEqual(EXAMPLE_VOUCHERS);
    expect(v.vouchers[6]?.lines[2]?.source).toEqual({ sheet: '凭证', row: 16 });
    expect(accounts?.rows).toEqual([]);
  });

  it('appendRows twice across saves keeps earlier rows and grows the table', async () => {
    const first = await createXlsxWorkbook(await (await buildVillage()).toBytes());
    const extra: Voucher = { date: '2026-01-05', number: '1', summary: '收到租金', lines: [{ account: '102', debit: 100_00, credit: 0 }, { account: '501', debit: 0, credit: 100_00 }] };
    await first.appendRows(VOUCHERS, encodeVoucherRows([extra]));
    const second = await createXlsxWorkbook(await first.toBytes());
    await second.appendRows(VOUCHERS, encodeVoucherRows([{ ...extra, number: '2', summary: '再收租金' }]));
    const bytes = await second.toBytes();
    const [t] = await (await createXlsxWorkbook(bytes)).readTables([VOUCHERS]);
    const all = decodeVouchers(t!).vouchers;
    expect(stripSource(all.slice(0, 10))).toEqual(EXAMPLE_VOUCHERS);
    expect(all.slice(10).map((v) => [v.number, v.summary, v.lines[0]?.source?.row])).toEqual([['1', '收到租金', 23], ['2', '再收租金', 25]]);
    const x = await reopen(bytes);
    const ws = x.getWorksheet('凭证') as ExcelJS.Worksheet;
    expect(tableOf(ws, 'Vouchers')?.tableRef).toBe('A1:L26');
    expect(ws.getCell('A25').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
  });

  it('reads rows typed just below the table, and appends after them', async () => {
    const x = await reopen(await (await buildVillage()).toBytes());
    const ws = x.getWorksheet('期初余额') as ExcelJS.Worksheet;
    ws.getRow(9).values = ['113', '内部往来', 500, null]; // typed below A1:D8 by a program that does not grow tables
    const wb = await createXlsxWorkbook(await x.xlsx.writeBuffer() as unknown as ArrayBuffer);
    await wb.appendRows(OPENING, [['121', '库存物资', 10, null]]);
    const [t] = await wb.readTables([OPENING]);
    expect(t?.rows.slice(-2)).toEqual([['113', '内部往来', 500, null], ['121', '库存物资', 10, null]]);
    const y = await reopen(await wb.toBytes());
    expect(tableOf(y.getWorksheet('期初余额') as ExcelJS.Worksheet, 'Opening')?.tableRef).toBe('A1:D10');
  });

  it('maps appended values by header when the user reordered columns', async () => {
    const x = await reopen(await (await buildVillage()).toBytes());
    const ws = x.getWorksheet('科目') as ExcelJS.Worksheet;
    ws.getCell('A1').value = '科目名称';
    ws.getCell('B1').value = '科目编码';
    const model = tableOf(ws, 'Accounts') as TableModel;
    model.columns = [{ ...model.columns[1], name: '科目名称' }, { ...model.columns[0], name: '科目编码' }] as TableModel['columns'];
    const wb = await createXlsxWorkbook(await x.xlsx.writeBuffer() as unknown as ArrayBuffer);
    await wb.appendRows(ACCOUNTS, [['50101', '土地发包收入']]);
    const [t] = await wb.readTables([ACCOUNTS]);
    expect(t?.header).toEqual(['科目名称', '科目编码']);
    expect(t?.rows).toEqual([['土地发包收入', '50101']]);
  });

  it('replacing a generated sheet keeps its place; a new one goes by the generated order', async () => {
    const wb = await createXlsxWorkbook(await (await buildVillage()).toBytes());
    await wb.replaceGeneratedSheets([{ ...TRIAL, rows: [['101', '库存现金', 1]] }, { name: SHEETS.findings, title: ['检查结果'], columns: [{ header: '规则', key: 'rule' }], rows: [] }]);
    expect(await wb.sheetNames()).toEqual(['设置', '科目', '期初余额', '凭证', '合同', '检查结果', '科目余额表', '科目表', '_meta']);
    const x = await reopen(await wb.toBytes());
    expect(x.getWorksheet(SHEETS.trialBalance)?.getCell('C4').value).toBe(1);
    expect(x.getWorksheet(SHEETS.trialBalance)?.getCell('C7').value).toBeNull();
  });

  it('misuse throws typed errors: duplicate headers in a generated table, writing _meta or a typed-in sheet as a report', async () => {
    const wb = await createXlsxWorkbook();
    const dup = { name: '总账', title: [], columns: [{ header: '借方', key: 'a' }, { header: '借方', key: 'b' }], rows: [], table: 'GL' };
    await expect(wb.replaceGeneratedSheets([dup])).rejects.toBeInstanceOf(XlsxHostError);
    await expect(wb.replaceGeneratedSheets([{ ...dup, name: '_meta', table: undefined } as never])).rejects.toBeInstanceOf(XlsxHostError);
    const village = await buildVillage();
    await expect(village.replaceGeneratedSheets([{ name: '凭证', title: [], columns: [], rows: [] }])).rejects.toBeInstanceOf(XlsxHostError);
    const [t] = await village.readTables([VOUCHERS]);
    expect(t?.rows).toHaveLength(21);
  });

  it('opens from an ArrayBuffer as the browser passes it, and a foreign workbook has no meta', async () => {
    const x = new ExcelJS.Workbook();
    x.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const buf = (await x.xlsx.writeBuffer()) as unknown as Uint8Array;
    const ab = new Uint8Array(buf).slice().buffer;
    const wb = await createXlsxWorkbook(ab);
    expect(await wb.readMeta()).toBeUndefined();
    expect(await wb.sheetNames()).toEqual(['Sheet1']);
    await expect(createXlsxWorkbook(new TextEncoder().encode('not a zip'))).rejects.toThrow();
  });
});
