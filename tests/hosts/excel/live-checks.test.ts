/**
 * Issue 10, live checks in Excel: the accountant's edits on 凭证 reach the add-in through
 * Worksheet.onChanged, are gathered per burst, and the rows edited are checked again with
 * validateWorkbook's own rules. Over the fake Excel: a burst of 1 edit and a burst of 1,000 cost
 * the same requests, and the findings are validate's for those rows. Over office-addin-mock:
 * taking an edit costs no sync at all, registering 2, removing 1.
 */
import { describe, expect, it } from 'vitest';
import { importOpening } from '../../../src/app/import-opening';
import { importVouchers } from '../../../src/app/import-vouchers';
import { initVillage } from '../../../src/app/init-village';
import { LIVE_SHEETS, checkEditedRows, mergeLiveFindings } from '../../../src/app/live-check';
import { validateWorkbook } from '../../../src/app/validate-workbook';
import type { Finding } from '../../../src/core/findings';
import { createExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import { watchEdits, type Timers } from '../../../src/hosts/excel/excel-live';
import type { EditedRows } from '../../../src/workbook/edits';
import { parseCsv } from '../../../src/workbook/voucher-import';
import { OPENING_CSV, VOUCHERS_CSV } from '../../integration/worked-example-files';
import { FakeExcel } from './fake-excel';
import { countedContext } from './office-mock';

/** A timer the test fires by hand: the debounce without waiting. */
function manualTimers(): { timers: Timers; fire: () => void; armed: () => boolean } {
  let pending: (() => void) | undefined;
  return {
    timers: { set: (f) => ((pending = f), 1), clear: () => (pending = undefined) },
    fire: () => {
      const f = pending;
      pending = undefined;
      f?.();
    },
    armed: () => pending !== undefined,
  };
}

/**
 * The worked example's 10 vouchers (21 lines, rows 2–22 of 凭证) and 500 deposit vouchers of
 * 1.00 (1,000 lines): voucher 100+i on rows 23+2i (Dr 102) and 24+2i (Cr 101).
 */
async function villageBook(): Promise<{ fake: FakeExcel; port: ReturnType<typeof createExcelWorkbook> }> {
  const fake = new FakeExcel();
  const port = createExcelWorkbook(fake.run);
  await initVillage(port, { village: '示例村', township: '青山镇', year: 2025 });
  const [oh = [], ...orows] = parseCsv(OPENING_CSV);
  await importOpening(port, { header: oh, rows: orows, where: { source: 'o.csv', firstRow: 2 } });
  const [header = [], ...rows] = parseCsv(VOUCHERS_CSV);
  for (let i = 0; i < 500; i++) rows.push(['2025-02-10', String(100 + i), '现金存入银行', '102', '1.00', ''], ['2025-02-10', String(100 + i), '现金存入银行', '101', '', '1.00']);
  expect((await importVouchers(port, { header, rows, where: { source: 'v.csv', firstRow: 2 } })).imported).toBe(510);
  return { fake, port };
}

/** The user types `value` into column `col` (0-based) of each of `rows` (1-based), one edit event per row. */
async function typeInto(fake: FakeExcel, rows: readonly number[], col: number, value: string | number): Promise<void> {
  const letter = String.fromCharCode(65 + col);
  for (const r of rows) {
    fake.sheet('凭证').write({ row0: r - 1, col0: col, rows: 1, cols: 1 }, [[value]], 'values');
    await fake.fireChanged('凭证', `${letter}${r}`);
  }
}

/** One burst: the edits, the pause, the check. Returns the findings and the requests it cost. */
async function burst(fake: FakeExcel, port: ReturnType<typeof createExcelWorkbook>, edit: () => Promise<void>): Promise<{ findings: Finding[]; syncs: number; bursts: EditedRows[][] }> {
  const clock = manualTimers();
  const bursts: EditedRows[][] = [];
  const watch = await watchEdits(LIVE_SHEETS, (e) => bursts.push(e), { run: fake.run, runWith: fake.runWith, timers: clock.timers });
  const before = fake.syncs;
  await edit();
  expect(fake.syncs).toBe(before); // taking edits costs no request
  clock.fire();
  expect(bursts).toHaveLength(1); // one burst, however many events
  const { findings } = await checkEditedRows(port, bursts[0]!);
  const syncs = fake.syncs - before;
  await watch.stop();
  return { findings, syncs, bursts };
}

const key = (f: Finding): string => `${f.rule}|${f.sheet}|${f.row}|${f.column}|${f.zh}`;
const inRows = (from: number, to: number) => (f: Finding): boolean => f.sheet === '凭证' && f.row !== undefined && f.row >= from && f.row <= to;

describe('live checks on the Excel host', () => {
  it('a burst of 1 edit and a burst of 1,000 cost the same requests; findings are validate\'s for those rows', async () => {
    const one = await villageBook();
    // 1.005: three decimals in the debit of voucher 100 (rows 23–24).
    const a = await burst(one.fake, one.port, () => typeInto(one.fake, [23], 4, 1.005));
    expect(a.bursts[0]).toEqual([{ sheet: '凭证', spans: [{ from: 23, to: 23 }] }]);
    const all = (await validateWorkbook(one.port)).findings;
    const expectedA = all.filter(inRows(23, 24));
    expect(expectedA.length).toBeGreaterThan(0);
    expect(expectedA.some((f) => f.rule === 'cell.too-many-decimals' && f.row === 23 && f.column === 'E')).toBe(true);
    expect(a.findings.map(key).sort()).toEqual(expectedA.map(key).sort());

    const many = await villageBook();
    const rows = Array.from({ length: 1_000 }, (_, i) => 23 + i);
    const b = await burst(many.fake, many.port, () => typeInto(many.fake, rows, 4, 1.005));
    expect(b.bursts[0]).toEqual([{ sheet: '凭证', spans: [{ from: 23, to: 1_022 }] }]);
    const expectedB = (await validateWorkbook(many.port)).findings.filter(inRows(23, 1_022));
    expect(expectedB.length).toBeGreaterThanOrEqual(1_000);
    expect(b.findings.map(key).sort()).toEqual(expectedB.map(key).sort());

    expect(b.syncs).toBe(a.syncs);
    expect(a.syncs).toBeGreaterThan(0);
  }, 240_000);

  it('an unknown account code and an unbalanced voucher show while typing, for the whole voucher', async () => {
    const { fake, port } = await villageBook();
    // Row 24 is the credit line of voucher 100; code 999 is not in the chart. Row 25's amount
    // makes voucher 101 unbalanced, reported on its first line.
    const r = await burst(fake, port, async () => {
      await typeInto(fake, [24], 3, '999');
      await typeInto(fake, [25], 4, 2);
    });
    const rules = r.findings.map((f) => `${f.rule}@${f.row}`);
    expect(rules).toEqual(expect.arrayContaining(['voucher.unbalanced@25']));
    expect(r.findings.some((f) => f.row === 24 && f.rule === 'line.unknown-account')).toBe(true);
    // Only the two vouchers edited (rows 23–26).
    expect(r.findings.every((f) => f.row !== undefined && f.row >= 23 && f.row <= 26)).toBe(true);
  }, 120_000);

  it('stop removes the handlers with their own context: later edits reach nobody', async () => {
    const { fake } = await villageBook();
    const clock = manualTimers();
    const seen: EditedRows[][] = [];
    const before = fake.syncs;
    const watch = await watchEdits(LIVE_SHEETS, (e) => seen.push(e), { run: fake.run, runWith: fake.runWith, timers: clock.timers });
    expect(fake.syncs - before).toBe(2);
    // 凭证, 期初余额 and 合同 exist in a new book: one handler each.
    expect(fake.handlers.map((h) => h.sheet.name).sort()).toEqual([...LIVE_SHEETS].sort());
    await fake.fireChanged('凭证', 'B5:C7');
    const stopAt = fake.syncs;
    await watch.stop();
    expect(fake.syncs - stopAt).toBe(1);
    expect(fake.handlers).toEqual([]);
    expect(clock.armed()).toBe(false); // the pending burst is dropped
    await fake.fireChanged('凭证', 'B5');
    clock.fire();
    expect(seen).toEqual([]);
  }, 120_000);
});

describe('watchEdits over office-addin-mock', () => {
  it('registers with 2 syncs, takes 1 or 1,000 events with none, and removes with 1', async () => {
    const handlers: ((e: { address: string }) => Promise<unknown>)[] = [];
    const removed: number[] = [];
    const sheet = (name: string) => ({
      name,
      onChanged: {
        add: (h: (e: { address: string }) => Promise<unknown>) => {
          handlers.push(h);
          const i = handlers.length - 1;
          return { context: m.context, remove: () => removed.push(i) };
        },
      },
    });
    const m = countedContext({
      context: {
        workbook: {
          // The mock's load cannot follow 'items/name' into an array: the collection answers it itself.
          worksheets: { load: () => ({ items: [sheet('凭证'), sheet('期初余额'), sheet('其他表')] }) },
        },
      },
    });
    const ctx = m.context as unknown as Excel.RequestContext;
    const clock = manualTimers();
    const seen: EditedRows[][] = [];
    const watch = await watchEdits(LIVE_SHEETS, (e) => seen.push(e), {
      run: async (batch) => batch(ctx),
      runWith: async (c, batch) => batch(c),
      timers: clock.timers,
    });
    expect(m.syncs()).toBe(2);
    expect(handlers).toHaveLength(2); // 凭证 and 期初余额; 合同 is missing, 其他表 is not watched

    await handlers[0]!({ address: 'E5' });
    clock.fire();
    for (let r = 2; r <= 1_001; r++) await handlers[0]!({ address: `A${r}:L${r}` });
    await handlers[1]!({ address: 'C:C' });
    clock.fire();
    expect(m.syncs()).toBe(2);
    expect(seen).toEqual([
      [{ sheet: '凭证', spans: [{ from: 5, to: 5 }] }],
      [{ sheet: '凭证', spans: [{ from: 2, to: 1_001 }] }, { sheet: '期初余额', spans: [{ from: 1, to: Infinity }] }],
    ]);

    await watch.stop();
    expect(removed).toEqual([0, 1]);
    expect(m.syncs()).toBe(3);
  });
});

describe('mergeLiveFindings', () => {
  it('replaces the findings on the rows checked and keeps the others', () => {
    const f = (row: number, rule = 'voucher.unbalanced'): Finding => ({ rule, severity: 'error', zh: `第${row}行`, en: `row ${row}`, sheet: '凭证', row });
    const previous = [f(25), f(40), { ...f(7), sheet: '期初余额' }];
    // The accountant fixed row 26, the other line of the voucher on 25–26: that check covers 25–26 and finds nothing there.
    const next = mergeLiveFindings(previous, { findings: [f(26, 'line.zero')], checked: [{ sheet: '凭证', spans: [{ from: 25, to: 26 }] }] });
    expect(next.map((x) => `${x.sheet}${x.row}`)).toEqual(['凭证40', '期初余额7', '凭证26']);
  });
});
