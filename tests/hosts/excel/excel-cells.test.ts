/** Office-free helpers of the Excel host: letters, dates, typing rules, payload chunks, sheet order. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chunkRowsByPayload,
  columnIndex,
  columnLetter,
  estimateCellBytes,
  estimateRowsBytes,
  fromExcelValue,
  isDateFormat,
  isoToSerial,
  serialToIso,
  toExcelInput,
  toFormulaInput,
} from '../../../src/hosts/excel/excel-cells';
import { placeSheetName, validationSheets } from '../../../src/hosts/excel/excel-order';

describe('column letters', () => {
  it('maps worked examples both ways', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    expect(columnIndex('xfd')).toBe(16_383);
    expect(columnIndex('借方')).toBeUndefined();
  });
  it('columnIndex inverts columnLetter over all Excel columns', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16_383 }), (i) => columnIndex(columnLetter(i)) === i));
  });
});

describe('dates', () => {
  it('uses the 1900 system serials Excel shows', () => {
    expect(isoToSerial('2025-01-05')).toBe(45662);
    expect(isoToSerial('2024-02-29')).toBe(45351);
    expect(isoToSerial('2025-02-29')).toBeUndefined();
    expect(serialToIso(45662.75)).toBe('2025-01-05');
  });
  it('serialToIso inverts isoToSerial from 1901 to 2199', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        return serialToIso(isoToSerial(iso) ?? Number.NaN) === iso;
      }),
    );
  });
  it('recognises date formats but not text, money or quoted 年', () => {
    expect(['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"'].map(isDateFormat)).toEqual([true, true, true]);
    expect(['@', '#,##0.00', '0', 'General', '0"年"', undefined].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  });
});

describe('values in and out', () => {
  it('reads empty as null and date serials as ISO dates only in date columns', () => {
    expect([fromExcelValue('', '@'), fromExcelValue(45662, 'yyyy-mm-dd'), fromExcelValue(45662, '0'), fromExcelValue(true, undefined)]).toEqual([null, '2025-01-05', 45662, true]);
  });
  it('escapes text Excel would reinterpret, except in text columns', () => {
    const inputs = ['=SUM(A1)', '+86', '-', '0012', '1,234.5', '12%', '3/4', 'TRUE', '2025-01-05', '收到发包款', 'A-1'];
    expect(inputs.map((v) => toExcelInput(v, 'General'))).toEqual(["'=SUM(A1)", "'+86", "'-", "'0012", "'1,234.5", "'12%", "'3/4", "'TRUE", "'2025-01-05", '收到发包款', 'A-1']);
    expect(toExcelInput('0012', '@')).toBe('0012');
    expect(toExcelInput('2025-01-05', 'yyyy-mm-dd')).toBe(45662);
    expect(toExcelInput(null, '#,##0.00')).toBe('');
    expect(toFormulaInput({ formula: 'SUM(C4:C5)', result: 3 }, '#,##0.00')).toBe('=SUM(C4:C5)');
  });
});

describe('payload chunks', () => {
  it('estimates JSON bytes with Chinese at 6 bytes a character', () => {
    expect([estimateCellBytes('abc'), estimateCellBytes('科目'), estimateCellBytes(1234.5), estimateCellBytes(null)]).toEqual([6, 15, 7, 5]);
    expect(estimateRowsBytes([['abc', 1]])).toBe(2 + 2 + 6 + 2);
  });
  it('cuts rows into blocks under the budget (worked: 6-byte rows, 25-byte budget → 3 a block)', () => {
    const rows = [['a'], ['b'], ['c'], ['d'], ['e']]; // each row: 2 + 4 = 6 bytes; block: 2 + 6k ≤ 25 → k = 3
    expect(chunkRowsByPayload(rows, 25).map((c) => c.length)).toEqual([3, 2]);
    expect(chunkRowsByPayload(rows, 1).map((c) => c.length)).toEqual([1, 1, 1, 1, 1]); // a lone row still goes
  });
  it('keeps every row, in order, and each multi-row block within the budget', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 60 }), fc.integer({ min: 10, max: 400 }), (rows, budget) => {
        const chunks = chunkRowsByPayload(rows, budget);
        expect(chunks.flat()).toEqual(rows);
        for (const c of chunks) if (c.length > 1) expect(estimateRowsBytes(c)).toBeLessThanOrEqual(budget);
      }),
    );
  });
});

describe('sheet order', () => {
  it('puts typed sheets before generated ones, generated ones in layout order, _meta last', () => {
    const order = ['Sheet1', '凭证', '科目表', '_meta'];
    const generated = new Set<string>(['我的报表']);
    expect(placeSheetName(order, '期初余额', generated)).toBe(2);
    expect(placeSheetName(order, '资产负债表', generated)).toBe(3);
    expect(placeSheetName(order, '科目余额表', generated)).toBe(3);
    expect(placeSheetName(order, '我的报表', generated)).toBe(6);
    expect(order).toEqual(['Sheet1', '凭证', '期初余额', '科目余额表', '资产负债表', '科目表', '我的报表', '_meta']);
  });
  it('finds the sheets list validations point at', () => {
    expect(validationSheets(["='科目表'!$A$3:$A$3002", '=科目表!$A$3:$A$9', '=Lists!B2:B9'])).toEqual(['科目表', 'Lists']);
  });
});
