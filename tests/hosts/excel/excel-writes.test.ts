/** What the Excel host writes where: tables, formats, validation, frozen panes, _meta, protection. */
import { describe, expect, it } from 'vitest';
import { ExcelHostError } from '../../../src/hosts/excel/excel-workbook';
import { GENERATED_PROTECTION } from '../../../src/hosts/excel/excel-generated';
import { ACCOUNT_CODE_RANGE, TYPED_TABLES } from '../../../src/workbook/layout';
import type { TypedTableSpec } from '../../../src/workbook/port';
import { SheetState } from './fake-excel-state';
import { META, OPENING, VOUCHERS, bookWithVouchers, newBook, trialBalance } from './fixtures';

describe('initialize', () => {
  it('creates each table with header, body formats, list validation, widths and a frozen header row', async () => {
    const { fake, port } = newBook();
    await port.initialize(META, [VOUCHERS]);
    const sheet = fake.sheet('凭证');
    expect(sheet.read({ row0: 0, col0: 0, rows: 1, cols: 6 }, 'values')).toEqual([['日期', '凭证号', '摘要', '科目编码', '借方金额', '贷方金额']]);
    expect(sheet.read({ row0: 1, col0: 0, rows: 1, cols: 6 }, 'numberFormat')).toEqual([['yyyy-mm-dd', '@', 'General', '@', '#,##0.00', '#,##0.00']]);
    const table = fake.book.table('Vouchers');
    expect(table && { sheet: table.sheet.name, row0: table.row0, cols: table.cols, bodyRows: table.bodyRows }).toEqual({ sheet: '凭证', row0: 0, cols: 6, bodyRows: 1 });
    expect(sheet.validations).toEqual([
      {
        box: { row0: 1, col0: 3, rows: 1, cols: 1 },
        rule: { list: { inCellDropDown: true, source: '101,102,113' } },
        ignoreBlanks: true,
        errorAlert: { showAlert: true, style: 'Warning', title: '科目编码', message: '不在科目编码的可选值中 — not in the list of allowed values' },
      },
    ]);
    expect(sheet.frozenRows).toBe(1);
    // Characters × 5.7 points: 日期 12, 凭证号 10 (default for a short header), 摘要 30, then 12 = 4 × 2 + 4.
    expect([...sheet.columnWidths].map(([c, w]) => [c, Math.round(w * 10) / 10])).toEqual([[0, 68.4], [1, 57], [2, 171], [3, 68.4], [4, 68.4], [5, 68.4]]);
    expect(table?.props.style).toBe('TableStyleLight9');
    expect(sheet.protection).toBeUndefined(); // typed-in sheets stay editable
  });

  it('writes _meta hidden as text key/value rows under a key | value header', async () => {
    const { fake, port } = newBook();
    await port.initialize({ ...META, lockedThrough: '2025-06' }, []);
    const meta = fake.sheet('_meta');
    expect(meta.visibility).toBe('Hidden');
    expect(meta.read({ row0: 0, col0: 0, rows: 9, cols: 2 }, 'values')).toEqual([
      ['key', 'value'],
      ['layoutVersion', '1'],
      ['chartSystem', '2023'],
      ['village', '红旗村'],
      ['township', '城关镇'],
      ['fiscalYear', '2025'],
      ['kind', 'village'],
      ['lockedThrough', '2025-06'],
      ['', ''],
    ]);
  });

  it('with the real layout: typed sheets in order before the 科目表 placeholder its validation needs, _meta last', async () => {
    const { fake, port } = newBook();
    await port.initialize(META, TYPED_TABLES);
    expect(await port.sheetNames()).toEqual(['Sheet1', ...TYPED_TABLES.map((t) => t.sheet), '科目表', '_meta']);
    const codeRules = fake.sheet('凭证').validations.map((v) => v.rule.list?.source);
    expect(codeRules).toEqual([ACCOUNT_CODE_RANGE]);
  });

  it('leaves an existing table, and a same-named sheet without its table, alone', async () => {
    const { fake, port } = await bookWithVouchers(2);
    await port.initialize({ ...META, fiscalYear: 2026 }, [VOUCHERS]);
    expect(fake.book.table('Vouchers')?.bodyRows).toBe(2);
    expect((await port.readMeta())?.fiscalYear).toBe(2026);

    const other = newBook();
    const own = new SheetState('凭证');
    own.write({ row0: 0, col0: 0, rows: 1, cols: 1 }, [['我的凭证']], 'values');
    other.fake.book.sheets.push(own);
    await other.port.initialize(META, [VOUCHERS, OPENING]);
    expect(await other.port.sheetNames()).toEqual(['Sheet1', '凭证', '期初余额', '_meta']);
    expect(other.fake.sheet('凭证')).toBe(own);
    expect(own.read({ row0: 0, col0: 0, rows: 1, cols: 2 }, 'values')).toEqual([['我的凭证', '']]);
    expect(other.fake.book.table('Vouchers')).toBeUndefined();
  });
});

describe('appendRows', () => {
  it('adds rows in one rows.add, keeps text codes, stores dates as serials and drops the empty starter row', async () => {
    const { fake } = await bookWithVouchers(2);
    const adds = fake.writes.filter((w) => w.op === 'rows.add');
    expect(adds).toHaveLength(1);
    expect(adds[0]?.data).toEqual([
      [45662, '001', '收到发包款', '101', 1234.5, ''],
      [45662, '001', '收到发包款', '113', '', 1234.5],
    ]);
    const sheet = fake.sheet('凭证');
    expect(sheet.read({ row0: 1, col0: 0, rows: 3, cols: 2 }, 'values')).toEqual([[45662, '001'], [45662, '001'], ['', '']]);
    expect(sheet.cell(1, 0)?.numberFormat).toBe('yyyy-mm-dd');
    expect(fake.book.table('Vouchers')?.bodyRows).toBe(2);
  });

  it('matches columns by header label when the user reordered them', async () => {
    const { fake, port } = newBook();
    await port.initialize(META, [OPENING]);
    const sheet = fake.sheet('期初余额');
    sheet.write({ row0: 0, col0: 0, rows: 1, cols: 2 }, [['期初余额', '科目编码']], 'values');
    await port.appendRows(OPENING, [['101', 500.25]]);
    expect(sheet.read({ row0: 1, col0: 0, rows: 1, cols: 2 }, 'values')).toEqual([[500.25, '101']]);
    const [opening] = await port.readTables([OPENING]);
    expect(opening?.header).toEqual(['期初余额', '科目编码']);
    expect(opening?.rows).toEqual([[500.25, '101']]);
  });

  it('keeps text that Excel would read as a number or formula, by the apostrophe prefix', async () => {
    const notes: TypedTableSpec = { sheet: '备注', table: 'Notes', columns: [{ header: '备注', key: 'note' }] };
    const { fake, port } = newBook();
    await port.initialize(META, [notes]);
    await port.appendRows(notes, [['=1+1'], ['0012'], ['-5'], ['普通文字']]);
    expect(fake.writes.find((w) => w.op === 'rows.add')?.data).toEqual([["'=1+1"], ["'0012"], ["'-5"], ['普通文字']]);
    const [read] = await port.readTables([notes]);
    expect(read?.rows).toEqual([['=1+1'], ['0012'], ['-5'], ['普通文字']]);
    expect(fake.sheet('备注').cell(1, 0)?.formula).toBeUndefined();
  });

  it('appends below the used range of a sheet that lost its table, under the header found there', async () => {
    const { fake, port } = newBook();
    const sheet = fake.sheet('Sheet1');
    sheet.write({ row0: 2, col0: 1, rows: 2, cols: 2 }, [['期初余额', '科目编码'], [10, '101']], 'values');
    sheet.name = '期初余额';
    await port.appendRows(OPENING, [['102', 20.5], ['0113', 3]]);
    expect(sheet.read({ row0: 4, col0: 1, rows: 2, cols: 2 }, 'values')).toEqual([[20.5, '102'], [3, '0113']]);
    expect(sheet.read({ row0: 4, col0: 1, rows: 1, cols: 2 }, 'numberFormat')).toEqual([['#,##0.00', '@']]);
    const [opening] = await port.readTables([OPENING]);
    expect(opening?.rows).toEqual([[10, 101], [20.5, '102'], [3, '0113']]); // the user's 101 was typed as a number
    expect(opening?.firstRow).toBe(4);

    const blank = newBook();
    blank.fake.book.sheets.push(new SheetState('期初余额'));
    await blank.port.appendRows(OPENING, [['101', 1]]);
    expect((await blank.port.readTables([OPENING]))[0]).toMatchObject({ header: ['科目编码', '期初余额'], rows: [['101', 1]], firstRow: 2 });
  });

  it('creates a missing table and appends to it in the same write request (2 syncs: 1 probe, 1 write), and refuses a table that lost a column', async () => {
    const { fake, port } = newBook();
    expect(await fake.countSyncs(() => port.appendRows(OPENING, [['101', 1]]))).toBe(2);
    expect((await port.readTables([OPENING]))[0]?.rows).toEqual([['101', 1]]);

    fake.sheet('期初余额').write({ row0: 0, col0: 1, rows: 1, cols: 1 }, [['余额']], 'values');
    const error = await port.appendRows(OPENING, [['102', 2]]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('column-missing');
  });
});

describe('readTables', () => {
  it('follows a table to a renamed sheet and reads a table-less sheet from its used range', async () => {
    const { fake, port } = await bookWithVouchers(2);
    fake.sheet('凭证').name = '凭证2025';
    const [vouchers] = await port.readTables([VOUCHERS]);
    expect(vouchers?.sheet).toBe('凭证2025');
    expect(vouchers?.rows).toHaveLength(2);

    const loose = newBook();
    loose.fake.sheet('Sheet1').write({ row0: 2, col0: 1, rows: 3, cols: 2 }, [['科目编码', '期初余额'], ['101', 7], ['', '']], 'values');
    loose.fake.sheet('Sheet1').name = '期初余额';
    const [opening] = await loose.port.readTables([OPENING]);
    expect(opening).toEqual({ sheet: '期初余额', table: 'OpeningBalances', header: ['科目编码', '期初余额'], rows: [[101, 7]], firstRow: 4, columnLetters: ['B', 'C'] });
  });
});

describe('replaceGeneratedSheets', () => {
  it('writes title, header and body blocks with formats before formulas, bold totals, a table, frozen header and protection', async () => {
    const { fake, port } = await bookWithVouchers(2);
    const from = fake.writes.length;
    await port.replaceGeneratedSheets([trialBalance(2)]);
    const writes = fake.writes.slice(from).map((w) => ({ op: w.op, box: w.box, data: w.data }));
    expect(writes).toEqual([
      { op: 'values', box: { row0: 0, col0: 0, rows: 2, cols: 1 }, data: [['科目余额表'], ['单位：元']] },
      { op: 'values', box: { row0: 2, col0: 0, rows: 1, cols: 4 }, data: [['科目编码', '科目名称', '借方余额', '贷方余额']] },
      { op: 'numberFormat', box: { row0: 3, col0: 0, rows: 3, cols: 4 }, data: Array.from({ length: 3 }, () => ['@', 'General', '#,##0.00', '#,##0.00']) },
      {
        op: 'formulas',
        box: { row0: 3, col0: 0, rows: 3, cols: 4 },
        data: [['1001', '科目1', 100, 0], ['1002', '科目2', 100, 0], ['合计', '', '=SUM(C4:C5)', '=SUM(D4:D5)']],
      },
    ]);
    const sheet = fake.sheet('科目余额表');
    expect(sheet.cell(5, 2)?.formula).toBe('SUM(C4:C5)');
    expect([0, 1, 2, 3, 4, 5].map((r) => sheet.cell(r, 0)?.bold ?? false)).toEqual([true, false, true, false, false, true]);
    expect(sheet.merges).toEqual([{ row0: 0, col0: 0, rows: 1, cols: 4 }]);
    const styleAt = (row0: number, path: string): unknown => sheet.styles.find((x) => x.box.row0 === row0 && x.path === path)?.value;
    expect([styleAt(0, 'font.size'), styleAt(2, 'fill.color'), styleAt(3, 'borders.InsideHorizontal.style')]).toEqual([14, '#EFEFEF', 'Continuous']);
    expect(Object.fromEntries(sheet.page)).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      'setPrintTitleRows()': ['$1:$3'],
      'setPrintArea()': ['A1:D6'],
      'headersFooters.defaultForAllPages.centerFooter': '第 &P 页，共 &N 页',
    });
    expect(fake.book.table('TrialBalance')?.props).toEqual({ style: 'TableStyleLight1', showBandedRows: false, showFilterButton: false });
    const table = fake.book.table('TrialBalance');
    expect(table && { row0: table.row0, bodyRows: table.bodyRows, sheet: table.sheet.name }).toEqual({ row0: 2, bodyRows: 3, sheet: '科目余额表' });
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.protection).toEqual(GENERATED_PROTECTION);
    expect(fake.suspendCalls).toBe(3); // initialize, the append and this rebuild each suspend calculation once, in their write request
  });

  it('gives a formula in a text (@) column the General format, so Excel calculates it', async () => {
    const { fake, port } = newBook();
    const sheet = { ...trialBalance(0), title: [], rows: [[{ formula: 'TEXT(1001,"0")', result: '1001' }, '现金', 1, 0]], totalRows: [] };
    await port.replaceGeneratedSheets([sheet]);
    expect(fake.sheet('科目余额表').read({ row0: 1, col0: 0, rows: 1, cols: 2 }, 'numberFormat')).toEqual([['General', 'General']]);
    expect(fake.sheet('科目余额表').cell(1, 0)?.formula).toBe('TEXT(1001,"0")');
  });

  it('empties an existing sheet in place (references to it survive), keeping its tab position', async () => {
    const { fake, port } = await bookWithVouchers(2);
    await port.replaceGeneratedSheets([trialBalance(3)]);
    const before = fake.sheet('科目余额表');
    const order = await port.sheetNames();
    await port.replaceGeneratedSheets([trialBalance(1)]);
    expect(fake.sheet('科目余额表')).toBe(before);
    expect(await port.sheetNames()).toEqual(order);
    expect(before.usedBox()).toEqual({ row0: 0, col0: 0, rows: 5, cols: 4 }); // 2 title + header + 1 row + total
    expect(fake.book.table('TrialBalance')?.bodyRows).toBe(2);
    expect(before.merges).toEqual([{ row0: 0, col0: 0, rows: 1, cols: 4 }]);
    expect(before.protection).toEqual(GENERATED_PROTECTION);
  });

  it('places new generated sheets in the layout order, before _meta', async () => {
    const { port } = newBook();
    await port.initialize(META, [VOUCHERS]);
    const balance = { ...trialBalance(1), name: '资产负债表', table: 'BalanceSheet' };
    await port.replaceGeneratedSheets([balance, trialBalance(1)]);
    expect(await port.sheetNames()).toEqual(['Sheet1', '凭证', '科目余额表', '资产负债表', '_meta']);
  });

  it('refuses _meta and duplicate table headers before any sync', async () => {
    const { fake, port } = newBook();
    const dup = { ...trialBalance(1), columns: [{ header: '金额', key: 'a' }, { header: '金额', key: 'b' }] };
    for (const bad of [{ ...trialBalance(1), name: '_meta' }, dup]) {
      await expect(port.replaceGeneratedSheets([bad])).rejects.toBeInstanceOf(ExcelHostError);
    }
    expect(fake.syncs).toBe(0);
  });
});
