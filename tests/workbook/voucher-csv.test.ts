import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importVoucherCsv } from '../../src/workbook/voucher-csv';
import { parseCsv, parseVoucherRows, readCsvRecord } from '../../src/workbook/voucher-import';
import { isTrimSpace } from '../../src/workbook/codecs/cells';

const WHERE = { sheet: 'import.csv', firstRow: 2 };

/** The general path the fast one must match: parseCsv, then parseVoucherRows. */
function general(text: string) {
  const [header = [], ...rows] = parseCsv(text);
  return parseVoucherRows(header, rows, WHERE);
}

describe('importVoucherCsv', () => {
  it('reads a plain file to the fen, grouping rows by month and 凭证号', () => {
    const text = '\uFEFF日期,凭证号,摘要,科目编码,借方金额,贷方金额\r\n2025-01-10,1,收到土地发包款,10201,60000,\r\n2025-01-10,1,收到土地发包款,50101,,60000.00\r\n\r\n2025-02-03,1,办公费,513,82.5,\r\n2025-02-03,1,,101,,82.50\r\n';
    const r = importVoucherCsv(text, WHERE);
    expect(r.findings).toEqual([]);
    expect(r.lines).toBe(4);
    expect(r.vouchers).toStrictEqual([
      {
        date: '2025-01-10', number: '1', summary: '收到土地发包款',
        lines: [
          { account: '10201', debit: 6_000_000, credit: 0, source: { sheet: 'import.csv', row: 2 } },
          { account: '50101', debit: 0, credit: 6_000_000, source: { sheet: 'import.csv', row: 3 } },
        ],
      },
      {
        date: '2025-02-03', number: '1', summary: '办公费',
        lines: [
          { account: '513', debit: 8250, credit: 0, source: { sheet: 'import.csv', row: 5 } },
          { account: '101', debit: 0, credit: 8250, source: { sheet: 'import.csv', row: 6 } },
        ],
      },
    ]);
  });

  it('reports bad cells with the general path’s rule, row and column; never rounds', () => {
    const text = [
      'Date,Voucher,Summary,Account,Debit,Credit',
      '2025-01-02,2,x,102,1.005,', // > 2 decimals: a finding, not 1.01
      '2025-01-03,3,x,102,"1,000.10",', // quoted grouped amount: general path, accepted
      '2025-01-03,3,x,501,,1000.1',
      '2025-01-04,4,x,102,5,5', // both sides
      '2025-01-05,5,x,102,,', // neither side
    ].join('\n');
    const r = importVoucherCsv(text, WHERE);
    expect(r.findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['cell.too-many-decimals', 2, 'E'],
      ['line.both-sides', 5, 'F'],
      ['cell.missing', 6, 'E'],
    ]);
    expect(r.vouchers.map((v) => [v.number, v.lines.map((l) => l.debit - l.credit)])).toEqual([['3', [100_010, -100_010]]]);
    expect(r).toStrictEqual(general(text));
  });

  it('a file without the required columns gets the same findings as the general path', () => {
    for (const text of ['', '日期,摘要\n2025-01-01,x', 'a,b\n']) expect(importVoucherCsv(text, WHERE)).toStrictEqual(general(text));
  });
});

describe('parseCsv (one grammar, readCsvRecord, under both paths)', () => {
  it('round-trips any rows written the RFC 4180 way, with LF or CRLF', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '日', ',', '"', '\n', '\r', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (rows, nl) => {
        const text = rows.map((r) => r.map((v) => encode(v, false)).join(',') + nl).join('');
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });

  it('readCsvRecord returns where the next record starts', () => {
    const row: string[] = [];
    expect(readCsvRecord('a,"b\r\nc"\r\nd', 0, row)).toBe(10); // 'd' is at 10
    expect(row).toEqual(['a', 'b\r\nc']);
  });
});

describe('isTrimSpace', () => {
  it('is exactly what String.prototype.trim removes, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(isTrimSpace(c), c.toString(16)).toBe(ch.trim() === '');
    }
  });
});

// Cells chosen to hit every branch: plain values the fast path takes (listed first, GOOD of
// them), then near misses it must leave to the general path (spaces, other date forms,
// > 2 decimals, grouping, quotes, newlines, ideographic spaces).
const CELLS = {
  date: ['2025-01-10', '2025-01-11', '2025-02-10', '2025/1/10', '2025-02-30', '20250110', ' 2025-01-10', '', 'x'],
  number: ['1', '2', '3', '记-0001', ' 2', '2 ', '\u30002', ''],
  summary: ['收到租金', 'office', '', ' 办公费 ', 'a,b', 'say "hi"', 'two\nlines', '\u3000租金'],
  account: ['101', '10201', '501', '3220101', '1020', '', ' 101', 'abc', '0101'],
  amount: ['', '100', '100.5', '-3', '0', '100.50', '1.005', '1.500', '1,234.00', '¥12', 'abc', ' 7', '12345678901234', '.5', '5.'],
  text: ['', 'HT-001', ' 王家庄 ', 'x,y', '\u3000'],
  attachments: ['', '2', 'x'],
  reverses: ['', '2025-03/12', 'bad'],
};
const GOOD = 4;
type Key = keyof typeof CELLS;
const HEADERS: Record<Exclude<Key, 'amount' | 'text'> | 'debit' | 'credit' | 'contract' | 'counterparty' | 'preparer', [string, string]> = {
  date: ['日期', 'Date'], number: ['凭证号', 'voucher'], summary: ['摘要', 'Summary'], account: ['科目编码', 'account code'],
  debit: ['借方金额', 'DEBIT'], credit: ['贷方金额', 'credit'], contract: ['合同编号', 'contract'], counterparty: ['往来单位', 'counterparty'],
  attachments: ['附件数', 'attachments'], preparer: ['制单人', 'preparer'], reverses: ['冲销凭证', 'reverses'],
};
type Column = keyof typeof HEADERS;
const REQUIRED: Column[] = ['date', 'number', 'summary', 'account', 'debit', 'credit'];
const OPTIONAL: Column[] = ['contract', 'counterparty', 'attachments', 'preparer', 'reverses'];
const cellsOf = (c: Column): string[] => (c === 'debit' || c === 'credit' ? CELLS.amount : c in CELLS ? CELLS[c as Key] : CELLS.text);

/** A field as a CSV writer might put it: quoted when it must be, sometimes when it need not be. */
function encode(v: string, quoteAnyway: boolean): string {
  return quoteAnyway || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const fileArb = fc
  .record({
    columns: fc.shuffledSubarray(OPTIONAL).chain((opt) => fc.shuffledSubarray([...REQUIRED, ...opt], { minLength: REQUIRED.length + opt.length })),
    english: fc.boolean(),
    bom: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
    rows: fc.array(
      fc.record({
        pick: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        clean: fc.boolean(), // only plain values: rows the fast path takes
        quote: fc.nat({ max: 15 }),
        blank: fc.constantFrom('', '', '', '', 'empty', 'commas'),
        extra: fc.constantFrom(0, 0, 0, 1, -1),
        newline: fc.constantFrom('\n', '\n', '\r\n', '\r'), // mixed line ends, lone CR included
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ columns, english, bom, newline, finalNewline, rows }) => {
    // Each record is preceded by its own line end, so one file mixes LF, CRLF and lone CR.
    let text = columns.map((c) => HEADERS[c][english ? 1 : 0]).join(',');
    for (const row of rows) {
      if (row.blank === 'empty') text += row.newline;
      if (row.blank === 'commas') text += row.newline + ','.repeat(columns.length - 1);
      let fields = columns.map((c, i) => {
        const options = cellsOf(c);
        // A clean row has plain values except perhaps one near miss (column `quote`), unquoted.
        const n = row.clean && row.quote !== i ? Math.min(GOOD, options.length) : options.length;
        return encode(options[(row.pick[i] ?? 0) % n] as string, !row.clean && row.quote === i);
      });
      if (row.extra === 1) fields.push('extra');
      if (row.extra === -1) fields = fields.slice(0, -1);
      text += row.newline + fields.join(',');
    }
    return (bom ? '\uFEFF' : '') + text + (finalNewline ? newline : '');
  });

describe('importVoucherCsv ≡ parseVoucherRows(parseCsv(…))', () => {
  it('gives identical vouchers and findings on tricky files (quotes, BOM, CRLF/CR, blank lines, zh/en headers, bad amounts)', () => {
    fc.assert(
      fc.property(fileArb, (text) => {
        expect(importVoucherCsv(text, WHERE)).toStrictEqual(general(text));
      }),
      { numRuns: 400 },
    );
  });

  it('also on arbitrary text built from CSV-significant characters', () => {
    const header = '日期,凭证号,摘要,科目编码,借方金额,贷方金额\n';
    const body = fc.array(fc.constantFrom('2025-01-10', '1', '101', '501', '5', '0.5', ',', ',', '"', '\n', '\r', '\r\n', ' ', '.', '-', '记'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, (b) => {
        expect(importVoucherCsv(header + b, WHERE)).toStrictEqual(general(header + b));
      }),
      { numRuns: 400 },
    );
  });
});
