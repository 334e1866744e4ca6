/**
 * The lock hash chain through the use cases and both hosts: lock writes the chain into _meta,
 * validate / verify name a voucher changed, removed or inserted in a locked month, a later lock
 * refuses to bless an edit, and a book with the old FNV fingerprint still opens (a warning) and
 * upgrades by locking again.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import { closeYear } from '../../src/app/close-year';
import { lockPeriod } from '../../src/app/lock-period';
import { validateWorkbook } from '../../src/app/validate-workbook';
import { verifyLocks } from '../../src/app/verify-locks';
import { lockDigest } from '../../src/core/ledger/lock-digest';
import { nodeSha256 } from '../../src/cli/sha256-node';
import { createExcelWorkbook } from '../../src/hosts/excel/excel-workbook';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { readBook } from '../../src/app/book';
import { OPENING, SHEETS, VOUCHERS } from '../../src/workbook/layout';
import type { WorkbookPort } from '../../src/workbook/port';
import { parseCsv } from '../../src/workbook/voucher-import';
import { OPENING_CSV, VOUCHERS_CSV } from '../integration/worked-example-files';
import { FakeExcel } from '../hosts/excel/fake-excel';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}

async function example(port: WorkbookPort): Promise<void> {
  expect((await initVillage(port, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
  expect((await importOpening(port, source(OPENING_CSV, 'opening.csv'))).ok).toBe(true);
  expect((await importVouchers(port, source(VOUCHERS_CSV, 'vouchers.csv'))).imported).toBe(10);
}

async function lockedExample(): Promise<XlsxWorkbook> {
  const wb = await createXlsxWorkbook();
  await example(wb);
  const r = await lockPeriod(wb, { through: '2025-06' });
  expect(r.ok).toBe(true);
  expect(r.head).toMatch(/^[0-9a-f]{64}$/);
  return wb;
}

/**
 * Rewrites amount cells (columns E–F, or C–D on 期初余额) equal to `from` in the saved file, as a
 * person editing in Excel would, and reopens it. `count` is how many cells must have changed.
 */
async function editCells(wb: XlsxWorkbook, from: number, to: number, sheet: string = VOUCHERS.sheet, count = 2): Promise<XlsxWorkbook> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(Buffer.from(await wb.toBytes()) as unknown as ExcelJS.Buffer);
  let edited = 0;
  const columns = sheet === OPENING.sheet ? [3, 4] : [5, 6];
  x.getWorksheet(sheet)!.eachRow((row) => {
    for (const c of columns) {
      if (row.getCell(c).value === from) {
        row.getCell(c).value = to;
        edited++;
      }
    }
  });
  expect(edited).toBe(count);
  return createXlsxWorkbook(new Uint8Array(await x.xlsx.writeBuffer()));
}

const rules = (fs: readonly { rule: string }[]): string[] => fs.map((f) => f.rule);

/** The worked example locked through March the way older versions did: an FNV fingerprint, no chain. */
async function oldFingerprintBook(): Promise<{ wb: XlsxWorkbook; digest: string }> {
  const wb = await createXlsxWorkbook();
  await example(wb);
  const digest = lockDigest((await readBook(wb)).vouchers, '2025-03');
  await wb.writeMeta({ ...(await wb.readMeta())!, lockedThrough: '2025-03', lockDigest: digest });
  return { wb, digest };
}

describe('lock chain in _meta through the use cases (ExcelJS host)', () => {
  it('locking through June records six months, chained; the untouched book verifies', async () => {
    const wb = await lockedExample();
    const meta = (await wb.readMeta())!;
    expect(meta.lockedThrough).toBe('2025-06');
    expect(meta.lockDigest).toBeUndefined();
    // The worked example has one voucher in January, March and June, none in the other months.
    expect(meta.lockChain!.map((m) => [m.month, m.vouchers.length])).toEqual([['2025-01', 1], ['2025-02', 0], ['2025-03', 1], ['2025-04', 0], ['2025-05', 0], ['2025-06', 1]]);
    const v = await verifyLocks(wb, undefined, nodeSha256);
    expect(v.ok).toBe(true);
    expect(v.head).toBe(meta.lockChain![5]!.hash);
    expect(v.months.every((m) => m.intact)).toBe(true);
    // Web Crypto (the pane's default) and node:crypto agree on the same book.
    expect((await verifyLocks(wb)).head).toBe(v.head);
    expect((await validateWorkbook(wb)).ok).toBe(true);
    // The chain survives a save and reopen.
    const again = await createXlsxWorkbook(await wb.toBytes());
    expect((await again.readMeta())?.lockChain).toEqual(meta.lockChain);
  });

  it('a voucher inserted into locked March is named; a later lock is refused', async () => {
    const wb = await lockedExample();
    // Typed straight into 凭证 (the import path refuses it), balanced, in locked March: rows 2–22
    // hold the example's 21 lines, so the new voucher starts on row 23.
    await wb.appendRows(VOUCHERS, [['2025-03-20', '2', '补记', '102', 10, null], ['2025-03-20', '2', '补记', '504', null, 10]]);
    const v = await validateWorkbook(wb);
    expect(v.ok).toBe(false);
    const inserted = v.findings.filter((f) => f.rule === 'lock.voucher-inserted');
    expect(inserted.map((f) => [f.zh, f.sheet, f.row])).toEqual([['已结账的2025-03在结账后多出第2号凭证', '凭证', 23]]);
    const ver = await verifyLocks(wb, undefined, nodeSha256);
    expect(ver.months.filter((m) => !m.intact).map((m) => m.month)).toEqual(['2025-03']);
    const lock = await lockPeriod(wb, { through: '2025-07' });
    expect(lock.ok).toBe(false);
    expect(rules(lock.findings)).toEqual(['lock.refused', 'lock.voucher-inserted']);
    expect((await wb.readMeta())?.lockedThrough).toBe('2025-06');
  });

  it('an amount changed in Excel is named; so is a changed record or a lock moved back', async () => {
    const wb = await lockedExample();
    // 2025-03-15 收到光伏电费: 35,400.00 → 35,400.01 on both lines (still balanced).
    const edited = await editCells(wb, 35_400, 35_400.01);
    const v = await verifyLocks(edited, undefined, nodeSha256);
    expect(v.findings.map((f) => [f.rule, f.en])).toEqual([['lock.voucher-changed', 'Voucher 1 of locked month 2025-03 was changed after the lock']]);
    // Moving the lock back to edit June is itself found.
    const meta = (await wb.readMeta())!;
    await wb.writeMeta({ ...meta, lockedThrough: '2025-05' });
    expect(rules((await verifyLocks(wb, undefined, nodeSha256)).findings)).toEqual(['lock.moved-back']);
    // An edited record (June's voucher hash) is found without any voucher changing.
    const june = meta.lockChain![5]!;
    await wb.writeMeta({ ...meta, lockChain: [...meta.lockChain!.slice(0, 5), { ...june, vouchers: [{ number: '1', hash: '0'.repeat(16) }] }] });
    expect(rules((await verifyLocks(wb, undefined, nodeSha256)).findings)).toEqual(['lock.voucher-changed']);
    await wb.writeMeta({ ...meta, lockChain: [...meta.lockChain!.slice(0, 5), { ...june, hash: '0'.repeat(64) }] });
    expect(rules((await verifyLocks(wb, undefined, nodeSha256)).findings)).toEqual(['lock.chain-broken']);
  });

  it('an opening balance or a closing voucher edited after the lock is named (the chain covers them too)', async () => {
    const wb = await lockedExample();
    expect((await wb.readMeta())!.lockChain![0]!.opening!.length).toBe(7);
    // 期初余额 102 银行存款 180,000.00 → 180,100.00: every locked month's bank balance moves with it.
    const edited = await editCells(wb, 180_000, 180_100, OPENING.sheet, 1);
    const v = await verifyLocks(edited, undefined, nodeSha256);
    expect(v.findings.map((f) => [f.rule, f.sheet, f.row])).toEqual([['lock.opening-changed', '期初余额', 3]]);
    expect(v.months.filter((m) => !m.intact).map((m) => m.month)).toEqual(['2025-01']);

    // Close the year, lock December: 结转凭证 is covered; hand-editing it afterwards is found.
    const full = await createXlsxWorkbook();
    await example(full);
    expect((await closeYear(full)).ok).toBe(true);
    expect((await lockPeriod(full, { through: '2025-12', sha256: nodeSha256 })).ok).toBe(true);
    const december = (await full.readMeta())!.lockChain![11]!;
    expect(december.closing!.length).toBeGreaterThan(0);
    expect((await verifyLocks(full, undefined, nodeSha256)).ok).toBe(true);
    // 结-1 carries 501 经营收入's year total, 60,000 + 35,400 + 24,000 = 119,400.00, on both sides.
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(Buffer.from(await full.toBytes()) as unknown as ExcelJS.Buffer);
    let hit = 0;
    x.getWorksheet(SHEETS.closingVouchers)!.eachRow((row) => {
      for (const c of [5, 6]) if (row.getCell(c).value === 119_400 && hit++ === 0) row.getCell(c).value = 119_000;
    });
    expect(hit).toBeGreaterThan(0);
    const tampered = await createXlsxWorkbook(new Uint8Array(await x.xlsx.writeBuffer()));
    const t = await verifyLocks(tampered, undefined, nodeSha256);
    expect([...new Set(t.findings.map((f) => [f.rule, f.sheet].join(' ')))]).toEqual(['lock.closing-changed 结转凭证']);
    expect(t.months.filter((m) => !m.intact).map((m) => m.month)).toEqual(['2025-12']);
  });

  it('a book locked with the old FNV fingerprint opens with a warning and upgrades by locking again', async () => {
    const { wb } = await oldFingerprintBook();
    const v = await validateWorkbook(wb);
    expect(v.ok).toBe(true);
    expect(v.findings.map((f) => [f.rule, f.severity])).toEqual([['lock.old-fingerprint', 'warning']]);
    const up = await lockPeriod(wb, { through: '2025-03' });
    expect(up.ok).toBe(true);
    const after = (await wb.readMeta())!;
    expect(after.lockDigest).toBeUndefined();
    expect(after.lockChain!.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect((await validateWorkbook(wb)).findings).toEqual([]);
  });

  it('an old-fingerprint book edited after its lock is not upgraded (that would hide the edit)', async () => {
    const { wb, digest } = await oldFingerprintBook();
    await wb.appendRows(VOUCHERS, [['2025-02-20', '1', '补记', '102', 10, null], ['2025-02-20', '1', '补记', '504', null, 10]]);
    const up = await lockPeriod(wb, { through: '2025-03' });
    expect(rules(up.findings)).toEqual(['lock.refused', 'lock.voucher-changed']);
    expect((await wb.readMeta())?.lockDigest).toBe(digest);
    expect((await wb.readMeta())?.lockChain).toBeUndefined();
  });
});

describe('lock chain on the Excel host (fake object model)', () => {
  it('writes and reads back a chain longer than the old 20-row _meta block', async () => {
    const fake = new FakeExcel();
    const port = createExcelWorkbook(fake.run);
    await example(port);
    // Twelve months: 7 identity keys + lockedThrough + 12 month hashes + 3 voucher parts = 23 rows and a header.
    expect((await lockPeriod(port, { through: '2025-12' })).ok).toBe(true);
    const meta = (await port.readMeta())!;
    expect(meta.lockChain).toHaveLength(12);
    expect(meta.lockChain!.reduce((n, m) => n + m.vouchers.length, 0)).toBe(10);
    const v = await verifyLocks(port, undefined, nodeSha256);
    expect(v.ok).toBe(true);
    expect(v.months).toHaveLength(12);
  });
});
