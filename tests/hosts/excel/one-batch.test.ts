/**
 * Issue 14 on the Excel host: every writing use case the pane (or the CLI) runs reads, computes and
 * checks first, then writes in one request, so a failure anywhere leaves the workbook as it was.
 *
 * For each use case, over the fake Excel (which applies queued commands only at sync, and sends
 * nothing a throwing batch queued after its last sync):
 * - a clean run: the workbook changes in exactly one request, the use case's last;
 * - then, for every request k of that run in turn, a run from the same starting book where request
 *   k is refused whole: the use case throws and the workbook deep-equals its state before.
 */
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../../src/app/build-reports';
import { closeYear } from '../../../src/app/close-year';
import { buildDisclosure } from '../../../src/app/disclose';
import { importOpening } from '../../../src/app/import-opening';
import { importVouchers } from '../../../src/app/import-vouchers';
import { initVillage } from '../../../src/app/init-village';
import { lockPeriod } from '../../../src/app/lock-period';
import { newYear } from '../../../src/app/new-year';
import { buildPlan } from '../../../src/app/plan';
import { printVouchers } from '../../../src/app/print-vouchers';
import { buildSampleBook } from '../../../src/app/sample/build-sample';
import { consolidateVillages, writeTownshipWorkbook } from '../../../src/app/consolidate';
import { createXlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { TOWNSHIP_SHEETS } from '../../../src/workbook/layout';
import { townshipFixtureSet } from '../../support/township-fixtures';
import { nationalTemplate } from '../../../src/core/disclosure/templates';
import { createExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import type { WorkbookPort } from '../../../src/workbook/port';
import { FakeExcel } from './fake-excel';
import { cloneWorkbook, dumpWorkbook, type WorkbookState } from './fake-excel-state';

/** A use case run on a port; it must write something on a clean run. `other` is a second, blank book (new-year's target). */
type Action = (port: WorkbookPort, other: WorkbookPort) => Promise<unknown>;

function fakeFrom(state: WorkbookState): FakeExcel {
  const fake = new FakeExcel();
  fake.book = cloneWorkbook(state);
  return fake;
}

const VOUCHER = {
  header: ['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额'],
  rows: [['2025-12-28', '901', '现金存入银行', '102', '10.00', ''], ['2025-12-28', '901', '现金存入银行', '101', '', '10.00']],
  where: { source: 'v.csv', firstRow: 2 },
};
const OPENING = {
  header: ['科目编码', '借方余额', '贷方余额'],
  rows: [['101', '2000.00', ''], ['301', '', '2000.00']],
  where: { source: 'opening.csv', firstRow: 2 },
};

/** Records the request numbers after which the fake's workbook differs from before that request. */
function watch(fake: FakeExcel): number[] {
  const changedAt: number[] = [];
  let last = JSON.stringify(dumpWorkbook(fake.book));
  fake.afterSync = () => {
    const now = JSON.stringify(dumpWorkbook(fake.book));
    if (now !== last) changedAt.push(fake.syncs);
    last = now;
  };
  return changedAt;
}

/**
 * Runs `action` cleanly, then once per request (of either book) with that request refused.
 * Returns how many requests the clean run made.
 */
async function proveOneBatch(start: WorkbookState, action: Action): Promise<number> {
  const before = dumpWorkbook(start);
  const blank = dumpWorkbook(new FakeExcel().book);
  const clean = fakeFrom(start);
  const cleanOther = new FakeExcel();
  const changed = [watch(clean), watch(cleanOther)];
  await action(createExcelWorkbook(clean.run), createExcelWorkbook(cleanOther.run));
  // It wrote, in one request only: the last it sent to the book it wrote.
  const writer = changed[0]!.length > 0 ? clean : cleanOther;
  expect(changed.flat()).toEqual([writer.syncs]);

  for (const [which, requests] of [[0, clean.syncs], [1, cleanOther.syncs]] as const) {
    for (let k = 1; k <= requests; k++) {
      const fake = fakeFrom(start);
      const other = new FakeExcel();
      (which === 0 ? fake : other).fault = { sync: k };
      await expect(action(createExcelWorkbook(fake.run), createExcelWorkbook(other.run))).rejects.toThrow(/injected fault/);
      expect([which, k, dumpWorkbook(fake.book), dumpWorkbook(other.book)]).toEqual([which, k, before, blank]);
    }
  }
  return clean.syncs + cleanOther.syncs;
}

async function stateAfter(build: (port: WorkbookPort) => Promise<unknown>): Promise<WorkbookState> {
  const fake = new FakeExcel();
  await build(createExcelWorkbook(fake.run));
  return fake.book;
}

describe('one batch per use case on the Excel host: a failed request leaves the workbook as it was', () => {
  it('new book (新建账簿) and the imports', async () => {
    const blank = new FakeExcel().book;
    expect(await proveOneBatch(blank, (p) => initVillage(p, { village: '示例村', township: '青山镇', year: 2025 }))).toBeGreaterThan(1);
    const fresh = await stateAfter((p) => initVillage(p, { village: '示例村', township: '青山镇', year: 2025 }));
    await proveOneBatch(fresh, (p) => importOpening(p, OPENING));
    await proveOneBatch(fresh, (p) => importVouchers(p, VOUCHER));
  });

  it('the sample village: reports (with the contract sheets), close, lock, disclosure, plan, print, new year', async () => {
    const sample = await stateAfter((p) => buildSampleBook(p));
    const cases: [string, Action][] = [
      ['reports', (p) => buildReports(p)],
      ['close', (p) => closeYear(p, { year: 2025 })],
      ['lock', (p) => lockPeriod(p, { through: '2025-06' })],
      ['disclosure', (p) => buildDisclosure(p, { period: '2025Q3', template: nationalTemplate() })],
      ['plan', (p) => buildPlan(p)],
      ['print vouchers', (p) => printVouchers(p, { from: '2025-01', to: '2025-01' })],
      ['import', (p) => importVouchers(p, VOUCHER)],
      ['new year', (p, next) => newYear(p, next)],
    ];
    const requests: Record<string, number> = {};
    for (const [name, action] of cases) requests[name] = await proveOneBatch(sample, action);
    // Each case's requests were each refused once above; a handful, whatever the book's size.
    expect(Object.values(requests).every((n) => n >= 2 && n <= 20)).toBe(true);
    const tried = Object.values(requests).reduce((a, b) => a + b, 0);
    console.log(`one batch: ${cases.length} use cases on the sample, ${tried} requests refused one at a time, the workbook as before each time (${Object.entries(requests).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  }, 600_000);
});

describe('inside the writing request: _meta is never left empty', () => {
  it('lock (结账) stopped at each command of its writing request leaves _meta old or new, never lost', async () => {
    const book = await stateAfter(async (p) => {
      await initVillage(p, { village: '示例村', township: '青山镇', year: 2025 });
      await importVouchers(p, VOUCHER);
    });
    const clean = fakeFrom(book);
    const oldMeta = await createExcelWorkbook(clean.run).readMeta();
    expect((await lockPeriod(createExcelWorkbook(clean.run), { through: '2025-12' })).ok).toBe(true);
    const newMeta = await createExcelWorkbook(clean.run).readMeta();
    // Requests: 2 (readMeta) + the lock's + 2 (readMeta): its writing request is the 3rd from last.
    const commands = clean.requests[clean.requests.length - 3]!.commands;
    const last = clean.requests.length - 4; // its number in a run of the lock alone
    expect(commands).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (let j = 0; j < commands; j++) {
      const fake = fakeFrom(book);
      fake.fault = { sync: last, command: j };
      await expect(lockPeriod(createExcelWorkbook(fake.run), { through: '2025-12' })).rejects.toThrow(/injected fault/);
      const meta = await createExcelWorkbook(fake.run).readMeta();
      expect([j, [oldMeta, newMeta].some((m) => JSON.stringify(m) === JSON.stringify(meta))]).toEqual([j, true]);
      seen.add(meta?.lockedThrough ?? 'old');
    }
    // Stopped early the old _meta stands; stopped after its rows were written, the new one.
    expect([...seen].sort()).toEqual(['2025-12', 'old']);
  }, 120_000);
});

describe('乡镇汇总 in Excel (issue 13): the township sheets written into the open workbook', () => {
  it('in one batch into a blank workbook; a village workbook is refused with nothing written', async () => {
    const files = await townshipFixtureSet();
    const c = await consolidateVillages(files.map((f) => ({ label: f.label, open: () => createXlsxWorkbook(f.bytes) })), { township: '青山镇', year: 2025 });
    const write = (p: WorkbookPort): Promise<string[]> => writeTownshipWorkbook(p, c, { generatedAt: '2026-01-05 09:00:00' });
    await proveOneBatch(new FakeExcel().book, write);

    const fake = new FakeExcel();
    const port = createExcelWorkbook(fake.run);
    const names = await write(port);
    // 同比 only with last year's township workbook.
    expect(names).toEqual(expect.arrayContaining(Object.values(TOWNSHIP_SHEETS).filter((n) => n !== TOWNSHIP_SHEETS.yearOverYear)));
    expect(await port.readMeta()).toMatchObject({ kind: 'township', township: '青山镇', fiscalYear: 2025 });
    // 3 villages included (东村, 西村, 南村): the total column of the balance-sheet summary says so.
    const sources = await port.readSheet(TOWNSHIP_SHEETS.sources);
    expect(sources?.rows.flat().filter((v) => v === '东村' || v === '西村' || v === '南村')).toHaveLength(3);
    // Written again over itself (a township workbook): allowed, still one batch.
    await proveOneBatch(fake.book, write);

    const village = await stateAfter((p) => initVillage(p, { village: '示例村', township: '青山镇', year: 2025 }));
    const vfake = new FakeExcel();
    vfake.book = cloneWorkbook(village);
    await expect(write(createExcelWorkbook(vfake.run))).rejects.toThrow(/village workbook/);
    expect(dumpWorkbook(vfake.book)).toEqual(dumpWorkbook(village));
  }, 240_000);
});

describe('the fake keeps Office.js batch semantics', () => {
  const write = (fake: FakeExcel, cells: string[]) => fake.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    cells.forEach((v, i) => (sheet.getRangeByIndexes(i, 0, 1, 1).values = [[v]]));
    await ctx.sync();
  });
  const column = (fake: FakeExcel): unknown[] => [0, 1, 2].map((r) => fake.sheet('Sheet1').cell(r, 0)?.value ?? '');

  it('a command failing inside a request keeps the commands before it and skips the rest (OfficeExtension.Error, traceMessages example)', async () => {
    const fake = new FakeExcel();
    fake.fault = { sync: 1, command: 1 };
    await expect(write(fake, ['a', 'b', 'c'])).rejects.toThrow(/injected fault/);
    expect(column(fake)).toEqual(['a', '', '']);
  });

  it('a refused request runs nothing; a batch that throws sends nothing it queued after its last sync', async () => {
    const refused = new FakeExcel();
    refused.fault = { sync: 1 };
    await expect(write(refused, ['a', 'b', 'c'])).rejects.toThrow(/injected fault/);
    expect(column(refused)).toEqual(['', '', '']);
    const thrown = new FakeExcel();
    await expect(thrown.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, 1).values = [['a']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(1, 0, 1, 1).values = [['b']];
      throw new Error('the use case failed');
    })).rejects.toThrow(/use case failed/);
    expect(column(thrown)).toEqual(['a', '', '']);
  });
});
