/**
 * The one contract every WorkbookPort adapter keeps (src/workbook/port.ts), run against the
 * Excel host over a fake object model and against the ExcelJS host. Each test gets a fresh,
 * empty workbook from `makePort`.
 */
import { describe, expect, it } from 'vitest';
import { commitWrites, type GeneratedSheet, type TypedTableSpec, type WorkbookMeta, type WorkbookPort } from '../../src/workbook/port';

export const CONTRACT_META: WorkbookMeta = {
  layoutVersion: 1,
  chartSystem: '2023',
  village: '红旗村',
  township: '城关镇',
  fiscalYear: 2025,
  kind: 'village',
};

/** A voucher-like table: a date, text codes that look like numbers, money. */
export const CONTRACT_VOUCHERS: TypedTableSpec = {
  sheet: '凭证',
  table: 'Vouchers',
  columns: [
    { header: '日期', key: 'date', numFmt: 'yyyy-mm-dd', width: 12 },
    { header: '凭证号', key: 'number', numFmt: '@' },
    { header: '摘要', key: 'summary', width: 30 },
    { header: '科目编码', key: 'account', numFmt: '@', validation: { list: ['101', '102', '113'] } },
    { header: '借方金额', key: 'debit', numFmt: '#,##0.00' },
    { header: '贷方金额', key: 'credit', numFmt: '#,##0.00' },
  ],
};

export const CONTRACT_OPENING: TypedTableSpec = {
  sheet: '期初余额',
  table: 'OpeningBalances',
  columns: [
    { header: '科目编码', key: 'account', numFmt: '@' },
    { header: '期初余额', key: 'balance', numFmt: '#,##0.00' },
  ],
};

const TRIAL_COLUMNS = [
  { header: '科目编码', key: 'account', numFmt: '@' },
  { header: '科目名称', key: 'name' },
  { header: '期末余额', key: 'balance', numFmt: '#,##0.00' },
] as const;

const TRIAL_SPEC: TypedTableSpec = { sheet: '科目余额表', table: 'TrialBalance', columns: TRIAL_COLUMNS };

function trialBalance(rows: GeneratedSheet['rows']): GeneratedSheet {
  return { name: '科目余额表', title: [], columns: TRIAL_COLUMNS, rows, table: 'TrialBalance' };
}

export function runWorkbookPortContract(name: string, makePort: () => Promise<WorkbookPort>): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    it('a fresh workbook has no meta and its tables read as undefined', async () => {
      const port = await makePort();
      expect(await port.readMeta()).toBeUndefined();
      expect(await port.readTables([CONTRACT_VOUCHERS, CONTRACT_OPENING])).toEqual([undefined, undefined]);
    });

    it('round-trips meta, including adding and removing lockedThrough', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, []);
      expect(await port.readMeta()).toEqual(CONTRACT_META);
      await port.writeMeta({ ...CONTRACT_META, lockedThrough: '2025-06' });
      expect(await port.readMeta()).toEqual({ ...CONTRACT_META, lockedThrough: '2025-06' });
      await port.writeMeta({ ...CONTRACT_META, fiscalYear: 2026 });
      expect(await port.readMeta()).toEqual({ ...CONTRACT_META, fiscalYear: 2026 });
    });

    it('initialize creates empty tables with their headers', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS, CONTRACT_OPENING]);
      expect(await port.sheetNames()).toEqual(expect.arrayContaining(['凭证', '期初余额']));
      const [vouchers, opening] = await port.readTables([CONTRACT_VOUCHERS, CONTRACT_OPENING]);
      expect(vouchers).toEqual({
        sheet: '凭证',
        table: 'Vouchers',
        header: ['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额'],
        rows: [],
        firstRow: 2,
        columnLetters: ['A', 'B', 'C', 'D', 'E', 'F'],
      });
      expect(opening?.header).toEqual(['科目编码', '期初余额']);
      expect(opening?.rows).toEqual([]);
    });

    it('a missing sheet reads as undefined beside a present one', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS]);
      const [vouchers, opening] = await port.readTables([CONTRACT_VOUCHERS, CONTRACT_OPENING]);
      expect(vouchers?.header).toHaveLength(6);
      expect(opening).toBeUndefined();
    });

    it('appendRows twice keeps order, earlier rows and cell types', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS]);
      await port.appendRows(CONTRACT_VOUCHERS, [
        ['2025-01-05', '001', '收到发包款', '101', 1234.5, null],
        ['2025-01-05', '001', '收到发包款', '113', null, 1234.5],
      ]);
      await port.appendRows(CONTRACT_VOUCHERS, []);
      await port.appendRows(CONTRACT_VOUCHERS, [['2025-02-10', '002', '支付电费', '102', null, 86.2]]);
      const [vouchers] = await port.readTables([CONTRACT_VOUCHERS]);
      expect(vouchers?.rows).toEqual([
        ['2025-01-05', '001', '收到发包款', '101', 1234.5, null],
        ['2025-01-05', '001', '收到发包款', '113', null, 1234.5],
        ['2025-02-10', '002', '支付电费', '102', null, 86.2],
      ]);
      expect(vouchers?.firstRow).toBe(2);
    });

    it('initialize again keeps existing rows; an import into a book without the table creates it', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS]);
      await port.appendRows(CONTRACT_VOUCHERS, [['2025-03-01', '003', '收到租金', '101', 800, null]]);
      await port.initialize({ ...CONTRACT_META, fiscalYear: 2026 }, [CONTRACT_VOUCHERS]);
      await port.appendRows(CONTRACT_OPENING, [['101', 5000]]);
      const [vouchers, opening] = await port.readTables([CONTRACT_VOUCHERS, CONTRACT_OPENING]);
      expect(vouchers?.rows).toEqual([['2025-03-01', '003', '收到租金', '101', 800, null]]);
      expect(opening?.header).toEqual(['科目编码', '期初余额']);
      expect(opening?.rows).toEqual([['101', 5000]]);
      expect((await port.readMeta())?.fiscalYear).toBe(2026);
    });

    it('commitWrites: a new book, rows into its new tables, a generated sheet and meta in one call, as if made one by one', async () => {
      const port = await makePort();
      await commitWrites(port, [
        { kind: 'initialize', meta: CONTRACT_META, tables: [CONTRACT_VOUCHERS, CONTRACT_OPENING] },
        { kind: 'append', spec: CONTRACT_VOUCHERS, rows: [['2025-01-05', '001', '收到发包款', '101', 1234.5, null]] },
        { kind: 'append', spec: CONTRACT_OPENING, rows: [] },
        { kind: 'append', spec: CONTRACT_VOUCHERS, rows: [['2025-01-05', '001', '收到发包款', '113', null, 1234.5]] },
        { kind: 'replace', sheets: [trialBalance([['101', '库存现金', 1234.5]])] },
        { kind: 'meta', meta: { ...CONTRACT_META, lockedThrough: '2025-01' } },
      ]);
      const [vouchers, opening, trial] = await port.readTables([CONTRACT_VOUCHERS, CONTRACT_OPENING, TRIAL_SPEC]);
      expect(vouchers?.rows).toEqual([
        ['2025-01-05', '001', '收到发包款', '101', 1234.5, null],
        ['2025-01-05', '001', '收到发包款', '113', null, 1234.5],
      ]);
      expect(opening?.rows).toEqual([]);
      expect(trial?.rows).toEqual([['101', '库存现金', 1234.5]]);
      expect((await port.readMeta())?.lockedThrough).toBe('2025-01');
    });

    it('replaceGeneratedSheets replaces a sheet whole and leaves typed-in sheets alone', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS]);
      await port.appendRows(CONTRACT_VOUCHERS, [['2025-01-05', '001', '收到发包款', '101', 1234.5, null]]);
      await port.replaceGeneratedSheets([
        trialBalance([
          ['101', '库存现金', 1234.5],
          ['102', '银行存款', 0],
          ['113', '应收款', -1234.5],
        ]),
      ]);
      await port.replaceGeneratedSheets([trialBalance([['101', '库存现金', 99.99]])]);
      const names = await port.sheetNames();
      expect(names.filter((n) => n === '科目余额表')).toHaveLength(1);
      const [trial, vouchers] = await port.readTables([TRIAL_SPEC, CONTRACT_VOUCHERS]);
      expect(trial?.header).toEqual(['科目编码', '科目名称', '期末余额']);
      expect(trial?.rows).toEqual([['101', '库存现金', 99.99]]);
      expect(vouchers?.rows).toEqual([['2025-01-05', '001', '收到发包款', '101', 1234.5, null]]);
    });

    it('readSheet gives any sheet as a grid from A1, and undefined for a missing one', async () => {
      const port = await makePort();
      await port.initialize(CONTRACT_META, [CONTRACT_VOUCHERS]);
      await port.appendRows(CONTRACT_VOUCHERS, [['2025-01-05', '001', '收到发包款', '101', 1234.5, null]]);
      expect(await port.readSheet('没有这张表')).toBeUndefined();
      const grid = await port.readSheet('凭证');
      expect(grid?.name).toBe('凭证');
      expect(grid?.rows[0]?.slice(0, 6)).toEqual(['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额']);
      expect(grid?.rows[1]?.slice(0, 5)).toEqual(['2025-01-05', '001', '收到发包款', '101', 1234.5]);
    });
  });
}
