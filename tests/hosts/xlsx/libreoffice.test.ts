/** A third program (LibreOffice) reads what we wrote: values, dates, and cached formula results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveWorkbookFileAtomic } from '../../../src/hosts/xlsx/file';
import { xlsxToCsvSheets } from '../../support/libreoffice';
import { createXlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { LAYOUT_VERSION, VOUCHERS } from '../../../src/workbook/layout';
import { buildVillage, TRIAL } from './build-village';

let dir = '';
let path = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cz-lo-'));
  path = join(dir, 'village.xlsx');
  await saveWorkbookFileAtomic(await buildVillage(), path);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LibreOffice opens the ExcelJS workbook', () => {
  it('sees every sheet with our values and the cached SUM result', async () => {
    const sheets = await xlsxToCsvSheets(path);
    expect(Object.keys(sheets).sort()).toEqual(['_meta', '凭证', '合同', '期初余额', '科目', '科目余额表', '科目表', '设置'].sort());
    const v = sheets['凭证'] as string[][];
    expect(v[0]).toEqual(['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额', '合同编号', '往来单位', '附件数', '制单人', '审核人', '冲销凭证']);
    expect(v[1]?.slice(0, 6)).toEqual(['2025-01-10', '1', '收到土地发包款', '102', '60000', '']);
    expect(v[15]?.slice(0, 6)).toEqual(['2025-10-12', '7', '办公费', '102', '', '7000']);
    expect(sheets['科目余额表']?.[6]).toEqual(['', '合计', '682000']);
    expect(sheets['期初余额']?.[4]).toEqual(['152', '累计折旧', '', '100000']);
    expect(sheets['_meta']).toContainEqual(['layoutVersion', String(LAYOUT_VERSION)]);
    expect(sheets['科目表']?.[2]).toEqual(['101', '库存现金', '1', '资产类', '借']);
  });

  it('shows money with the #,##0.00 format', async () => {
    const sheets = await xlsxToCsvSheets(path, { asShown: true });
    expect(sheets['凭证']?.[1]?.slice(0, 6)).toEqual(['2025-01-10', '1', '收到土地发包款', '102', '60,000.00', '']);
    expect(sheets['科目余额表']?.[6]).toEqual(['', '合计', '682,000.00']);
  });
});

describe('LibreOffice opens a book that went through reload, append and replace', () => {
  it('sees the appended line after the earlier ones and the replaced report', async () => {
    const reloaded = await createXlsxWorkbook(await (await buildVillage()).toBytes());
    await reloaded.appendRows(VOUCHERS, [['2026-01-05', '1', '收到租金', '102', 100.5, null, null, null, 1, '张会计', null, null]]);
    await reloaded.replaceGeneratedSheets([{ ...TRIAL, rows: [['101', '库存现金', 800], ['', '合计', { formula: 'SUM(C4:C4)', result: 800 }]], totalRows: [1] }]);
    const again = join(dir, 'again.xlsx');
    await saveWorkbookFileAtomic(reloaded, again);
    const sheets = await xlsxToCsvSheets(again);
    const v = sheets['凭证'] as string[][];
    expect(v).toHaveLength(23);
    expect(v[1]?.slice(0, 6)).toEqual(['2025-01-10', '1', '收到土地发包款', '102', '60000', '']);
    expect(v[22]).toEqual(['2026-01-05', '1', '收到租金', '102', '100.5', '', '', '', '1', '张会计', '', '']);
    expect(sheets['科目余额表']?.slice(3)).toEqual([['101', '库存现金', '800'], ['', '合计', '800']]);
  });
});
