/**
 * 记账凭证 printing on the sample village (ExcelJS host): one block per voucher with the 合计 in
 * capitals, three to a page, and every generated sheet of the sample legible when printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { printVouchers, voucherSlips } from '../../src/app/print-vouchers';
import { buildSampleBook } from '../../src/app/sample/build-sample';
import { fenToCapitals } from '../../src/core/money-capitals';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import type { GeneratedSheet } from '../../src/workbook/port';
import { printedTextPoints } from '../../src/workbook/print';
import { VOUCHER_LINES } from '../../src/workbook/voucher-print';

let book: XlsxWorkbook;
const written: GeneratedSheet[] = [];

beforeAll(async () => {
  book = await createXlsxWorkbook();
  const replace = book.replaceGeneratedSheets.bind(book);
  book.replaceGeneratedSheets = async (sheets) => {
    written.push(...sheets);
    await replace(sheets);
  };
  await buildSampleBook(book);
}, 120_000);

const last = (): GeneratedSheet => written.at(-1) as GeneratedSheet;

describe('printVouchers', () => {
  it('lays out January to March, three blocks of 11 rows to a page, each 合计 in capitals', async () => {
    const r = await printVouchers(book, { from: '2025-01', to: '2025-03' });
    expect(r.ok).toBe(true);
    const sheet = last();
    expect(sheet.name).toBe('记账凭证');
    const heads = sheet.rows.flatMap((row, i) => (row[0] === '记 账 凭 证' ? [i] : []));
    expect(heads).toHaveLength(r.printed);
    expect(sheet.title).toEqual([`记账凭证（2025-01 至 2025-03，共 ${r.printed} 张）`]);
    // The sample's vouchers have at most 5 lines: each block is 6 frame rows + 5 lines = 11.
    expect(heads.slice(0, 4)).toEqual([0, 11, 22, 33]);
    expect(VOUCHER_LINES).toBe(5);
    // A page break before every third block: rows 33, 66, …
    expect(sheet.print?.rowBreaks).toEqual(heads.filter((_, k) => k > 0 && k % 3 === 0));
    expect(sheet.print?.orientation).toBe('portrait');
    // Every 合计 row: capitals of the debit total, and the debit and credit totals equal.
    const totals = sheet.rows.filter((row) => String(row[0]).startsWith('合计（大写）：'));
    expect(totals).toHaveLength(r.printed);
    for (const row of totals) {
      expect(row[2]).toBe(row[3]);
      expect(row[0]).toBe(`合计（大写）：${fenToCapitals(Math.round(Number(row[2]) * 100))}`);
    }
    // The first block, cell by cell: title, unit/date/number, heads, then the lines.
    expect(sheet.rows[1]?.[0]).toBe('单位：青山镇示范村');
    expect(String(sheet.rows[1]?.[1])).toMatch(/^2025年01月\d\d日$/);
    expect(sheet.rows[1]?.[2]).toBe('记字第 1 号');
    expect(sheet.rows[2]).toEqual(['摘要', '会计科目', '借方金额', '贷方金额']);
    expect(String(sheet.rows[9]?.[0])).toMatch(/^记账：\s+审核：.*\s+制单：/);
    expect(String(sheet.rows[9]?.[2])).toMatch(/^附件 \d+ 张$/);
    expect(sheet.merges?.slice(0, 5)).toEqual([
      { row: 0, col: 0, rows: 1, cols: 4 },
      { row: 1, col: 2, rows: 1, cols: 2 },
      { row: 8, col: 0, rows: 1, cols: 2 },
      { row: 9, col: 0, rows: 1, cols: 2 },
      { row: 9, col: 2, rows: 1, cols: 2 },
    ]);
    expect(sheet.table).toBeUndefined();
  });

  it('puts two to a page when asked, and names accounts by code and names from the first level', async () => {
    const r = await printVouchers(book, { from: '2025-12', to: '2025-12', perPage: 2 });
    expect(r.ok).toBe(true);
    const sheet = last();
    const heads = sheet.rows.flatMap((row, i) => (row[0] === '记 账 凭 证' ? [i] : []));
    // Pages hold at most two blocks and 2 × 11 rows, unless one long voucher (a closing voucher
    // of many lines) needs a page of its own.
    const breaks = sheet.print?.rowBreaks ?? [];
    const pages = [0, ...breaks].map((start, p) => heads.filter((h) => h >= start && h < (breaks[p] ?? Infinity)));
    expect(pages.flat()).toEqual(heads);
    for (const [p, blocks] of pages.entries()) {
      const rows = (breaks[p] ?? sheet.rows.length) - (blocks[0] ?? 0);
      expect(blocks.length === 1 || (blocks.length === 2 && rows <= 22), `page ${p + 1}: ${blocks.length} blocks, ${rows} rows`).toBe(true);
    }
    expect(pages.some((b) => b.length === 1 && sheet.rows[(b[0] ?? 0) + 3 + 5]?.[0] !== null && !String(sheet.rows[(b[0] ?? 0) + 3 + 5]?.[0]).startsWith('合计'))).toBe(true);
    // The closing vouchers of 结转凭证 are printed too: 321 本年收益 appears in December.
    expect(sheet.rows.some((row) => String(row[1]).startsWith('321 本年收益'))).toBe(true);
    expect(sheet.rows.some((row) => row[1] === '32202 收益分配／未分配收益')).toBe(true);
  });

  it('refuses a reversed range, a bad per-page count and an empty range, writing nothing', async () => {
    const before = written.length;
    const reversed = await printVouchers(book, { from: '2025-05', to: '2025-02' });
    expect(reversed.findings.map((f) => f.rule)).toEqual(['period.reversed']);
    const four = await printVouchers(book, { perPage: 4 });
    expect(four.findings.map((f) => f.rule)).toEqual(['print.per-page']);
    expect([reversed.ok, four.ok]).toEqual([false, false]);
    expect(written.length).toBe(before);
  });
});

describe('voucherSlips (the task pane\'s print view)', () => {
  it('gives the same vouchers, box by box, as the 记账凭证 sheet, and writes nothing', async () => {
    await printVouchers(book, { from: '2025-02', to: '2025-03', perPage: 2 });
    const sheet = last();
    const before = written.length;
    const r = await voucherSlips(book, { from: '2025-02', to: '2025-03', perPage: 2 });
    expect(written.length).toBe(before);
    expect(r.ok).toBe(true);
    expect(r.head).toMatchObject({ from: '2025-02', to: '2025-03', perPage: 2, village: '示范村', township: '青山镇' });
    const heads = sheet.rows.flatMap((row, i) => (row[0] === '记 账 凭 证' ? [i] : []));
    expect(r.slips).toHaveLength(heads.length);
    expect(r.slips.length).toBeGreaterThan(2);
    for (const [k, slip] of r.slips.entries()) {
      const at = heads[k] ?? -1;
      expect([slip.unit, slip.date, slip.number]).toEqual(sheet.rows[at + 1]?.slice(0, 3));
      const total = sheet.rows[at + 3 + slip.lines.length];
      expect(total?.[0]).toBe(slip.totalText);
      // The sheet holds yuan at the cell boundary; the slip holds fen: 1,234.50 元 is 123450 fen.
      expect(Math.round(Number(total?.[2]) * 100)).toBe(slip.totalDebit);
      expect(slip.totalText).toBe(`合计（大写）：${fenToCapitals(slip.totalDebit)}`);
      expect(slip.lines.filter((l) => l !== undefined).map((l) => l.account)).toEqual(
        sheet.rows.slice(at + 3, at + 3 + slip.lines.length).filter((row) => row[1] !== null).map((row) => row[1]),
      );
    }
  });

  it('refuses an empty range as printVouchers does', async () => {
    const r = await voucherSlips(book, { from: '2025-05', to: '2025-02' });
    expect(r.ok).toBe(false);
    expect(r.slips).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['period.reversed']);
  });
});

describe('printed legibility', () => {
  it('every generated sheet of the sample, and 记账凭证, prints at 9 pt or more when fitted to the page width', async () => {
    await printVouchers(book, {});
    const small = written.map((s) => [s.name, Math.round(printedTextPoints(s) * 10) / 10] as const).filter(([, pt]) => pt < 9);
    expect(small).toEqual([]);
    expect(written.map((s) => s.name)).toEqual(expect.arrayContaining(['合同台账', '应收计划', '欠款明细', '明细账', '记账凭证']));
  });
});
