import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readBook } from '../../src/app/book';
import { initFrom2004 } from '../../src/app/init-from-2004';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { cli } from './run-cli';

vi.setConfig({ testTimeout: 180_000 });

let dir: string;
const FIXTURE = join(__dirname, '..', 'fixtures', 'trial-balance-2004.csv');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-2004-'));
  await copyFile(FIXTURE, join(dir, 'tb2004.csv'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const y = (yuan: number): number => Math.round(yuan * 100);

describe('cunzhang init --from-2004: a 2004 trial balance typed by an accountant', () => {
  it('creates the 2024 book with every convertible balance converted (checked by hand) and lists the rest', async () => {
    const run = await cli(dir, 'init', 'new.xlsx', '--from-2004', 'tb2004.csv', '--village', '东山村', '--township', '青山镇', '--year', '2024');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('转入期初余额 20 行；1 项余额未能转换');
    // Listed, not guessed: 应付福利费 has no 2023 account.
    expect(run.stderr).toContain('应付福利费');
    expect(run.stderr).toContain('migrate.unmapped');

    const book = await readBook(await createXlsxWorkbook(await readFile(join(dir, 'new.xlsx'))));
    expect(book.meta).toMatchObject({ village: '东山村', township: '青山镇', fiscalYear: 2024 });
    const opening = Object.fromEntries(book.opening.map((o) => [o.account, o.debit - o.credit]));
    expect(opening).toEqual({
      '101': y(1_500), // 现金 → 库存现金
      '102': y(236_800),
      '11201': y(12_000), // 应收款-县农业发展公司, sub-account carried
      '121': y(3_200),
      '13101': y(4_000), // 幼畜及育肥畜 stays 消耗性生物资产
      '13201': y(50_000 + 12_500), // 经济林木 at cost: net 50,000 + amortisation 12,500 → 132
      '13202': y(8_000), // 薪炭林: a productive biological asset, keeps its number under 132
      '13203': y(18_000 + 6_000), // 产役畜 131 → 132 at cost (18,000 + 6,000); 13202 was taken, so the next free code
      '13403': y(20_000), // 防护林 → 134 公益性生物资产
      '133': -y(6_000 + 12_500), // the two amortisations grossed up into 生产性生物资产累计折旧
      '151': y(600_000),
      '152': -y(150_000),
      '21101': -y(30_000), // 应付款-县建筑公司 → 211
      '2130201': -y(5_000), // 应付款-应付劳务费-村民张三 → 213 应付劳务费
      '2130202': -y(4_000),
      '21403': -y(2_400), // 应付款-应交税金 → 214 应交税费
      '212': -y(6_000), // 应付工资 211 → 212
      '301': -y(500_000),
      '311': -y(120_000),
      '32202': -y(131_100),
    });
    // One opening row per account above (20).
    expect(book.opening).toHaveLength(Object.keys(opening).length);
    // Debits 972,000.00 against credits 967,000.00: the 5,000.00 of 应付福利费 is what the accountant still books by hand.
    expect(book.opening.reduce((t, o) => t + o.debit - o.credit, 0)).toBe(y(5_000));
    const name = (code: string) => book.subs.find((s) => s.code === code)?.name;
    expect([name('13203'), name('21302'), name('2130201'), name('21403'), name('13202')]).toEqual(['产役畜', '应付劳务费', '村民张三', '应交税金', '薪炭林']);
    // validate then says the opening does not balance, which is the truth.
    const validate = await cli(dir, 'validate', 'new.xlsx');
    expect(validate.code).toBe(1);
  });

  it('asks for 累计摊销 when the column is missing; a bad cell or a missing file creates nothing', async () => {
    const noColumn = await initFrom2004(await createXlsxWorkbook(), { village: '东山村', township: '青山镇', year: 2024 }, {
      header: ['科目编码', '科目名称', '期末借方', '期末贷方'],
      rows: [['132', '林木资产', 50_000, null], ['13201', '经济林木', 50_000, null], ['301', '资本', null, 50_000]],
      where: { source: 'tb.csv', firstRow: 2 },
    });
    expect(noColumn.ok).toBe(true);
    expect(noColumn.findings.map((f) => [f.rule, f.row])).toEqual([['migrate.amortisation-missing', 3]]);
    expect(noColumn.findings[0]!.zh).toContain('累计摊销');
    const port = await createXlsxWorkbook();
    const badCell = await initFrom2004(port, { village: '东山村', township: '青山镇', year: 2024 }, { header: ['科目编码', '期末借方', '期末贷方'], rows: [['101', '12.345', null]], where: { source: 'tb.csv', firstRow: 2 } });
    expect([badCell.ok, badCell.findings.map((f) => [f.rule, f.row, f.column])]).toEqual([false, [['cell.too-many-decimals', 2, '期末借方']]]);
    expect(await port.readMeta()).toBeUndefined();
    const bad = await cli(dir, 'init', 'bad.xlsx', '--from-2004', 'missing.csv', '--village', '东山村', '--township', '青山镇', '--year', '2024');
    expect(bad.code).toBe(3);
  });
});
