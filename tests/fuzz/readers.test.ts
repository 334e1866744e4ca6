/**
 * Fuzz suite over every reader that takes table rows: the typed-in sheets through the codecs
 * (凭证, 期初余额, 科目, 设置, _meta), the CSV voucher import (fast scanner and general reader), the
 * opening import and the 合同 register. Cells are hostile on purpose: wrong types, more than two
 * decimals, binary noise from formulas, negative and huge amounts, dates as text, 1900-system
 * serials and out of range, error values as text (#REF!), full-width digits, NBSP and look-alike
 * characters in codes, very long strings, prototype keys; headers empty, duplicated, shifted,
 * with extra and missing columns. Every case must end in results or findings that name the sheet
 * (and, for a cell, its row and column) — never a throw, a hang or a wrong number: each generated
 * cell carries the value it must read as, or 'bad' when it must be a finding at its row.
 * Bounded (seeded, a few hundred cases each) and printing how many cases it tried.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings';
import { decodeAccounts } from '../../src/workbook/codecs/accounts';
import { isoToSerial } from '../../src/workbook/codecs/cells';
import { decodeChainRows } from '../../src/workbook/codecs/meta-chain';
import { decodeMetaRows } from '../../src/workbook/codecs/meta';
import { decodeOpening } from '../../src/workbook/codecs/opening';
import { decodeSettings } from '../../src/workbook/codecs/settings';
import { decodeVouchers } from '../../src/workbook/codecs/vouchers';
import { CONTRACTS, decodeContracts } from '../../src/workbook/contracts';
import { ACCOUNTS, columnLetter, OPENING, SETTINGS, VOUCHERS } from '../../src/workbook/layout';
import type { Scalar, TableData } from '../../src/workbook/port';
import { importVoucherCsv } from '../../src/workbook/voucher-csv';
import { parseCsv, parseOpeningRows, parseVoucherRows } from '../../src/workbook/voucher-import';

const SEED = 20261129;
const counts: Record<string, number> = {};
const tally = (name: string): void => {
  counts[name] = (counts[name] ?? 0) + 1;
};
const report = (name: string): void => console.log(`fuzz ${name}: ${counts[name] ?? 0} cases`);

/** A cell with what it must read as: a value, 'bad' (a finding at its row and column), or 'any' (either). */
interface Gen<T> {
  cell: unknown;
  want: T | 'bad' | 'any';
}

const NOISE = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '=SUM(A1:A3)', '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity', 'true'];

// ---- amounts (fen) ------------------------------------------------------------------------------
const fen = fc.integer({ min: 1, max: 99_999_999_999 });
const plainYuan = (f: number): string => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
const grouped = (f: number): string => `${Math.floor(f / 100).toLocaleString('en-US')}.${String(f % 100).padStart(2, '0')}`;
const FULL_WIDTH_DIGITS = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const goodAmount: fc.Arbitrary<Gen<number>> = fc.oneof(
  fen.map((f) => ({ cell: f / 100, want: f })),
  fen.map((f) => ({ cell: plainYuan(f), want: f })),
  fen.map((f) => ({ cell: ` ${grouped(f)} `, want: f })),
  fen.map((f) => ({ cell: `¥${plainYuan(f)}`, want: f })),
  // A formula's binary noise: 0.1 + 0.2 style sums of two amounts read as the exact sum.
  fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 9_999_999 })).map(([a, b]) => {
    // Excel keeps 15 significant digits (cellNumberText, issue 8): noise past them is no third decimal.
    const v = a / 100 + b / 100;
    return { cell: v, want: a + b };
  }),
  fc.constantFrom<Gen<number>>({ cell: null, want: 0 }, { cell: '', want: 0 }, { cell: '   ', want: 0 }),
);
const badAmount: fc.Arbitrary<Gen<number>> = fc.oneof(
  fc.constantFrom(...NOISE).map((s) => ({ cell: s, want: 'bad' as const })),
  fen.map((f) => ({ cell: FULL_WIDTH_DIGITS(plainYuan(f)), want: 'bad' as const })),
  fc.integer({ min: 1, max: 99_999 }).map((k) => ({ cell: `${k}.${String(k % 9 + 1).padStart(3, '1')}`, want: 'bad' as const })), // three decimals
  fc.integer({ min: 1, max: 99_999 }).map((k) => ({ cell: k + 0.001, want: 'bad' as const })),
  fc.constantFrom<Gen<number>>({ cell: 1e20, want: 'bad' }, { cell: '99999999999999999', want: 'bad' }, { cell: Number.NaN, want: 'bad' }, { cell: Number.POSITIVE_INFINITY, want: 'bad' }, { cell: true, want: 'bad' }, { cell: {}, want: 'bad' }),
  fc.string({ minLength: 1, maxLength: 5000 }).filter((s) => !/^[\s\d.,¥￥+-]*$/.test(s)).map((s) => ({ cell: `x${s}`, want: 'bad' as const })),
);
/** Negative amounts read exactly (red ink is the ledger's rule, not the reader's). */
const negativeAmount: fc.Arbitrary<Gen<number>> = fen.map((f) => ({ cell: -f / 100, want: -f }));
const amount = fc.oneof({ weight: 6, arbitrary: goodAmount }, { weight: 3, arbitrary: badAmount }, { weight: 1, arbitrary: negativeAmount });

// ---- dates -----------------------------------------------------------------------------------
const isoDay = fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(2199, 11, 31) }).map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
const goodDate: fc.Arbitrary<Gen<string>> = fc.oneof(
  isoDay.map((d) => ({ cell: d, want: d })),
  isoDay.map((d) => ({ cell: d.replace(/-/g, '/'), want: d })),
  isoDay.map((d) => ({ cell: `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`, want: d })),
  isoDay.map((d) => ({ cell: isoToSerial(d), want: d })), // a 1900-system serial, as Excel stores dates
  isoDay.map((d) => ({ cell: isoToSerial(d) + 0.75, want: d })), // with a time of day
  isoDay.map((d) => ({ cell: new Date(`${d}T00:00:00Z`), want: d })), // what a host gives for a date cell
);
const badDate: fc.Arbitrary<Gen<string>> = fc.oneof(
  fc.constantFrom(...NOISE, '2025-02-30', '2025-13-01', '1899-12-31', '25-1-10', '2025-01-10x', '', 'today').map((s) => ({ cell: s, want: 'bad' as const })),
  fc.constantFrom(0, 60, -5, 2_958_466, 1e12, Number.NaN).map((n) => ({ cell: n, want: 'bad' as const })), // serials out of range
  isoDay.map((d) => ({ cell: FULL_WIDTH_DIGITS(d), want: 'bad' as const })),
  fc.constant({ cell: new Date(Number.NaN), want: 'bad' as const }),
);
const date = fc.oneof({ weight: 3, arbitrary: goodDate }, { weight: 1, arbitrary: badDate });

// ---- account codes ---------------------------------------------------------------------------
const leafLike = fc.constantFrom('101', '102', '501', '50101', '3220101', '113');
const goodCode: fc.Arbitrary<Gen<string>> = fc.oneof(
  leafLike.map((c) => ({ cell: c, want: c })),
  leafLike.map((c) => ({ cell: `\u00a0${c}\u00a0`, want: c })), // NBSP around: trimmed
  fc.constantFrom(101, 102, 501).map((n) => ({ cell: n, want: String(n) })),
);
const badCode: fc.Arbitrary<Gen<string>> = fc.oneof(
  leafLike.map((c) => ({ cell: FULL_WIDTH_DIGITS(c), want: 'bad' as const })),
  leafLike.filter((c) => c.includes('0')).map((c) => ({ cell: c.replace('0', 'O'), want: 'bad' as const })), // letter O for zero
  leafLike.map((c) => ({ cell: c.replace('1', 'l'), want: 'bad' as const })), // letter l for one (every code has a 1)
  leafLike.map((c) => ({ cell: `${c.slice(0, 1)}\u00a0${c.slice(1)}`, want: 'bad' as const })), // NBSP inside
  fc.constantFrom(...NOISE, '50', '5010', '', 501.5, -501, true).map((c) => ({ cell: c, want: 'bad' as const })),
);
const code = fc.oneof({ weight: 3, arbitrary: goodCode }, { weight: 1, arbitrary: badCode });

/** Free text: anything, including very long strings and prototype keys; never a finding by itself. */
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...NOISE), fc.string({ minLength: 10_000, maxLength: 12_000 }));

// ---- tables ----------------------------------------------------------------------------------
interface VoucherRowGen {
  date: Gen<string>;
  number: Gen<string>;
  account: Gen<string>;
  debit: Gen<number>;
  credit: Gen<number>;
  summary: unknown;
}
const voucherNumber: fc.Arbitrary<Gen<string>> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => ({ cell: String(n), want: String(n) })) },
  { weight: 1, arbitrary: fc.constantFrom<Gen<string>>({ cell: '', want: 'bad' }, { cell: null, want: 'bad' }, { cell: '  ', want: 'bad' }, { cell: 7, want: '7' }, { cell: '记-0001', want: '记-0001' }) },
);
const voucherRow: fc.Arbitrary<VoucherRowGen> = fc.record({ date, number: voucherNumber, account: code, debit: amount, credit: amount, summary: text });

/** Column order of a generated table: the keys shuffled, junk columns mixed in, optionally shifted right by a blank. */
const layoutOf = <K extends string>(keys: readonly K[]) =>
  fc.record({ order: fc.shuffledSubarray([...keys], { minLength: keys.length, maxLength: keys.length }), junk: fc.array(fc.constantFrom('备注', '', '__proto__', 'constructor', '凭证号 '), { maxLength: 3 }), shift: fc.boolean() });

interface Laid<K extends string> {
  header: string[];
  col: Record<K, number>;
  width: number;
}
function lay<K extends string>(l: { order: K[]; junk: string[]; shift: boolean }, label: (k: K) => string): Laid<K> {
  const header: string[] = l.shift ? [''] : [];
  const col = {} as Record<K, number>;
  for (const k of l.order) {
    col[k] = header.length;
    header.push(label(k));
  }
  header.push(...l.junk);
  return { header, col, width: header.length };
}

const VOUCHER_KEYS = ['date', 'number', 'summary', 'account', 'debit', 'credit'] as const;
const vLabel = (k: (typeof VOUCHER_KEYS)[number]): string => VOUCHERS.columns.find((c) => c.key === k)!.header;

function voucherTable(rows: VoucherRowGen[], laid: Laid<(typeof VOUCHER_KEYS)[number]>, junk: unknown): Scalar[][] {
  return rows.map((r) => {
    const out: unknown[] = Array.from({ length: laid.width }, () => junk);
    if (laid.header[0] === '') out[0] = null;
    out[laid.col.date] = r.date.cell;
    out[laid.col.number] = r.number.cell;
    out[laid.col.summary] = r.summary;
    out[laid.col.account] = r.account.cell;
    out[laid.col.debit] = r.debit.cell;
    out[laid.col.credit] = r.credit.cell;
    return out as Scalar[];
  });
}

const table = (sheet: string, header: string[], rows: Scalar[][], firstRow = 2): TableData => ({
  sheet, table: 'T', header, rows, firstRow, columnLetters: header.map((_, i) => columnLetter(i)),
});

/** Every finding names the sheet; a cell finding names a row of the table and a column. */
function expectPlaced(findings: readonly Finding[], sheet: string, firstRow: number, nRows: number): void {
  for (const f of findings) {
    expect(f.sheet).toBe(sheet);
    expect(typeof f.zh === 'string' && f.zh.length > 0 && typeof f.en === 'string' && f.en.length > 0).toBe(true);
    // A bad cell names its row and column letter; a value missing altogether (a 设置 key) names the sheet and the label.
    if ((f.rule.startsWith('cell.') || f.rule === 'line.both-sides') && f.row !== undefined) {
      expect(f.row).toBeGreaterThanOrEqual(firstRow);
      expect(f.row).toBeLessThan(firstRow + nRows);
      expect(f.column).toMatch(/^[A-Z]+$/);
    }
    if (f.rule.startsWith('cell.')) expect(f.column).toBeTruthy();
  }
}

/**
 * The voucher reader's contract on generated rows: a row with a bad cell has a finding at that
 * row; every line read comes from a row whose cells were all good, with exactly their amounts.
 */
function checkVouchers(rows: VoucherRowGen[], out: { vouchers: { date: string; lines: { account: string; debit: number; credit: number; source?: { row: number } }[] }[]; findings: Finding[] }, firstRow: number): number {
  const rowsWithFinding = new Set(out.findings.filter((f) => f.row !== undefined).map((f) => f.row));
  rows.forEach((r, i) => {
    const bad = [r.date, r.number, r.account, r.debit, r.credit].some((g) => g.want === 'bad');
    const empty = r.debit.want === 0 && r.credit.want === 0;
    if (bad || empty) expect([i + firstRow, rowsWithFinding.has(i + firstRow)]).toEqual([i + firstRow, true]);
  });
  let lines = 0;
  for (const v of out.vouchers) {
    for (const l of v.lines) {
      lines++;
      const r = rows[(l.source?.row ?? -1) - firstRow]!;
      expect(r).toBeDefined();
      expect([r.debit.want, r.credit.want]).toEqual([l.debit, l.credit]);
      expect(l.account).toBe(r.account.want);
    }
  }
  return lines;
}

describe('fuzz: readers of table rows never throw, place every finding and never read a wrong number', () => {
  it('凭证 through the codec (workbook table) and the general file reader', () => {
    const name = 'vouchers-codec';
    fc.assert(
      fc.property(fc.array(voucherRow, { maxLength: 25 }), layoutOf(VOUCHER_KEYS), fc.constantFrom<unknown>(null, '', 'x', 0, '#REF!'), (rows, l, junk) => {
        tally(name);
        const laid = lay(l, vLabel);
        const cells = voucherTable(rows, laid, junk);
        const a = decodeVouchers(table(VOUCHERS.sheet, laid.header, cells));
        expectPlaced(a.findings, VOUCHERS.sheet, 2, rows.length);
        checkVouchers(rows, a, 2);
        const b = parseVoucherRows(laid.header, cells as unknown[][], { sheet: 'in.csv', firstRow: 2 });
        expect(b.findings.map((f) => [f.rule, f.row, f.column])).toEqual(a.findings.map((f) => [f.rule, f.row, f.column]));
      }),
      { numRuns: 400, seed: SEED },
    );
    report(name);
  }, 300_000);

  it('CSV voucher files: the fast scanner and the general reader agree on hostile text', () => {
    const name = 'vouchers-csv';
    const csvCell = (v: unknown): string => {
      const s = v === null || v === undefined ? '' : v instanceof Date ? (Number.isNaN(v.getTime()) ? 'bad' : v.toISOString().slice(0, 10)) : typeof v === 'object' ? '[object Object]' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    fc.assert(
      fc.property(fc.array(voucherRow, { maxLength: 25 }), layoutOf(VOUCHER_KEYS), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, l, eol, bom) => {
        tally(name);
        const laid = lay(l, vLabel);
        const body = voucherTable(rows, laid, '').map((r) => r.map(csvCell).join(','));
        const csv = `${bom ? '\uFEFF' : ''}${[laid.header.map(csvCell).join(','), ...body].join(eol)}${eol}`;
        const fast = importVoucherCsv(csv, { sheet: 'in.csv', firstRow: 2 });
        const [header = [], ...parsed] = parseCsv(csv);
        const general = parseVoucherRows(header, parsed, { sheet: 'in.csv', firstRow: 2 });
        expect(fast.findings).toEqual(general.findings);
        expect(fast.vouchers).toEqual(general.vouchers);
        expectPlaced(fast.findings, 'in.csv', 2, rows.length);
      }),
      { numRuns: 300, seed: SEED },
    );
    report(name);
  }, 300_000);

  it('headers: empty, duplicated, missing, renamed, prototype keys — a missing-column finding or a reading, never a throw', () => {
    const name = 'headers';
    const headerCell = fc.oneof(fc.constantFrom(...VOUCHERS.columns.map((c) => c.header), 'date', 'DEBIT', ' 借方金额 ', '', '__proto__', 'constructor', 'prototype', 'hasOwnProperty'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(headerCell, { maxLength: 14 }), fc.array(fc.array(fc.oneof(text, date.map((g) => g.cell), amount.map((g) => g.cell)), { maxLength: 14 }), { maxLength: 8 }), (header, rows) => {
        tally(name);
        const t = table(VOUCHERS.sheet, header, rows as Scalar[][]);
        const v = decodeVouchers(t);
        expectPlaced(v.findings, VOUCHERS.sheet, 2, rows.length);
        for (const f of v.findings.filter((x) => x.rule === 'table.missing-column')) expect(f.column).toBeTruthy();
        const o = decodeOpening(table(OPENING.sheet, header, rows as Scalar[][]));
        expectPlaced(o.findings, OPENING.sheet, 2, rows.length);
        const a = decodeAccounts(table(ACCOUNTS.sheet, header, rows as Scalar[][]));
        expectPlaced(a.findings, ACCOUNTS.sheet, 2, rows.length);
        const s = decodeSettings(table(SETTINGS.sheet, header, rows as Scalar[][]));
        expectPlaced(s.findings, SETTINGS.sheet, 2, rows.length);
        const c = decodeContracts(table(CONTRACTS.sheet, header, rows as Scalar[][]));
        expectPlaced(c.findings, CONTRACTS.sheet, 2, rows.length);
      }),
      { numRuns: 400, seed: SEED },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    report(name);
  }, 300_000);

  it('期初余额 through the codec and the opening import: exact amounts or a finding at the cell', () => {
    const name = 'opening';
    const KEYS = ['account', 'debit', 'credit'] as const;
    const label = (k: (typeof KEYS)[number]): string => OPENING.columns.find((c) => c.key === k)!.header;
    const row = fc.record({ account: code, debit: amount, credit: amount });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), layoutOf(KEYS), (rows, l) => {
        tally(name);
        const laid = lay(l, label);
        const cells = rows.map((r) => {
          const out: unknown[] = Array.from({ length: laid.width }, () => null);
          out[laid.col.account] = r.account.cell;
          out[laid.col.debit] = r.debit.cell;
          out[laid.col.credit] = r.credit.cell;
          return out as Scalar[];
        });
        const a = decodeOpening(table(OPENING.sheet, laid.header, cells));
        const b = parseOpeningRows(laid.header, cells as unknown[][], { sheet: OPENING.sheet, firstRow: 2 });
        expect(b.findings).toEqual(a.findings);
        expectPlaced(a.findings, OPENING.sheet, 2, rows.length);
        const flagged = new Set(a.findings.map((f) => f.row));
        rows.forEach((r, i) => {
          if ([r.account, r.debit, r.credit].some((g) => g.want === 'bad')) expect([i + 2, flagged.has(i + 2)]).toEqual([i + 2, true]);
        });
        for (const o of a.balances) {
          const r = rows[(o.source?.row ?? -1) - 2]!;
          expect([o.account, o.debit, o.credit]).toEqual([r.account.want, r.debit.want, r.credit.want]);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
    report(name);
  }, 300_000);

  it('合同 register: hostile cells in every column end in contracts or placed findings', () => {
    const name = 'contracts';
    const shortText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...NOISE), fc.string({ minLength: 2000, maxLength: 2000 }));
    const anyCell = fc.oneof(shortText, date.map((g) => g.cell), amount.map((g) => g.cell), code.map((g) => g.cell), fc.constantFrom('土地发包', '光伏', '合作社', '租赁', '是', '否', '取大', '保底加分红', 0.05, 3, -1, 1e308));
    const header = CONTRACTS.columns.map((c) => c.header);
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: header.length, maxLength: header.length }), { maxLength: 6 }), (rows) => {
        tally(name);
        const r = decodeContracts(table(CONTRACTS.sheet, header, rows as Scalar[][]));
        expectPlaced(r.findings, CONTRACTS.sheet, 2, rows.length);
        for (const f of r.findings) expect(f.row).toBeDefined();
        for (const c of r.contracts) expect(r.findings.some((f) => f.row === c.row)).toBe(false);
      }),
      { numRuns: 150, seed: SEED },
    );
    report(name);
  }, 300_000);

  it('设置, 科目 and _meta key/value rows, prototype keys included', () => {
    const name = 'key-value';
    const key = fc.oneof(fc.constantFrom('村名', '乡镇', '年度', '会计制度', 'layoutVersion', 'chartSystem', 'village', 'township', 'fiscalYear', 'kind', 'lockedThrough', 'lockDigest', 'lockChain.2025-01', 'lockChain.2025-01.v1', '__proto__', 'constructor', 'prototype', 'key'), fc.string({ maxLength: 10 }));
    const value = fc.oneof(text, fc.constantFrom('1', '2023', '2025', 'village', '2025-06', '{"__proto__":{"polluted":1}}', '[["1","0123456789abcdef"]]', 'a'.repeat(64), 2025, true, null));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 20 }), (pairs) => {
        tally(name);
        const rows = pairs.map(([k, v]) => [k, v] as Scalar[]);
        const s = decodeSettings(table(SETTINGS.sheet, ['项目', '值'], rows));
        expectPlaced(s.findings, SETTINGS.sheet, 2, rows.length);
        const a = decodeAccounts(table(ACCOUNTS.sheet, ['科目编码', '科目名称'], rows));
        expectPlaced(a.findings, ACCOUNTS.sheet, 2, rows.length);
        const m = decodeMetaRows(rows);
        if (m.meta === undefined) expect(m.findings.map((f) => f.sheet)).toEqual(['_meta']);
        decodeChainRows(pairs.map(([k, v]) => [String(k), String(v)] as [string, string]));
      }),
      { numRuns: 500, seed: SEED },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    report(name);
  }, 300_000);

  it('a 100,000-row 凭证 table and CSV read to the fen, with the bad rows found', () => {
    // 50,000 two-line vouchers, numbered per month; every 1,000th has a #REF! debit.
    const header = ['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额'];
    const rows: Scalar[][] = [];
    let expectedFen = 0;
    let badRows = 0;
    for (let k = 0; k < 50_000; k++) {
      const month = (k % 12) + 1;
      const d = `2025-${String(month).padStart(2, '0')}-15`;
      const n = String(Math.floor(k / 12) + 1);
      const f = (k % 997) * 100 + (k % 100); // fen, up to 99,699.99 yuan
      const cellAmount = k % 1000 === 999 ? '#REF!' : f / 100;
      if (cellAmount === '#REF!') badRows++;
      else expectedFen += f === 0 ? 0 : f;
      rows.push([d, n, '办公费', '513', f === 0 ? 1 : cellAmount, null], [d, n, '办公费', '101', null, f === 0 ? 1 : f / 100]);
      if (f === 0 && cellAmount !== '#REF!') expectedFen += 100;
    }
    const t = decodeVouchers(table(VOUCHERS.sheet, header, rows));
    expect(t.findings.filter((f) => f.rule === 'cell.bad-amount')).toHaveLength(badRows);
    expect(t.vouchers).toHaveLength(50_000 - badRows);
    expect(t.vouchers.reduce((s, v) => s + v.lines[0]!.debit, 0)).toBe(expectedFen);
    const csv = [header.join(','), ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(','))].join('\n');
    const c = importVoucherCsv(csv, { sheet: 'big.csv', firstRow: 2 });
    expect(c.vouchers.reduce((s, v) => s + v.lines[1]!.credit, 0)).toBe(expectedFen);
    expect(c.findings.map((f) => f.row)).toEqual(t.findings.map((f) => f.row));
    console.log(`fuzz 100k: ${rows.length} rows, ${badRows} bad rows found, ${c.vouchers.length} vouchers`);
  }, 180_000);
});
