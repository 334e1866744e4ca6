/**
 * Amounts typed as formulas (=120*35.5, =0.1+0.2, =100*1.13) are stored by Excel as the float
 * result, binary noise included (=100*1.13 is 112.99999999999999). ExcelJS writes them here as
 * formula cells with that result, the way Excel saves them; the import, the codecs reading the
 * book back, and CUN.BALANCE / CUN.OPINCOME must all take them as the amount Excel shows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { importVouchers } from '../../src/app/import-vouchers';
import { initVillage } from '../../src/app/init-village';
import { validateWorkbook } from '../../src/app/validate-workbook';
import { readInputTable } from '../../src/cli/read-input';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { VOUCHERS } from '../../src/workbook/layout';
import { errorOf, installCustomFunctionsStub } from '../functions/excel-stub';

type Fns = typeof import('../../src/functions/functions');
let f: Fns;
let dir: string;

/** A formula cell as Excel saves it: the formula and its float result. */
const formula = (text: string, result: number): ExcelJS.CellFormulaValue => ({ formula: text, result, date1904: false });

// The noise is real: these are the doubles Excel computes and stores.
const F120 = formula('120*35.5', 120 * 35.5); // 4260 exactly (35.5 is a binary fraction)
const F03 = formula('0.1+0.2', 0.1 + 0.2); // 0.30000000000000004
const F113 = formula('100*1.13', 100 * 1.13); // 112.99999999999999

const HEADER = ['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额'];
const ROWS: ExcelJS.CellValue[][] = [
  ['2025-01-10', '1', '土地发包 120亩×35.5元', '102', F120, null],
  ['2025-01-10', '1', '土地发包 120亩×35.5元', '501', null, F120],
  ['2025-02-10', '1', '存款利息', '102', F03, null],
  ['2025-02-10', '1', '存款利息', '504', null, F03],
  ['2025-03-10', '1', '合作社分红 100×1.13', '102', F113, null],
  ['2025-03-10', '1', '合作社分红 100×1.13', '502', null, F113],
];

async function writeSheet(path: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('凭证');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  installCustomFunctionsStub();
  f = await import('../../src/functions/functions');
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-formula-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('formula-computed amounts', () => {
  it('ExcelJS keeps the binary noise in the saved result (so the tests below can fail)', async () => {
    const path = join(dir, 'noise.xlsx');
    await writeSheet(path, ROWS);
    const t = await readInputTable(path, 'noise.xlsx');
    expect(t.rows[2]?.[4]).toBe(0.30000000000000004);
    expect(t.rows[4]?.[4]).toBe(112.99999999999999);
  });

  it('are accepted by the import, read back through the codecs, and give exact balances', async () => {
    const path = join(dir, 'formulas.xlsx');
    await writeSheet(path, ROWS);
    const port = await createXlsxWorkbook();
    expect((await initVillage(port, { village: '示例村', township: '青山镇', year: 2025 })).findings.filter((x) => x.severity === 'error')).toEqual([]);
    const t = await readInputTable(path, 'formulas.xlsx');
    const imp = await importVouchers(port, { header: t.header, rows: t.rows, where: { source: t.source, firstRow: t.firstRow } });
    expect(imp.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(imp.imported).toBe(3);

    // Now make the book's own 凭证 amounts formula cells too, and read the book back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBytes()).slice().buffer);
    const ws = wb.getWorksheet(VOUCHERS.sheet);
    if (!ws) throw new Error('no 凭证 sheet');
    const debitCol = VOUCHERS.columns.findIndex((c) => c.key === 'debit') + 1;
    const creditCol = VOUCHERS.columns.findIndex((c) => c.key === 'credit') + 1;
    let replaced = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      for (const col of [debitCol, creditCol]) {
        const v = row.getCell(col).value;
        const by: Record<string, ExcelJS.CellFormulaValue> = { '4260': F120, '0.3': F03, '113': F113 };
        const fv = typeof v === 'number' ? by[String(v)] : undefined;
        if (fv) {
          row.getCell(col).value = fv;
          replaced++;
        }
      }
    });
    expect(replaced).toBe(6);
    const again = await createXlsxWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect((await validateWorkbook(again)).findings.filter((x) => x.severity === 'error')).toEqual([]);
    const r = await buildReports(again);
    const tb = new Map(r.report?.trialBalance.map((row) => [row.code, row]));
    // 102: 4260.00 + 0.30 + 113.00 = 4373.30 debit.
    expect(tb.get('102')?.closingDebit).toBe('4373.30');
    expect(tb.get('501')?.closingCredit).toBe('4260.00');
    expect(tb.get('502')?.closingCredit).toBe('113.00');
    expect(tb.get('504')?.closingCredit).toBe('0.30');
    // 集体经营性收入 = 501 + 502 = 4260.00 + 113.00 = 4373.00 → 437300 fen.
    expect(r.operatingIncome).toBe(437300);
  });

  it('a genuine third decimal (=12.345) is still a finding naming the cell', async () => {
    const path = join(dir, 'third.xlsx');
    await writeSheet(path, [
      ['2025-01-10', '1', '三位小数', '102', formula('12.345*1', 12.345), null],
      ['2025-01-10', '1', '三位小数', '501', null, formula('12.345*1', 12.345)],
    ]);
    const port = await createXlsxWorkbook();
    await initVillage(port, { village: '示例村', township: '青山镇', year: 2025 });
    const t = await readInputTable(path, 'third.xlsx');
    const imp = await importVouchers(port, { header: t.header, rows: t.rows, where: { source: t.source, firstRow: t.firstRow } });
    expect(imp.imported).toBe(0);
    expect(imp.findings.filter((x) => x.rule === 'cell.too-many-decimals').map((x) => [x.sheet, x.row, x.column])).toEqual([
      ['third.xlsx', 2, '借方金额'],
      ['third.xlsx', 3, '贷方金额'],
    ]);
  });

  it('CUN.BALANCE and CUN.OPINCOME take the formula results read back from the file', async () => {
    const path = join(dir, 'ranges.xlsx');
    await writeSheet(path, ROWS);
    const t = await readInputTable(path, 'ranges.xlsx');
    const col = (i: number) => t.rows.map((r) => [r[i] ?? null]);
    const [codes, debits, credits] = [col(3), col(4), col(5)];
    // 102: 4260 + 0.3 + 113 = 4373.3 (net debit, yuan).
    expect(f.balance(codes, debits, credits, 102, null as unknown as undefined)).toBe(4373.3);
    // 501 + 502 net credit: 4260 + 113 = 4373.
    expect(f.opIncome(codes, debits, credits)).toBe(4373);
    // And a real third decimal is #VALUE!, not a rounded number.
    expect(errorOf(() => f.balance([[102]], [[12.345]], [[null]], 102, null as unknown as undefined))).toBe('#VALUE!');
  });
});
