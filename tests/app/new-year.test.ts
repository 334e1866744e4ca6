/**
 * newYear on the sample village after its year-end close: the 2026 book opens with every 2025
 * closing balance (the whole trial balance, parents included), 322 未分配收益 carried and 各项分配
 * zero, the village's sub-accounts and the contracts still running; 2025's book is not written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readBook } from '../../src/app/book';
import { ledgerVouchers } from '../../src/app/build-reports';
import { initVillage } from '../../src/app/init-village';
import { newYear } from '../../src/app/new-year';
import { buildSampleBook } from '../../src/app/sample/build-sample';
import { validateWorkbook } from '../../src/app/validate-workbook';
import { computeTrialBalance } from '../../src/core/ledger/balances';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { CONTRACTS } from '../../src/workbook/contracts';
import { VOUCHERS } from '../../src/workbook/layout';

let thisYear: XlsxWorkbook;
let nextYear: XlsxWorkbook;
let result: Awaited<ReturnType<typeof newYear>>;
/** Write calls made to this year's book during newYear (there must be none). */
const writes: string[] = [];

beforeAll(async () => {
  thisYear = await createXlsxWorkbook();
  await buildSampleBook(thisYear);
  for (const m of ['initialize', 'appendRows', 'replaceGeneratedSheets', 'writeMeta'] as const) {
    const original = thisYear[m].bind(thisYear) as (...a: unknown[]) => Promise<void>;
    (thisYear as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => {
      writes.push(m);
      await original(...a);
    };
  }
  nextYear = await createXlsxWorkbook();
  result = await newYear(thisYear, nextYear);
}, 180_000);

describe('newYear after the close', () => {
  it('opens 2026 with every 2025 closing balance, over the whole trial balance', async () => {
    expect(result).toMatchObject({ ok: true, year: 2026 });
    const old = await readBook(thisYear);
    const fresh = await readBook(nextYear);
    const closing = computeTrialBalance({ chart: old.chart, opening: old.opening, vouchers: ledgerVouchers(old), from: '2025-01', to: '2025-12' });
    const opening = computeTrialBalance({ chart: fresh.chart, opening: fresh.opening, vouchers: [], from: '2026-01', to: '2026-12' });
    const closedRows = new Map(closing.rows.map((r) => [r.code, r.closingDebit - r.closingCredit]));
    const openedRows = new Map(opening.rows.map((r) => [r.code, r.openingDebit - r.openingCredit]));
    // Same chart (built-in accounts and the village's sub-accounts), and every account's balance carried.
    expect(fresh.chart.order).toEqual(old.chart.order);
    const closed = new Map(old.chart.order.map((code) => [code, closedRows.get(code) ?? 0]));
    const opened = new Map(old.chart.order.map((code) => [code, openedRows.get(code) ?? 0]));
    expect(closing.rows.length).toBeGreaterThan(40);
    const differences = [...closed].filter(([code, net]) => opened.get(code) !== net);
    expect(differences).toEqual([]);
    expect(opening.totals.openingDebit).toBe(closing.totals.closingDebit);
    expect(opening.totals.openingCredit).toBe(closing.totals.closingCredit);
    expect(result.balances).toBe(fresh.opening.length);
    // 322: 未分配收益 carries the retained result; 各项分配 and 本年收益 start at zero.
    expect(opened.get('32202')).toBeLessThan(0); // a credit balance
    expect(opened.get('32202')).toBe(closed.get('32202'));
    expect([opened.get('32201'), opened.get('3220101'), opened.get('3220102'), opened.get('321')]).toEqual([0, 0, 0, 0]);
    expect((await validateWorkbook(nextYear)).ok).toBe(true);
    expect((await nextYear.readMeta())?.fiscalYear).toBe(2026);
  });

  it('carries the contracts running on 1 January with their year-end arrears, and leaves 2025 unwritten', async () => {
    const [oldContracts, newContracts] = [(await thisYear.readTables([CONTRACTS]))[0], (await nextYear.readTables([CONTRACTS]))[0]];
    const col = (key: string): number => CONTRACTS.columns.findIndex((c) => c.key === key);
    const running = (oldContracts?.rows ?? []).filter((r) => String(r[col('end')]) >= '2026-01-01').map((r) => r[col('no')]);
    expect(running.length).toBeGreaterThan(0);
    expect(result.contracts).toBe(running.length);
    expect(newContracts?.rows.map((r) => r[col('no')])).toEqual(running);
    // HZ-2023-02's unpaid dividends: 24,000 before the books and 24,000 due 2025-12-30, unpaid in the sample.
    const hz = newContracts?.rows.find((r) => r[col('no')] === 'HZ-2023-02');
    expect(typeof hz?.[col('openingArrears')]).toBe('number');
    expect(writes).toEqual([]);
  });
});

describe('newYear refuses', () => {
  it('a year not closed, saying so, and writes nothing to either book', async () => {
    const open = await createXlsxWorkbook();
    await initVillage(open, { village: '新村', township: '青山镇', year: 2025 });
    await open.appendRows(VOUCHERS, [['2025-01-05', '1', '收到发包款', '102', 100, null], ['2025-01-05', '1', '收到发包款', '501', null, 100]]);
    const target = await createXlsxWorkbook();
    const r = await newYear(open, target);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.zh)).toEqual(['2025年度还没有年终结账（没有结转凭证），不能建立下一年度账簿']);
    expect(await target.readMeta()).toBeUndefined();
  });
});
