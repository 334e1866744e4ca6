import { describe, expect, it } from 'vitest';
import { buildChart } from '../../src/core/chart/accounts';
import { computeTrialBalance } from '../../src/core/ledger/balances';
import { buildIncomeStatement, INCOME_STATEMENT_LINES } from '../../src/core/statements/income-statement';
import { generatedBodyFirstRow } from '../../src/workbook/layout';
import { isFormulaCell, type Cell } from '../../src/workbook/port';
import { formulasOf, renderFindings, renderIncomeStatement, renderTrialBalance } from '../../src/workbook/reports';
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

  it('检查结果 lists errors first with their places', () => {
    const sheet = renderFindings([
      finding('w', 'warning', '警告', 'warn', { sheet: '凭证', row: 5 }),
      finding('e', 'error', '错误', 'err', { sheet: '凭证', row: 9, column: 'E' }),
    ], head);
    expect(sheet.title[2]).toBe('错误 1 项，警告 1 项');
    expect(sheet.rows).toEqual([['错误', 'e', '凭证', 9, 'E', '错误', 'err'], ['警告', 'w', '凭证', 5, null, '警告', 'warn']]);
  });
});
