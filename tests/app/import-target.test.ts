/**
 * An import writes every column of its table, so a 凭证 or 期初余额 sheet whose header lost one
 * (renamed or deleted by hand) is refused up front with a finding naming the column, and nothing
 * is written. Before, the .xlsx host threw on the missing column half way into the save and the
 * CLI called it an internal error (exit 70).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { OPENING, VOUCHERS } from '../../src/workbook/layout';
import { parseCsv } from '../../src/workbook/voucher-import';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}

/** A new book whose `sheet` header cell `from` was retyped as `to` by hand (ExcelJS standing in for the user). */
async function bookWithRenamedHeader(sheet: string, from: string, to: string): Promise<XlsxWorkbook> {
  const wb = await createXlsxWorkbook();
  expect((await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(Buffer.from(await wb.toBytes()) as unknown as ArrayBuffer);
  const ws = x.getWorksheet(sheet)!;
  let renamed = 0;
  ws.getRow(1).eachCell((cell) => {
    if (cell.value === from) {
      cell.value = to;
      renamed++;
    }
  });
  expect(renamed).toBe(1);
  return createXlsxWorkbook(new Uint8Array(await x.xlsx.writeBuffer()));
}

const VOUCHERS_CSV = '日期,凭证号,摘要,科目编码,借方金额,贷方金额\n2025-01-05,1,取现,101,100.00,\n2025-01-05,1,取现,102,,100.00\n';

describe('import into a table whose header lost a column', () => {
  it('凭证 with 摘要 retyped as 说明: one error naming 摘要, nothing appended', async () => {
    const wb = await bookWithRenamedHeader(VOUCHERS.sheet, '摘要', '说明');
    const before = await wb.readTables([VOUCHERS]);
    const r = await importVouchers(wb, source(VOUCHERS_CSV, 'v.csv'));
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    // Row 1: the header row, where the renamed cell is.
    expect(r.findings.map((f) => [f.rule, f.sheet, f.row, f.column, f.zh])).toEqual([
      ['import.target-missing-column', '凭证', 1, '摘要', '凭证表缺少"摘要"列，导入无法写入：请把这一列的标题改回"摘要"（或把这一列加回表中），再导入'],
    ]);
    expect(await wb.readTables([VOUCHERS])).toEqual(before);
  });

  it('期初余额 with 借方余额 retyped: refused the same way', async () => {
    const wb = await bookWithRenamedHeader(OPENING.sheet, '借方余额', '借');
    const r = await importOpening(wb, source('科目编码,科目名称,借方余额,贷方余额\n101,库存现金,100.00,\n', 'o.csv'));
    expect(r.findings.map((f) => [f.rule, f.column])).toEqual([['import.target-missing-column', '借方余额']]);
    expect(r.ok).toBe(false);
  });

  it('an intact book imports as before (2 lines)', async () => {
    const wb = await createXlsxWorkbook();
    expect((await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
    const r = await importVouchers(wb, source(VOUCHERS_CSV, 'v.csv'));
    expect([r.ok, r.imported, r.lines]).toEqual([true, 1, 2]);
  });
});
