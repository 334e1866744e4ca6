import { describe, expect, it } from 'vitest';
import { buildChart } from '../../src/core/chart/accounts';
import { computeTrialBalance } from '../../src/core/ledger/balances';
import { buildIncomeStatement, INCOME_STATEMENT_LINES } from '../../src/core/statements/income-statement';
import { generatedBodyFirstRow } from '../../src/workbook/layout';
import { isFormulaCell, type Cell } from '../../src/workbook/port';
import { formulasOf, incomeStatementTitle, renderBalanceSheet, renderFindings, renderIncomeStatement, renderTrialBalance } from '../../src/workbook/reports';
import { BALANCE_SHEET_LINES, buildBalanceSheet } from '../../src/core/statements/balance-sheet';
import { withPriorYear } from '../../src/core/statements/income-statement';
import { finding } from '../../src/core/findings';

const head = { village: '示例村', township: '青山镇', from: '2025-01', to: '2025-12' };
const { chart } = buildChart([{ code: '50101', name: '土地发包收入' }]);
const opening = [{ account: '101', debit: 200_000, credit: 0 }, { account: '301', debit: 0, credit: 200_000 }];
const vouchers = [
  { date: '2025-01-10', number: '1', summary: '发包款', lines: [{ account: '101', debit: 6_000_000, credit: 0 }, { account: '50101', debit: 0, credit: 6_000_000 }] },
  { date: '2025-02-10', number: '1', summary: '办公费', lines: [{ account: '513', debit: 12_345, credit: 0 }, { account: '101', debit: 0, credit: 12_345 }] },
];

const formulaOf = (c: Cell | undefined): { formula: string; result: unknown } => {
  if (c === undefined || !isFormulaCell(c)) throw new Error('not a formula cell');
  return c;
};

describe('report rendering', () => {
  it('科目余额表: title lines, one row per account, 合计 as SUMIF over first-level rows with our totals cached', () => {
    const tb = computeTrialBalance({ chart, opening, vouchers, from: '2025-01', to: '2025-12' });
    const sheet = renderTrialBalance(tb, head);
    expect(sheet.title).toEqual(['科目余额表', '编制单位：青山镇示例村    会计期间：2025年度', '单位：元']);
    expect(sheet.columns.filter((c) => c.numFmt === '#,##0.00')).toHaveLength(6);
    const first = generatedBodyFirstRow(sheet);
    const n = tb.rows.length;
    const total = sheet.rows[n]!;
    expect(total[0]).toBe('合计');
    expect(formulaOf(total[3])).toEqual({ formula: `SUMIF(C${first}:C${first + n - 1},1,D${first}:D${first + n - 1})`, result: 2000 });
    // Period debit: 60,000.00 + 123.45 on first-level rows only (50101 is summed into 501).
    expect(formulaOf(total[5]).result).toBe(60_123.45);
    expect(sheet.totalRows).toEqual([n]);
    const sub = sheet.rows.find((r) => r[0] === '50101')!;
    expect(sub.slice(0, 3)).toEqual(['50101', '土地发包收入', 2]);
  });

  it('收益及收益分配表: subtotal lines are formulas over the rows of the lines they add', () => {
    const is = buildIncomeStatement({ chart, opening, vouchers, from: '2025-01', to: '2025-12' });
    const sheet = renderIncomeStatement(is, formulasOf(INCOME_STATEMENT_LINES), head);
    const first = generatedBodyFirstRow(sheet);
    const rowOf = (line: number): number => first + sheet.rows.findIndex((r) => r[1] === line);
    const operating = sheet.rows.find((r) => r[1] === 6)!;
    expect(operating[0]).toBe('二、经营收益');
    expect(formulaOf(operating[2])).toEqual({ formula: `C${rowOf(1)}+C${rowOf(2)}-C${rowOf(3)}-C${rowOf(4)}-C${rowOf(5)}`, result: 59_876.55 });
    const plain = sheet.rows.find((r) => r[1] === 1)!;
    expect(plain[2]).toBe(60_000);
    expect(sheet.totalRows).toContain(sheet.rows.indexOf(operating));
  });

  it('收益及收益分配表: 本年金额 and 上年金额, the prior subtotals as formulas too; a part year says so', () => {
    const is = withPriorYear(buildIncomeStatement({ chart, opening, vouchers, from: '2025-01', to: '2025-12' }), new Map([['operatingRevenue', 50_000_00], ['adminExpenses', 10_000_00], ['operatingResult', 40_000_00]]));
    const sheet = renderIncomeStatement(is, formulasOf(INCOME_STATEMENT_LINES), head);
    expect(sheet.columns.map((c) => c.header)).toEqual(['项目', '行次', '本年金额', '上年金额']);
    const first = generatedBodyFirstRow(sheet);
    const rowOf = (line: number): number => first + sheet.rows.findIndex((r) => r[1] === line);
    const operating = sheet.rows.find((r) => r[1] === 6)!;
    // 上年 经营收益 = 50,000.00 − 10,000.00 = 40,000.00, as a formula over column D.
    expect(formulaOf(operating[3])).toEqual({ formula: `D${rowOf(1)}+D${rowOf(2)}-D${rowOf(3)}-D${rowOf(4)}-D${rowOf(5)}`, result: 40_000 });
    expect(sheet.rows.find((r) => r[1] === 1)![3]).toBe(50_000);
    // Without prior figures the column stays blank.
    const bare = renderIncomeStatement(buildIncomeStatement({ chart, opening, vouchers, from: '2025-01', to: '2025-12' }), formulasOf(INCOME_STATEMENT_LINES), head);
    expect(bare.rows.every((r) => r[3] === null)).toBe(true);
    // January to June: the title names the months and the last line is 期末, not 年末, 未分配收益.
    const half = buildIncomeStatement({ chart, opening, vouchers, from: '2025-01', to: '2025-06' });
    const halfSheet = renderIncomeStatement(half, formulasOf(INCOME_STATEMENT_LINES), { ...head, to: '2025-06' });
    expect(halfSheet.title[0]).toBe('收益及收益分配表（2025年1—6月）');
    expect(halfSheet.rows.at(-1)![0]).toBe('六、期末未分配收益');
    expect(sheet.rows.at(-1)![0]).toBe('六、年末未分配收益');
    expect([incomeStatementTitle({ from: '2025-03', to: '2025-03' }), incomeStatementTitle({ from: '2025-01', to: '2025-12' })]).toEqual(['收益及收益分配表（2025年3月）', '收益及收益分配表']);
  });

  it('资产负债表 two-sided: 资产 ‖ 负债和所有者权益 on one A4 page, the same figures and formulas in each half', () => {
    const bs = buildBalanceSheet({ chart, opening, vouchers, to: '2025-12' });
    const sheet = renderBalanceSheet(bs, formulasOf(BALANCE_SHEET_LINES), head);
    expect(sheet.columns.map((c) => c.header)).toEqual(['资产', '行次', '年初数', '期末数', '负债和所有者权益', '行次', '年初数', '期末数']);
    expect(sheet.print).toEqual({ orientation: 'landscape', fitToHeight: 1 });
    const first = generatedBodyFirstRow(sheet);
    const left = (line: number) => sheet.rows.findIndex((r) => r[1] === line);
    const right = (line: number) => sheet.rows.findIndex((r) => r[5] === line);
    // Assets 1–32 on the left, liabilities and equity 35–56 on the right, each from the first body row.
    expect(sheet.rows[0]!.slice(0, 2)).toEqual(['货币资金', 1]);
    expect(sheet.rows[0]!.slice(4, 6)).toEqual(['短期借款', 35]);
    // Cash: 2,000.00 + 60,000.00 − 123.45 = 61,876.55 at the end; 资产总计 = 流动资产合计 + 非流动资产合计 in column D.
    expect(sheet.rows[left(1)]![3]).toBe(61_876.55);
    expect(formulaOf(sheet.rows[left(32)]![3])).toEqual({ formula: `D${first + left(10)}+D${first + left(30)}`, result: 61_876.55 });
    // 负债和所有者权益总计 = 负债合计 + 所有者权益合计 in column H; equity: 2,000.00 capital + 59,876.55 unclosed result.
    expect(formulaOf(sheet.rows[right(56)]![7])).toEqual({ formula: `H${first + right(49)}+H${first + right(53)}`, result: 61_876.55 });
    expect(formulaOf(sheet.rows[right(56)]![6]).result).toBe(2_000);
    expect(sheet.totalRows).toContain(left(32));
    expect(sheet.totalRows).toContain(right(56));
    expect(sheet.rows).toHaveLength(Math.max(BALANCE_SHEET_LINES.filter((l) => l.line < 35).length, BALANCE_SHEET_LINES.filter((l) => l.line >= 35).length));
  });

  it('检查结果 lists errors first with their places', () => {
    const sheet = renderFindings([
      finding('w', 'warning', '警告', 'warn', { sheet: '凭证', row: 5 }),
      finding('e', 'error', '错误', 'err', { sheet: '凭证', row: 9, column: 'E' }),
    ], head);
    expect(sheet.title[2]).toBe('错误 1 项，警告 1 项');
    expect(sheet.rows).toEqual([['错误', 'e', '凭证', 9, 'E', '错误', 'err'], ['警告', 'w', '凭证', 5, null, '警告', 'warn']]);
  });
});
