/**
 * Locked months cannot change through any path: voucher import, opening import, the year-end
 * close (generated vouchers), report building and the pane's engine. Each refusal leaves the
 * workbook's bytes-relevant state (sheets, typed-in tables, generated 结转凭证, _meta) as it was;
 * corrections go through a red-ink reversal in an open month, which keeps the chain intact.
 */
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { CLOSING_VOUCHERS } from '../../src/app/book';
import { closeYear } from '../../src/app/close-year';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import { lockPeriod } from '../../src/app/lock-period';
import { verifyLocks } from '../../src/app/verify-locks';
import { nodeSha256 } from '../../src/cli/sha256-node';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { createAppEngine } from '../../src/taskpane/engine';
import { OPENING, VOUCHERS } from '../../src/workbook/layout';
import { parseCsv } from '../../src/workbook/voucher-import';
import { OPENING_CSV, VOUCHERS_CSV } from '../integration/worked-example-files';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}
const HEAD = '日期,凭证号,摘要,科目编码,借方金额,贷方金额,冲销凭证';

async function lockedBook(through: string, close = false): Promise<XlsxWorkbook> {
  const wb = await createXlsxWorkbook();
  expect((await initVillage(wb, { village: '示例村', township: '青山镇', year: 2025 })).ok).toBe(true);
  expect((await importOpening(wb, source(OPENING_CSV, 'opening.csv'))).ok).toBe(true);
  expect((await importVouchers(wb, source(VOUCHERS_CSV, 'vouchers.csv'))).imported).toBe(10);
  if (close) expect((await closeYear(wb, { year: 2025 })).ok).toBe(true);
  expect((await lockPeriod(wb, { through })).ok).toBe(true);
  return wb;
}

async function state(wb: XlsxWorkbook): Promise<unknown> {
  return { sheets: await wb.sheetNames(), tables: await wb.readTables([OPENING, VOUCHERS, CLOSING_VOUCHERS]), meta: await wb.readMeta() };
}

const rules = (fs: readonly { rule: string }[]): string[] => [...new Set(fs.map((f) => f.rule))];

describe('locked months: every path', () => {
  it('import: a voucher dated in a locked month refuses the whole file (an open-month voucher in it too)', async () => {
    const wb = await lockedBook('2025-06');
    const before = await state(wb);
    const file = `${HEAD}\n2025-03-20,2,补记,102,10,\n2025-03-20,2,补记,504,,10\n2025-07-20,2,七月,102,10,\n2025-07-20,2,七月,504,,10\n`;
    const r = await importVouchers(wb, source(file, 'late.csv'));
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.row])).toEqual([['voucher.locked-period', 2]]);
    expect(await state(wb)).toEqual(before);
  });

  it('import: opening balances once a month is locked', async () => {
    const wb = await lockedBook('2025-01');
    const before = await state(wb);
    const r = await importOpening(wb, source('科目编码,借方余额,贷方余额\n101,100,\n301,,100\n', 'opening2.csv'));
    expect(rules(r.findings)).toEqual(['opening.locked']);
    expect(await state(wb)).toEqual(before);
  });

  it('close: December locked, so the generated closing vouchers cannot be rebuilt', async () => {
    const wb = await lockedBook('2025-12', true);
    const before = await state(wb);
    const r = await closeYear(wb, { year: 2025 });
    expect(r.ok).toBe(false);
    expect(rules(r.findings)).toEqual(['close.locked']);
    expect(await state(wb)).toEqual(before);
  });

  it('the pane: close and a backwards lock are refused the same way, and nothing changes', async () => {
    const wb = await lockedBook('2025-12', true);
    const before = await state(wb);
    const engine = createAppEngine(() => '2026-01-15');
    expect(rules(await engine.closeYear(wb, {}))).toEqual(['close.locked']);
    expect(rules(await engine.lockPeriod(wb, '2025-06', {}))).toEqual(['lock.refused', 'lock.backwards']);
    expect(await state(wb)).toEqual(before);
    // The pane's 账簿 check is whole-book validation: a clean locked book has nothing to say.
    expect(await engine.validate(wb, {})).toEqual([]);
  });

  it('reports rebuild generated sheets only: the locked months stay intact', async () => {
    const wb = await lockedBook('2025-06');
    expect((await buildReports(wb)).ok).toBe(true);
    expect((await verifyLocks(wb, undefined, nodeSha256)).ok).toBe(true);
  });

  it('a red-ink reversal in an open month corrects a locked voucher and keeps the chain intact', async () => {
    const wb = await lockedBook('2025-06');
    // Reverses 2025-03 No. 1 (收到光伏电费 35,400.00) in July, then books the right amount 35,000.00.
    const file = `${HEAD}\n2025-07-02,2,冲销3月1号,102,-35400,,2025-03/1\n2025-07-02,2,冲销3月1号,501,,-35400,2025-03/1\n2025-07-02,3,光伏电费更正,102,35000,\n2025-07-02,3,光伏电费更正,501,,35000\n`;
    const r = await importVouchers(wb, source(file, 'fix.csv'));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.imported).toBe(2);
    expect((await verifyLocks(wb, undefined, nodeSha256)).ok).toBe(true);
    const report = (await buildReports(wb)).report!;
    // 501 for the year: 60,000 + 35,400 + 24,000 − 35,400 + 35,000 = 119,000.00.
    const row = report.trialBalance.find((x) => x.code === '501')!;
    expect(row.periodCredit).toBe('119000.00');
  });
});
