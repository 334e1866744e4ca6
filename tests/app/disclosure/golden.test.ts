/**
 * Golden files: the sample village's four quarterly disclosures and its annual 收益分配公开表,
 * compared cell by cell with tests/fixtures/disclosure/*.json.
 *
 * How the golden files were checked by hand, once (2026-11-29), before they were committed:
 * - 2025Q3 财务公开榜 本期数: 收入合计 223,247.21 = 经营收入 172,487.21 + 投资收益 0 + 补助收入 45,000.00
 *   + 其他收入 5,760.00; 支出合计 192,860.00 = 26,090.00 + 580.00 + 54,360.00 + 111,830.00; 收支差额
 *   30,387.21 = 223,247.21 − 192,860.00. 经营收入 172,487.21 equals the 本期实收 total of the Q3 合同公开表
 *   (every Q3 501 receipt is a contract receipt). 补助收入 45,000 = 30,000 运转经费 (Sep) + 15,000 农田管护 (Jul).
 * - The four quarters' 本期数 add up to the year: the test below asserts it, and the year's figures are
 *   those of the 收益及收益分配表 (`cunzhang report --json`).
 * - 收支逐笔公开榜: every 结存 = previous 结存 + 收入 − 支出 (asserted below); Q3 上期结转 517,854.37 =
 *   Q2's 期末结存, and Q3's 期末结存 573,711.58 = 货币资金 期末数 on the Q3 资产负债公开表.
 * - 收益分配公开表 2025: 年末未分配收益 = 可分配收益 − 提取公积公益金 − 向成员分配 − 其他分配, checked
 *   on the printed figures; 提取公积公益金 is 10% of 净收益 and 向成员分配 40% rounded down to hundreds
 *   (src/app/sample/build-sample.ts), and 年末未分配收益 equals 322's closing credit balance.
 * Regenerate only on purpose: UPDATE_GOLDEN=1 rewrites the files, then check them again by hand.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDisclosure } from '../../../src/app/disclose';
import { nationalTemplate } from '../../../src/core/disclosure/templates';
import type { DisclosureTable } from '../../../src/core/disclosure/model';
import { GOLDEN_DIR, goldenOf, openSample } from './helpers';

async function generate(period: string): Promise<DisclosureTable[]> {
  const r = await buildDisclosure(await openSample(), { period, template: nationalTemplate() });
  expect(r.ok).toBe(true);
  return r.tables;
}

async function compareGolden(name: string, value: unknown): Promise<void> {
  const file = join(GOLDEN_DIR, `${name}.json`);
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) await writeFile(file, text);
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(value);
}

const money = (t: DisclosureTable, row: number, col: number): number => Number(t.rows[row]?.cells[col] ?? NaN);

describe('sample village disclosures against the golden files', () => {
  const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'] as const;

  it.each(quarters)('%s: every form, cell by cell', async (q) => {
    const tables = await generate(q);
    expect(tables.map((t) => t.form.key)).toEqual(['board', 'cashbook', 'balance', 'debts', 'contracts', 'pv']);
    await compareGolden(`sample-${q}`, tables.map(goldenOf));
  });

  it('2025 收益分配公开表 (annual, after the close)', async () => {
    const tables = await generate('2025');
    const dist = tables.find((t) => t.form.key === 'distribution');
    expect(dist).toBeDefined();
    await compareGolden('sample-2025-distribution', goldenOf(dist!));
    const line = (n: number): number => money(dist!, dist!.rows.findIndex((r) => r.line === n), 2);
    // 六、年末未分配收益 (20) = 五、可分配收益 (16) − 提取公积公益金 (17) − 向成员分配 (18) − 其他分配 (19).
    expect(line(20)).toBe(line(16) - line(17) - line(18) - line(19));
    // 提取公积公益金 is 10% of 净收益 (13), to the fen.
    expect(line(17)).toBe(Math.round(line(13) / 10));
  });

  it('the quarters add up to the year, and each 收支逐笔 balance chains from the one before', async () => {
    const year = (await generate('2025')).find((t) => t.form.key === 'board')!;
    const qs = await Promise.all(quarters.map(generate));
    for (let r = 0; r < year.rows.length; r++) {
      if (year.rows[r]!.heading) continue;
      expect(qs.reduce((s, ts) => s + money(ts[0]!, r, 2), 0)).toBe(money(year, r, 2));
      // Q4's 本年累计数 is the year's.
      expect(money(qs[3]![0]!, r, 3)).toBe(money(year, r, 3));
    }
    let carried: number | undefined;
    for (const ts of qs) {
      const cash = ts[1]!;
      const bf = money(cash, 0, 5);
      if (carried !== undefined) expect(bf).toBe(carried);
      let bal = bf;
      for (const row of cash.rows.slice(1, -1)) {
        bal += Number(row.cells[3]) - Number(row.cells[4]);
        expect(Number(row.cells[5])).toBe(bal);
      }
      carried = money(cash, cash.rows.length - 1, 5);
      expect(carried).toBe(bal);
      // 期末结存 = 货币资金 期末数 on the same quarter's 资产负债公开表.
      expect(money(ts[2]!, 0, 3)).toBe(carried);
    }
  });
});
