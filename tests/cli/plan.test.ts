/** `cunzhang plan` in-process (run(argv)): summary, --json, --scenario, --doc, --history, and a bad scenario name. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { PlanJson } from '../../src/app/plan-json';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { saveWorkbookFileAtomic } from '../../src/hosts/xlsx/file';
import { buildSampleBook } from '../../src/app/sample/build-sample';
import { initVillage } from '../../src/app/init-village';
import { encodeVoucherRows } from '../../src/workbook/codecs/vouchers';
import { VOUCHERS } from '../../src/workbook/layout';

let dir: string;
const at = (n: string): string => join(dir, n);

async function cunzhang(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _e, cb) { f(String(chunk)); cb(); } });
  const code = await run(['node', 'cunzhang', ...args], { out: sink((s) => (out += s)), err: sink((s) => (err += s)) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-plan-'));
  const wb = await createXlsxWorkbook();
  await buildSampleBook(wb);
  await saveWorkbookFileAtomic(wb, at('sample.xlsx'));
  // A 2023 book with 88,000.00 of 经营收入 and 12,000.00 of 投资收益: 100,000.00 of operating income.
  const old = await createXlsxWorkbook();
  await initVillage(old, { village: '示范村', township: '青山镇', year: 2023 });
  await old.appendRows(VOUCHERS, encodeVoucherRows([
    { date: '2023-03-01', number: '1', summary: '租金', lines: [{ account: '102', debit: 8_800_000, credit: 0 }, { account: '501', debit: 0, credit: 8_800_000 }] },
    { date: '2023-12-20', number: '1', summary: '分红', lines: [{ account: '102', debit: 1_200_000, credit: 0 }, { account: '502', debit: 0, credit: 1_200_000 }] },
  ]));
  await saveWorkbookFileAtomic(old, at('2023.xlsx'));
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cunzhang plan', () => {
  it('prints a summary, writes the sheets and the plan document', async () => {
    const r = await cunzhang('plan', at('sample.xlsx'), '--doc', at('plan.html'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('达标年份 target year: 2027');
    expect(r.out).toContain('规划测算、项目评估、情景分析、计划执行');
    expect(await readFile(at('plan.html'), 'utf8')).toContain('<svg');
  }, 300_000);

  it('--json --scenario --history: the documented JSON, the scenario projected, the earlier year added', async () => {
    const r = await cunzhang('plan', at('sample.xlsx'), '--json', '--scenario', '租金违约', '--history', at('2023.xlsx'));
    expect(r.code).toBe(0);
    const j = PlanJson.parse(JSON.parse(r.out));
    expect(j.scenario).toBe('租金违约');
    expect(j.history).toEqual([{ year: 2023, operatingIncome: '100000.00' }, { year: 2024, operatingIncome: '550000.00' }]);
    // 租金违约 = 20% of every project's income lost: the projection is the scenario's row of the side-by-side table.
    expect(j.years.at(-1)?.operatingIncome).toBe(j.scenarios.find((s) => s.name === '租金违约')?.lastYearIncome);
    expect(j.years.at(-1)?.operatingIncome).not.toBe(j.scenarios.find((s) => s.name === '基准')?.lastYearIncome);
  }, 300_000);

  it('refuses an unknown scenario with exit code 1 and writes nothing', async () => {
    const before = await readFile(at('sample.xlsx'));
    const r = await cunzhang('plan', at('sample.xlsx'), '--scenario', '没有这个');
    expect(r.code).toBe(1);
    expect(r.err).toContain('plan.unknown-scenario');
    expect((await readFile(at('sample.xlsx'))).equals(before)).toBe(true);
  }, 300_000);
});
