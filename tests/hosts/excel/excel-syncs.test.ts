/**
 * The Excel host's cost claim: each port call makes a fixed number of context.sync() round
 * trips whatever the row count, and no request passes Excel on the web's 5 MB limit.
 */
import { describe, expect, it } from 'vitest';
import type { Scalar, TypedTableSpec } from '../../../src/workbook/port';
import { selectCell } from '../../../src/hosts/excel/excel-workbook';
import { REQUEST_LIMIT_BYTES } from './fake-excel';
import { META, OPENING, VOUCHERS, bookWithVouchers, newBook, trialBalance, voucherRows } from './fixtures';

describe.each([10, 10_000])('sync counts with %i voucher lines', (n) => {
  it('readTables of two tables: 2 syncs in 1 Excel.run, all rows read', async () => {
    const { fake, port } = await bookWithVouchers(n);
    const runs = fake.runs;
    let tables: Awaited<ReturnType<typeof port.readTables>> = [];
    expect(await fake.countSyncs(async () => (tables = await port.readTables([VOUCHERS, OPENING])))).toBe(2);
    expect(fake.runs - runs).toBe(1);
    expect(tables[0]?.rows).toHaveLength(n);
    expect(tables[0]?.rows[n - 1]).toEqual(['2025-01-05', String(n / 2).padStart(3, '0'), '收到发包款', '113', null, 1234.5]);
    expect(tables[1]?.rows).toEqual([]);
  });

  it('appendRows: 3 syncs (which tables exist, read header, add all rows)', async () => {
    const { fake, port } = await bookWithVouchers(4);
    expect(await fake.countSyncs(() => port.appendRows(VOUCHERS, voucherRows(n)))).toBe(3);
    expect(fake.book.table('Vouchers')?.bodyRows).toBe(4 + n);
  });

  it('replaceGeneratedSheets: 2 syncs (list sheets and tables, write), first build and rebuild alike', async () => {
    const { fake, port } = await bookWithVouchers(2);
    expect(await fake.countSyncs(() => port.replaceGeneratedSheets([trialBalance(n)]))).toBe(2);
    expect(await fake.countSyncs(() => port.replaceGeneratedSheets([trialBalance(n)]))).toBe(2);
    expect(fake.book.table('TrialBalance')?.bodyRows).toBe(n + 1);
  });
});

describe('sync counts of the small calls', () => {
  it('initialize 2, writeMeta 2, readMeta 2, sheetNames 1, selectCell 1; nothing on an empty call', async () => {
    const { fake, port } = newBook();
    expect(await fake.countSyncs(() => port.initialize(META, [VOUCHERS, OPENING]))).toBe(2);
    expect(await fake.countSyncs(() => port.writeMeta({ ...META, lockedThrough: '2025-03' }))).toBe(2);
    expect(await fake.countSyncs(() => port.readMeta())).toBe(2);
    expect(await fake.countSyncs(() => port.sheetNames())).toBe(1);
    expect(await fake.countSyncs(() => selectCell('凭证', 2, 'D', fake.run))).toBe(1);
    expect(await fake.countSyncs(() => port.appendRows(VOUCHERS, []))).toBe(0);
    expect(await fake.countSyncs(() => port.replaceGeneratedSheets([]))).toBe(0);
    expect(await fake.countSyncs(() => port.readTables([]))).toBe(0);
  });

  it('readMeta of a book without _meta: 1 sync', async () => {
    const { fake, port } = newBook();
    expect(await fake.countSyncs(() => port.readMeta())).toBe(1);
  });
});

/** Ten text columns, so each cell is sent as typed (no apostrophe). */
const WIDE: TypedTableSpec = {
  sheet: '宽表',
  table: 'Wide',
  columns: Array.from({ length: 10 }, (_, j) => ({ header: `列${j + 1}`, key: `c${j}`, numFmt: '@' })),
};
const CELL = '摘要文字摘要文字摘要'; // 10 Chinese characters

describe('a 200,000-cell append (20,000 rows × 10 columns of Chinese text)', () => {
  const rows: Scalar[][] = Array.from({ length: 20_000 }, (_, i) => [String(i), ...Array.from({ length: 9 }, () => CELL)]);

  it('goes in 3 requests under 5 MB each: 5 syncs in all, rows complete and in order', async () => {
    // Estimated bytes per row: 2 + (3 + digits of i) + 9 × (3 + 10 × 6) = 573 … 577. Against the
    // 4,000,000 budget: rows 0–6945 (3,999,788 bytes), 6946–13882, 13883–19999 (3,529,509):
    // 3 chunks, plus the two probes (which tables exist; the header). Sent as UTF-8 the whole is
    // ~6.1 MB, so one request would not do.
    const { fake, port } = newBook();
    await port.initialize(META, [WIDE]);
    const before = fake.requests.length;
    expect(await fake.countSyncs(() => port.appendRows(WIDE, rows))).toBe(5);
    const sizes = fake.requests.slice(before).map((r) => r.bytes);
    expect(Math.max(...sizes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(sizes.slice(2).reduce((a, b) => a + b, 0)).toBeGreaterThan(REQUEST_LIMIT_BYTES); // one request would not do
    // Reading it back: the one-response read (2 syncs) is refused at ~6.1 MB, so it is read again
    // in blocks of 100,000 cells: probe, sizes, then 2 requests of 10,000 rows — 6 syncs in all.
    let wide: Awaited<ReturnType<typeof port.readTables>>[number];
    const readFrom = fake.requests.length;
    expect(await fake.countSyncs(async () => ([wide] = await port.readTables([WIDE])))).toBe(6);
    const answers = fake.requests.slice(readFrom).map((r) => r.responseBytes ?? 0);
    expect(answers.filter((b) => b > REQUEST_LIMIT_BYTES)).toHaveLength(1);
    expect(Math.max(...answers.slice(2))).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(wide?.rows).toHaveLength(20_000);
    expect(wide?.rows[0]?.[0]).toBe('0');
    expect(wide?.rows[19_999]?.slice(0, 2)).toEqual(['19999', CELL]);
  });

  it('without the budget the single request is refused, as Excel on the web refuses it', async () => {
    const { fake, port } = newBook({ payloadBudgetBytes: 100_000_000 });
    await port.initialize(META, [WIDE]);
    await expect(port.appendRows(WIDE, rows)).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(fake.book.table('Wide')?.bodyRows).toBe(1);
  });
});
