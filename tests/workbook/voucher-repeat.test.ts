/**
 * A file that repeats a whole voucher (same month and 凭证号, the same lines again) is a finding
 * naming both places, through the fast CSV reader, the general reader and the import use case;
 * it is never read as one voucher with doubled amounts.
 */
import { describe, expect, it } from 'vitest';
import { importVouchers } from '../../src/app/import-vouchers';
import { initVillage } from '../../src/app/init-village';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { repeatPeriod } from '../../src/workbook/codecs/voucher-assembler';
import { VOUCHERS } from '../../src/workbook/layout';
import { importVoucherCsv } from '../../src/workbook/voucher-csv';
import { parseCsv, parseVoucherRows } from '../../src/workbook/voucher-import';

const WHERE = { sheet: 'dup.csv', firstRow: 2 };
const HEAD = '日期,凭证号,摘要,科目编码,借方金额,贷方金额';
const V1 = ['2025-01-10,1,收到土地发包款,102,60000,', '2025-01-10,1,收到土地发包款,501,,60000'];
const V2 = ['2025-01-12,2,办公费,513,82.50,', '2025-01-12,2,办公费,101,,82.50'];
const csv = (...lines: string[]): string => [HEAD, ...lines].join('\n');

function both(text: string) {
  const fast = importVoucherCsv(text, WHERE);
  const [header = [], ...rows] = parseCsv(text);
  const general = parseVoucherRows(header, rows, WHERE);
  expect(general.findings).toEqual(fast.findings);
  expect(general.vouchers).toEqual(fast.vouchers);
  return fast;
}

describe('voucher.repeated', () => {
  it('adjacent blocks: rows 2–3 repeated at rows 4–5', () => {
    const r = both(csv(...V1, ...V1, ...V2));
    expect(r.findings.map((f) => [f.rule, f.sheet, f.row, f.column, f.zh])).toEqual([
      ['voucher.repeated', 'dup.csv', 4, 'B', '2025-01第1号凭证重复出现2次（第2行起与第4行起的分录相同）：同一张凭证录入了不止一次，请删去重复的行'],
    ]);
    // Left out, not doubled: only voucher 2 remains, 8,250 fen a side.
    expect(r.vouchers.map((v) => [v.number, v.lines.reduce((s, l) => s + l.debit, 0)])).toEqual([['2', 8250]]);
  });

  it('separate blocks: voucher 1 again after voucher 2 (rows 2 and 6)', () => {
    const r = both(csv(...V1, ...V2, ...V1));
    expect(r.findings.map((f) => [f.rule, f.row])).toEqual([['voucher.repeated', 6]]);
    expect(r.findings[0]!.en).toContain('the lines from row 2 repeat from row 6');
  });

  it('three times is said so', () => {
    const r = both(csv(...V1, ...V1, ...V1));
    expect(r.findings.map((f) => f.zh.split('（')[0])).toEqual(['2025-01第1号凭证重复出现3次']);
  });

  it('a voucher whose halves differ, or do not balance alone, is a real voucher', () => {
    // 4 lines: Dr 513 50 / Cr 101 50 / Dr 513 50 / Cr 102 50 — the halves differ in the credit account.
    const text = csv('2025-01-12,2,办公费,513,50,', '2025-01-12,2,办公费,101,,50', '2025-01-12,2,办公费,513,50,', '2025-01-12,2,办公费,102,,50');
    expect(both(text).findings).toEqual([]);
    const l = (account: string, debit: number, credit: number) => ({ account, debit, credit });
    // Dr 513 100 / Dr 513 100 / Cr 101 100 / Cr 101 100: period 1 is not a balanced block, period 2 neither.
    expect(repeatPeriod([l('513', 100, 0), l('513', 100, 0), l('101', 0, 100), l('101', 0, 100)])).toBe(0);
    expect(repeatPeriod([l('513', 100, 0), l('101', 0, 100), l('513', 100, 0), l('101', 0, 100)])).toBe(2);
    expect(repeatPeriod([l('513', 100, 0), l('101', 0, 100)])).toBe(0);
  });

  it('the same month and number in another month is another voucher', () => {
    expect(both(csv(...V1, ...V1.map((x) => x.replace('2025-01-10', '2025-02-10')))).findings).toEqual([]);
  });

  it('importVouchers refuses the file and writes nothing', async () => {
    const wb = await createXlsxWorkbook();
    expect((await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
    const [header = [], ...rows] = parseCsv(csv(...V2, ...V1, ...V1));
    const r = await importVouchers(wb, { header, rows, where: { source: 'dup.csv', firstRow: 2 } });
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    expect(r.findings.map((f) => [f.rule, f.row])).toEqual([['voucher.repeated', 6]]);
    expect((await wb.readTables([VOUCHERS]))[0]?.rows).toEqual([]);
  });
});
