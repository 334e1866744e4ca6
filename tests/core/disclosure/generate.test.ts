/**
 * Generation on a small hand-made ledger (the DOMAIN §8 worked example plus an 一事一议 project),
 * so every figure can be worked by hand; and the validator on grids typed here.
 */
import { describe, expect, it } from 'vitest';
import { generateDisclosures, type DisclosureInput } from '../../../src/core/disclosure/generate';
import { oddText, parseTypedDate } from '../../../src/core/disclosure/grid';
import { neutralizeText } from '../../../src/core/disclosure/model';
import { parsePeriodCode } from '../../../src/core/disclosure/period';
import { nationalTemplate } from '../../../src/core/disclosure/templates';
import { validateDisclosures } from '../../../src/core/disclosure/validate';
import type { Voucher } from '../../../src/core/ledger/types';
import { cr, dr, exampleChart, exampleOpening, exampleVouchers } from '../ledger/example-village';

/** 一事一议: raised 8,000.00 from households in August (Dr 113 / Cr 231), 5,000.00 spent on a road in September. */
const YSYY: Voucher[] = [
  { date: '2025-08-05', number: '90', summary: '一事一议筹资', lines: [dr('113', 8000), cr('231', 8000)] },
  { date: '2025-09-20', number: '91', summary: '=HYPERLINK("x") 村道硬化', lines: [dr('231', 5000), cr('102', 5000)] },
];

function input(period: string, extra: Voucher[] = []): DisclosureInput {
  return {
    template: nationalTemplate(), period: parsePeriodCode(period)!, village: '示例村', township: '青山镇',
    chart: exampleChart(), opening: exampleOpening, vouchers: [...exampleVouchers, ...extra],
  };
}

describe('generateDisclosures on the worked example', () => {
  it('Q3 财务公开榜: 本期 and 本年累计 by hand', () => {
    const board = generateDisclosures(input('2025Q3')).tables[0]!;
    const row = (label: string) => board.rows.find((r) => r.cells[0] === label)!.cells.slice(2);
    // Q3: 501 = 24,000 (#5 厂房租金); 503 = 50,000 (#4); 511 = 3,500 (#6). Jan–Sep 501 = 60,000 + 35,400 + 24,000 = 119,400.
    expect(row('经营收入')).toEqual([2_400_000, 11_940_000]);
    expect(row('补助收入')).toEqual([5_000_000, 5_000_000]);
    expect(row('投资收益')).toEqual([0, 1_200_000]);
    // 收入合计 Q3 = 24,000 + 50,000 = 74,000; year to date 119,400 + 12,000 + 50,000 = 181,400.
    expect(row('收入合计')).toEqual([7_400_000, 18_140_000]);
    expect(row('支出合计')).toEqual([350_000, 350_000]);
    expect(row('三、收支差额')).toEqual([7_050_000, 17_790_000]);
    expect(board.capitals).toEqual([{ label: '收入合计', fen: 7_400_000 }, { label: '支出合计', fen: 350_000 }]);
    expect(board.title).toBe('青山镇示例村2025年第3季度财务公开榜');
    expect(board.sheet).toBe('财务公开榜2025Q3');
  });

  it('收支逐笔: 上期结转 = 2,000 + 180,000 + 60,000 + 35,400 + 12,000 = 289,400; Q3 in 74,000, out 3,500', () => {
    const cash = generateDisclosures(input('2025Q3')).tables.find((t) => t.form.key === 'cashbook')!;
    expect(cash.rows[0]!.cells).toEqual([null, null, '上期结转', null, null, 28_940_000]);
    expect(cash.rows.at(-1)!.cells).toEqual([null, null, '本期合计', 7_400_000, 350_000, 28_940_000 + 7_400_000 - 350_000]);
  });

  it('the 一事一议 special disclosure appears only in the quarter its account (231) is active, with its balance', () => {
    const keys = (p: string, extra: Voucher[]) => generateDisclosures(input(p, extra)).tables.map((t) => t.form.key);
    expect(keys('2025Q3', [])).not.toContain('yishiyiyi');
    expect(keys('2025Q2', YSYY)).not.toContain('yishiyiyi');
    const t = generateDisclosures(input('2025Q3', YSYY)).tables.find((x) => x.form.key === 'yishiyiyi')!;
    // Raised 8,000.00, used 5,000.00, 3,000.00 left (credit-positive). The summary is neutralised.
    expect(t.rows.map((r) => r.cells.slice(2))).toEqual([
      ['上期结转', null, null, 0],
      ['一事一议筹资', 800_000, 0, 800_000],
      ["'=HYPERLINK(\"x\") 村道硬化", 0, 500_000, 300_000],
      ['本期合计', 800_000, 500_000, 300_000],
    ]);
  });

  it('收益分配公开 waits for the close: a warning, no table', () => {
    const r = generateDisclosures(input('2025'));
    expect(r.tables.map((t) => t.form.key)).not.toContain('distribution');
    expect(r.findings.map((f) => f.rule)).toEqual(['disclosure.not-closed']);
  });
});

describe('odd content and dates', () => {
  it('flags text a spreadsheet would run, but not amounts or a lone dash', () => {
    const grid = { name: 'x', rows: [['=SUM(A1)', '-', '-100.00', '+86-138', '@me', '正常']] };
    expect(oddText(grid).map((f) => f.column)).toEqual(['A', 'D', 'E']);
    expect(neutralizeText('=1+1')).toBe("'=1+1");
    expect(neutralizeText('村道')).toBe('村道');
  });

  it('reads dates as people type them', () => {
    expect(parseTypedDate('2025年10月12日')).toBe('2025-10-12');
    expect(parseTypedDate('2025/10/2')).toBe('2025-10-02');
    expect(parseTypedDate('2025.10.12')).toBe('2025-10-12');
    expect(parseTypedDate('2025-02-30')).toBeUndefined();
  });
});

describe('validateDisclosures: completeness and the balance chain', () => {
  const inputFor = (p: ReturnType<typeof parsePeriodCode>) => ({ ...input('2025Q3', YSYY), period: p! });

  it('as of 2025-10-20: Q1–Q3 are due (deadlines 04-15, 07-15, 10-15), the 一事一议 special one in Q3 only', () => {
    const fs = validateDisclosures({ template: nationalTemplate(), inputFor, fiscalYear: 2025, grids: [], asOf: '2025-10-20' });
    const special = fs.filter((f) => f.rule === 'disclosure.special-missing');
    expect(special.map((f) => f.zh)).toEqual(['缺少2025年第3季度“一事一议”筹资筹劳及使用情况公开表（相关科目本期有发生额，应专项公开）']);
    // Four regular forms a quarter (board, cashbook, balance, debts; no contracts register here) × 3 quarters.
    expect(fs.filter((f) => f.rule === 'disclosure.missing')).toHaveLength(12);
  });

  it('a typed 收支逐笔 whose second balance does not follow is one chain finding, at that cell', () => {
    const grid = {
      name: '逐笔',
      rows: [
        ['青山镇示例村2025年第3季度收支逐笔公开榜'],
        ['日期', '凭证号', '收支内容', '收入', '支出', '结存'],
        [null, null, '上期结转', null, null, 289400],
        ['2025-07-05', '1', '收到上级补助', 50000, null, 339400],
        ['2025-08-01', '1', '厂房租金', 24000, null, 363500],
        ['2025-09-10', '1', '光伏运维费', null, 3500, 360000],
        [null, null, '本期合计', 74000, 3500, 359900],
        ['张榜日期：2025-10-12'],
      ],
    };
    const fs = validateDisclosures({ template: nationalTemplate(), inputFor: (p) => ({ ...input('2025Q3'), period: p }), fiscalYear: 2025, grids: [grid] });
    // 339,400 + 24,000 = 363,400, typed 363,500: F5. The next row follows from what was typed; 本期合计's
    // 结存 359,900 ties with the books (289,400 + 74,000 − 3,500) — but 360,000 − 0 ≠ 359,900 is not checked
    // on the total row, which ties to the books instead.
    expect(fs.map((f) => [f.rule, `${f.column}${f.row}`])).toEqual([['disclosure.chain', 'F5']]);
  });
});
