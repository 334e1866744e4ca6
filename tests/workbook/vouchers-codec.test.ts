import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeVouchers, encodeVoucherRows } from '../../src/workbook/codecs/vouchers';
import { VOUCHERS } from '../../src/workbook/layout';
import type { Scalar, TableData } from '../../src/workbook/port';
import type { Voucher } from '../../src/core/ledger/types';
import { EXAMPLE_VOUCHERS } from '../support/worked-example';

const HEADER = VOUCHERS.columns.map((c) => c.header);
const LETTERS = 'ABCDEFGHIJKL'.split('');

function table(rows: Scalar[][], header = HEADER): TableData {
  return { sheet: '凭证', table: 'Vouchers', header, rows, firstRow: 2, columnLetters: LETTERS.slice(0, header.length) };
}

/** A blank line with some cells set by key. */
function line(cells: Partial<Record<string, Scalar>>): Scalar[] {
  return VOUCHERS.columns.map((c) => cells[c.key] ?? null);
}

const stripSource = (vs: Voucher[]): Voucher[] =>
  vs.map((v) => ({ ...v, lines: v.lines.map(({ source: _s, ...l }) => l) }));

describe('凭证 codec', () => {
  it('decodes the worked example: 10 vouchers, 21 lines, amounts in fen, sources on each line', () => {
    const { vouchers, findings } = decodeVouchers(table(encodeVoucherRows(EXAMPLE_VOUCHERS)));
    expect(findings).toEqual([]);
    expect(vouchers).toHaveLength(10);
    expect(vouchers.reduce((n, v) => n + v.lines.length, 0)).toBe(21);
    const v7 = vouchers[6] as Voucher;
    expect(v7).toMatchObject({ date: '2025-10-12', number: '7', summary: '办公费' });
    expect(v7.lines.map((l) => [l.account, l.debit, l.credit, l.source?.row])).toEqual([
      ['513', 820_000, 0, 14],
      ['101', 0, 120_000, 15],
      ['102', 0, 700_000, 16],
    ]);
    expect(stripSource(vouchers)).toEqual(EXAMPLE_VOUCHERS);
  });

  it('groups by month and 凭证号: the same number in another month is another voucher', () => {
    const rows = [
      line({ date: '2025-01-05', number: '1', summary: '甲', account: '101', debit: 10 }),
      line({ date: '2025-02-05', number: '1', summary: '乙', account: '101', debit: 20 }),
      line({ date: '2025-01-05', number: '1', summary: '甲', account: '501', credit: 10 }),
      line({ date: '2025-02-05', number: 1, summary: '乙', account: '501', credit: 20 }),
    ];
    const { vouchers, findings } = decodeVouchers(table(rows));
    expect(findings).toEqual([]);
    expect(vouchers.map((v) => [v.date, v.number, v.lines.map((l) => l.source?.row)])).toEqual([
      ['2025-01-05', '1', [2, 4]],
      ['2025-02-05', '1', [3, 5]],
    ]);
  });

  it('keeps contract, counterparty, attachments, people and the reversed voucher', () => {
    const v: Voucher = {
      date: '2025-04-01', number: '记-0003', summary: '冲销3月电费', attachments: 2, preparer: '张会计', reviewer: '李主任',
      reverses: { month: '2025-03', number: '12' },
      lines: [
        { account: '102', debit: -35_400_00, credit: 0, contract: 'HT-2025-01', counterparty: '国网某县供电公司' },
        { account: '501', debit: 0, credit: -35_400_00, summary: '冲销光伏电费' },
      ],
    };
    const rows = encodeVoucherRows([v]);
    expect(rows[0]).toEqual(['2025-04-01', '记-0003', '冲销3月电费', '102', -35400, null, 'HT-2025-01', '国网某县供电公司', 2, '张会计', '李主任', '2025-03/12']);
    expect(stripSource(decodeVouchers(table(rows)).vouchers)).toEqual([v]);
  });

  it('finds columns by header, so reordered columns still decode', () => {
    const order = [5, 4, 3, 2, 1, 0];
    const header = order.map((i) => HEADER[i] as string);
    const rows = encodeVoucherRows(EXAMPLE_VOUCHERS.slice(0, 2)).map((r) => order.map((i) => r[i] ?? null));
    const { vouchers, findings } = decodeVouchers(table(rows, header));
    expect(findings).toEqual([]);
    expect(vouchers.map((v) => v.lines.map((l) => [l.account, l.debit, l.credit]))).toEqual([
      [['102', 6_000_000, 0], ['501', 0, 6_000_000]],
      [['102', 3_540_000, 0], ['501', 0, 3_540_000]],
    ]);
  });

  it('reports each bad cell with sheet, row, column letter and rule, and drops the whole voucher', () => {
    const rows = [
      line({ date: '2025-13-01', number: '1', summary: 'a', account: '101', debit: 1 }),
      line({ date: '2025-01-02', number: '2', summary: 'b', account: '101', debit: 'abc' }),
      line({ date: '2025-01-02', number: '2', summary: 'b', account: '501', credit: 1 }),
      line({ date: '2025-01-03', number: '3', summary: 'c', account: '101', debit: 12.345 }),
      line({ date: '2025-01-04', number: null, summary: 'd', account: '101', debit: 1 }),
      line({ date: '2025-01-05', number: '5', summary: 'e', account: '10x', debit: 1 }),
      line({ date: '2025-01-06', number: '6', summary: 'f', account: '101' }),
      line({ date: '2025-01-07', number: '7', summary: 'g', account: '101', debit: 1, credit: 1 }),
      line({ date: '2025-01-08', number: '8', summary: 'h', account: '101', debit: 1, attachments: -1 }),
      line({ date: '2025-01-09', number: '9', summary: 'i', account: '101', debit: 1, reverses: '3月12号' }),
      line({ date: null, number: '10', summary: 'j', account: '101', debit: 1 }),
      line({ date: '2025-01-11', number: '11', summary: 'ok', account: '101', debit: 5 }),
      line({ date: '2025-01-11', number: '11', summary: 'ok', account: '501', credit: 5 }),
    ];
    const { vouchers, findings } = decodeVouchers(table(rows));
    expect(findings.map((f) => [f.rule, f.sheet, f.row, f.column])).toEqual([
      ['cell.bad-date', '凭证', 2, 'A'],
      ['cell.bad-amount', '凭证', 3, 'E'],
      ['cell.too-many-decimals', '凭证', 5, 'E'],
      ['cell.missing', '凭证', 6, 'B'],
      ['cell.bad-code', '凭证', 7, 'D'],
      ['cell.missing', '凭证', 8, 'E'],
      ['line.both-sides', '凭证', 9, 'F'],
      ['cell.bad-integer', '凭证', 10, 'I'],
      ['cell.bad-reversal', '凭证', 11, 'L'],
      ['cell.missing', '凭证', 12, 'A'],
    ]);
    expect(findings.every((f) => f.severity === 'error' && /[\u4e00-\u9fa5]/.test(f.zh) && f.en.length > 0)).toBe(true);
    expect(findings[2]?.zh).toContain('12.345');
    // Voucher 2 had one good line and one bad one: left out whole.
    expect(vouchers.map((v) => v.number)).toEqual(['11']);
  });

  it('a missing required column is one table finding, not a finding per row', () => {
    const header = HEADER.filter((h) => h !== '贷方金额');
    const { vouchers, findings } = decodeVouchers(table([[...line({ date: '2025-01-01' })].slice(0, 11)], header));
    expect(vouchers).toEqual([]);
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['table.missing-column', '贷方金额']]);
  });

  it('warns when lines of one voucher carry different dates, and skips blank rows', () => {
    const rows = [
      line({ date: '2025-05-01', number: '1', summary: 'x', account: '101', debit: 1 }),
      line({}),
      line({ date: '2025-05-02', number: '1', summary: 'x', account: '501', credit: 1 }),
    ];
    const { vouchers, findings } = decodeVouchers(table(rows));
    expect(findings.map((f) => [f.rule, f.severity, f.row])).toEqual([['voucher.mixed-dates', 'warning', 4]]);
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]?.date).toBe('2025-05-01');
  });

  it('property: encode then decode gives the vouchers back', () => {
    const amount = fc.integer({ min: 1, max: 1e12 });
    const voucherArb = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      summary: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''),
      amounts: fc.array(amount, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(voucherArb, { maxLength: 8 }), (specs) => {
        const vs: Voucher[] = specs.map((s, i) => ({
          date: `2025-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`,
          number: String(i + 1),
          summary: s.summary,
          lines: [
            ...s.amounts.map((a) => ({ account: '102', debit: a, credit: 0 })),
            { account: '501', debit: 0, credit: s.amounts.reduce((x, y) => x + y, 0) },
          ],
        }));
        const r = decodeVouchers(table(encodeVoucherRows(vs)));
        expect(r.findings).toEqual([]);
        expect(stripSource(r.vouchers)).toEqual(vs);
      }),
    );
  });
});
