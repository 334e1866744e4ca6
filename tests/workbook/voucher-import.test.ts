import { describe, expect, it } from 'vitest';
import { parseCsv, parseOpeningRows, parseVoucherRows } from '../../src/workbook/voucher-import';

describe('parseCsv', () => {
  it('handles RFC 4180 quotes, embedded commas, newlines and doubled quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('strips a BOM, accepts CRLF and a missing final newline, keeps empty fields', () => {
    expect(parseCsv('\uFEFF日期,凭证号\r\n2025-01-10,1\r\n,\r\n2025-01-11,')).toEqual([
      ['日期', '凭证号'],
      ['2025-01-10', '1'],
      ['', ''],
      ['2025-01-11', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\rb')).toEqual([['a'], ['b']]);
  });
});

const ZH = '日期,凭证号,摘要,科目编码,借方金额,贷方金额,合同编号,往来单位';
const EN = 'Date,Voucher,Summary,Account,Debit,Credit,Contract,Counterparty';

function importCsv(text: string) {
  const [header = [], ...rows] = parseCsv(text);
  return parseVoucherRows(header, rows, { sheet: 'import.csv', firstRow: 2 });
}

describe('parseVoucherRows', () => {
  const body = [
    '2025/1/10,1,收到土地发包款,102,"60,000.00",,HT-001,王家庄组',
    '2025/1/10,1,收到土地发包款,501,,60000,HT-001,',
    '2025-10-12,7,办公费,513,8200,,,',
    '2025-10-12,7,办公费,101,,1200.00,,',
    '2025-10-12,7,办公费,102,,7000,,',
  ].join('\r\n');

  it('reads Chinese and English headers the same way', () => {
    const zh = importCsv(`${ZH}\r\n${body}`);
    const en = importCsv(`\uFEFF${EN}\r\n${body}`);
    expect(zh.findings).toEqual([]);
    expect(en).toEqual(zh);
    expect(zh.lines).toBe(5);
    expect(zh.vouchers.map((v) => [v.date, v.number, v.lines.length])).toEqual([['2025-01-10', '1', 2], ['2025-10-12', '7', 3]]);
    expect(zh.vouchers[0]?.lines[0]).toEqual({ account: '102', debit: 6_000_000, credit: 0, contract: 'HT-001', counterparty: '王家庄组', source: { sheet: 'import.csv', row: 2 } });
  });

  it('reports every bad row with its line number', () => {
    const r = importCsv(`${ZH}\n2025-01-32,1,x,102,1,,,\n2025-01-02,2,x,102,1.005,,,\n2025-01-03,3,x,102,1,,,\n2025-01-03,3,x,501,,1,,\n2025-01-04,4,x,,1,,,`);
    expect(r.findings.map((f) => [f.rule, f.sheet, f.row, f.column])).toEqual([
      ['cell.bad-date', 'import.csv', 2, 'A'],
      ['cell.too-many-decimals', 'import.csv', 3, 'E'],
      ['cell.missing', 'import.csv', 6, 'D'],
    ]);
    expect(r.vouchers.map((v) => v.number)).toEqual(['3']);
    expect(r.lines).toBe(2);
  });

  it('a file without the required columns gets one finding per missing column', () => {
    const r = importCsv('日期,摘要,金额\n2025-01-01,x,1');
    expect(r.findings.map((f) => [f.rule, f.column])).toEqual([
      ['table.missing-column', '凭证号'],
      ['table.missing-column', '科目编码'],
      ['table.missing-column', '借方金额'],
      ['table.missing-column', '贷方金额'],
    ]);
  });
});

describe('parseOpeningRows', () => {
  it('reads Chinese or English headers', () => {
    const zh = parseOpeningRows(['科目编码', '借方余额', '贷方余额'], [['101', '2000', ''], ['152', '', '100000']], { sheet: 'o.csv', firstRow: 2 });
    const en = parseOpeningRows(['account', 'debit', 'credit'], [['101', '2000', ''], ['152', '', '100000']], { sheet: 'o.csv', firstRow: 2 });
    expect(zh.findings).toEqual([]);
    expect(en).toEqual(zh);
    expect(zh.balances.map(({ source: _s, ...b }) => b)).toEqual([
      { account: '101', debit: 200_000, credit: 0 },
      { account: '152', debit: 0, credit: 10_000_000 },
    ]);
  });
});
