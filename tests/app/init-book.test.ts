/**
 * A fresh `init` book, saved and read back by ExcelJS: every typed-in sheet of the layout is there
 * (合同 included) as a named table with its headers, the body formats, list validation and a frozen header.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { initVillage } from '../../src/app/init-village';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { TYPED_TABLES } from '../../src/workbook/layout';

async function freshBook(): Promise<ExcelJS.Workbook> {
  const wb = await createXlsxWorkbook();
  expect((await initVillage(wb, { village: '新村', township: '青山镇', year: 2026 })).ok).toBe(true);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(Buffer.from(await wb.toBytes()) as unknown as ArrayBuffer);
  return x;
}

type TableModel = { tableRef: string; columns: { name: string }[] };
const tableOf = (ws: ExcelJS.Worksheet, name: string): TableModel | undefined =>
  (ws as unknown as { tables: Record<string, { model: TableModel }> }).tables[name]?.model;
const validations = (ws: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation> =>
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));

describe('a fresh init book', () => {
  it('has every typed-in sheet, 合同 included, with headers, body formats, list validation and a frozen header', async () => {
    const x = await freshBook();
    expect(TYPED_TABLES.map((t) => t.sheet)).toEqual(['设置', '科目', '期初余额', '凭证', '合同']);
    for (const spec of TYPED_TABLES) {
      const ws = x.getWorksheet(spec.sheet);
      expect(ws, spec.sheet).toBeDefined();
      if (!ws) continue;
      const table = tableOf(ws, spec.table);
      expect(table?.columns.map((c) => c.name), spec.sheet).toEqual(spec.columns.map((c) => c.header));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const dv = validations(ws);
      spec.columns.forEach((c, i) => {
        const cell = ws.getCell(`${letter(i)}2`);
        if (c.numFmt !== undefined && c.numFmt !== 'General') expect(cell.numFmt, `${spec.sheet}!${c.header}`).toBe(c.numFmt);
        const v = Object.entries(dv).find(([addr]) => addr === `${letter(i)}2` || addr.startsWith(`${letter(i)}2:`))?.[1];
        if (c.validation) expect(v?.type, `${spec.sheet}!${c.header}`).toBe('list');
        else expect(v, `${spec.sheet}!${c.header}`).toBeUndefined();
      });
    }
    // 合同's 类型 (column B) lists the four kinds; 凭证's 科目编码 (D) points at 科目表.
    const kinds = Object.entries(validations(x.getWorksheet('合同') as ExcelJS.Worksheet)).find(([a]) => a.startsWith('B2'))?.[1];
    expect(kinds?.formulae).toEqual(['"土地流转,合作社入股,光伏电站,资产租赁"']);
    const codes = Object.entries(validations(x.getWorksheet('凭证') as ExcelJS.Worksheet)).find(([a]) => a.startsWith('D2'))?.[1];
    expect(codes?.formulae).toEqual(["'科目表'!$A$3:$A$3002"]);
  });

  it('gives every typed-in column a note', () => {
    const missing = TYPED_TABLES.flatMap((t) => t.columns.filter((c) => (c.note ?? '').length === 0).map((c) => `${t.sheet}!${c.header}`));
    expect(missing).toEqual([]);
    // Excel's input-message limit is 255 characters (the Office.js host cuts there; none of ours needs it).
    const long = TYPED_TABLES.flatMap((t) => t.columns.filter((c) => (c.note ?? '').length > 255).map((c) => c.header));
    expect(long).toEqual([]);
  });
});

/** A workbook someone keeps (written by ExcelJS here), with the sheets `make` adds. */
async function ownWorkbook(make: (x: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const x = new ExcelJS.Workbook();
  x.addWorksheet('备忘').addRow(['我的笔记']);
  make(x);
  return new Uint8Array(await x.xlsx.writeBuffer());
}

describe('init on a workbook someone already keeps', () => {
  it('refuses, writing nothing, when a sheet of ours is taken by something else: a 凭证 of other columns, a 明细账 a report would replace', async () => {
    const bytes = await ownWorkbook((x) => {
      x.addWorksheet('凭证').addRows([['日期', '金额'], ['2025-01-01', 5]]);
      x.addWorksheet('明细账').addRow(['手记的明细']);
    });
    const wb = await createXlsxWorkbook(bytes);
    const r = await initVillage(wb, { village: '新村', township: '青山镇', year: 2026 });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.rule, f.sheet, f.zh])).toEqual([
      // 凭证 has 日期 but not 凭证号, 摘要, 科目编码 … (the first three missing are named).
      ['init.sheet-taken', '凭证', '工作簿中已有"凭证"表，但不是村账的凭证表（没有"凭证号"、"摘要"、"科目编码"等列）：请先把它改名，再建账'],
      ['init.sheet-taken', '明细账', '工作簿中已有"明细账"表，村账生成报表时会整张重写这个表：请先把它改名，再建账'],
    ]);
    expect(await wb.readMeta()).toBeUndefined();
    expect(await wb.sheetNames()).toEqual(['备忘', '凭证', '明细账']);
  });

  it('takes over a 凭证 sheet laid out as ours (every column), and adds the rest after the user\'s sheets', async () => {
    const { VOUCHERS } = await import('../../src/workbook/layout');
    const bytes = await ownWorkbook((x) => {
      x.addWorksheet('凭证').addRows([VOUCHERS.columns.map((c) => c.header)]);
    });
    const wb = await createXlsxWorkbook(bytes);
    expect(await initVillage(wb, { village: '新村', township: '青山镇', year: 2026 })).toEqual({ ok: true, findings: [] });
    const names = await wb.sheetNames();
    expect(names.slice(0, 2)).toEqual(['备忘', '凭证']);
    for (const s of ['设置', '科目', '期初余额', '合同', '科目表']) expect(names, s).toContain(s);
  });
});
