/** Shared test data for the Excel host tests: a fresh fake book, voucher rows, a trial balance. */
import { createExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import type { GeneratedSheet, Scalar, WorkbookPort } from '../../../src/workbook/port';
import { CONTRACT_META, CONTRACT_OPENING, CONTRACT_VOUCHERS } from '../../contract/workbook-port-contract';
import { FakeExcel } from './fake-excel';

export { CONTRACT_META as META, CONTRACT_OPENING as OPENING, CONTRACT_VOUCHERS as VOUCHERS };

export function newBook(options: { payloadBudgetBytes?: number } = {}): { fake: FakeExcel; port: WorkbookPort } {
  const fake = new FakeExcel();
  return { fake, port: createExcelWorkbook(fake.run, options) };
}

/** Voucher line i (0-based): two lines per voucher, debit then credit. */
export function voucherRow(i: number): Scalar[] {
  const number = String(Math.floor(i / 2) + 1).padStart(3, '0');
  return i % 2 === 0 ? ['2025-01-05', number, '收到发包款', '101', 1234.5, null] : ['2025-01-05', number, '收到发包款', '113', null, 1234.5];
}

export function voucherRows(n: number): Scalar[][] {
  return Array.from({ length: n }, (_, i) => voucherRow(i));
}

/** An initialized book with `n` voucher lines (and an empty opening-balance table). */
export async function bookWithVouchers(n: number): Promise<{ fake: FakeExcel; port: WorkbookPort }> {
  const book = newBook();
  await book.port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS, CONTRACT_OPENING]);
  await book.port.appendRows(CONTRACT_VOUCHERS, voucherRows(n));
  return book;
}

/** A trial balance of n account rows and a total row with formulas (2 title lines, body from row 4). */
export function trialBalance(n: number): GeneratedSheet {
  const rows: GeneratedSheet['rows'] = Array.from({ length: n }, (_, i) => [String(1001 + i), `科目${i + 1}`, 100, 0]);
  rows.push(['合计', null, { formula: `SUM(C4:C${3 + n})`, result: 100 * n }, { formula: `SUM(D4:D${3 + n})`, result: 0 }]);
  return {
    name: '科目余额表',
    title: ['科目余额表', '单位：元'],
    columns: [
      { header: '科目编码', key: 'code', numFmt: '@', width: 12 },
      { header: '科目名称', key: 'name', width: 24 },
      { header: '借方余额', key: 'debit', numFmt: '#,##0.00' },
      { header: '贷方余额', key: 'credit', numFmt: '#,##0.00' },
    ],
    rows,
    totalRows: [n],
    table: 'TrialBalance',
  };
}
