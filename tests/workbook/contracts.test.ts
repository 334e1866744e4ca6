import { describe, expect, it } from 'vitest';
import { CONTRACTS, decodeContracts, encodeContractRow } from '../../src/workbook/contracts';
import { columnLetter } from '../../src/workbook/layout';
import type { Scalar, TableData } from '../../src/workbook/port';

function table(rows: Scalar[][]): TableData {
  return {
    sheet: '合同', table: 'Contracts', header: CONTRACTS.columns.map((c) => c.header), rows, firstRow: 2,
    columnLetters: CONTRACTS.columns.map((_, i) => columnLetter(i)),
  };
}
const letterOf = (key: string) => columnLetter(CONTRACTS.columns.findIndex((c) => c.key === key));

describe('合同 codec', () => {
  it('decodes rows of every kind, reading dates, percentages and money cells', () => {
    const t = table([
      encodeContractRow({ no: 'TD-1', kind: '土地流转', counterparty: '甲', start: '2025-01-01', end: 46022, paymentDates: '03-01', areaMu: 10, rentPerMu: 800, escalationRate: '5%', escalationEveryYears: 3, deposit: 2000.5 }),
      encodeContractRow({ no: 'HZ-1', kind: '合作社入股', counterparty: '乙', start: '2025-01-01', end: '2027-12-31', paymentDates: '12-20', capital: 500000, floorRate: 0.06, shareRate: 0.1, dividendMode: '保底加分红' }),
      [null, null, null],
      encodeContractRow({ no: 'GF-1', kind: '光伏电站', counterparty: '国网', start: '2025-01-01', end: '2044-12-31', paymentDates: '每月20', capacityKw: 100, hours: 1100, baseTariff: 0.3779, lifeYears: 20 }),
      encodeContractRow({ no: 'ZL-1', kind: '资产租赁', counterparty: '丁', category: '冷库', start: '2025-01-01', end: '2025-12-31', paymentDates: '每月5', rentPerM2Month: 7000 }),
      encodeContractRow({ no: 'ZL-2', kind: '资产租赁', counterparty: '戊', category: '烘房', start: '2025-01-01', end: '2025-12-31', paymentDates: '03-01', annualRent: 85000.5 }),
    ]);
    const r = decodeContracts(t);
    expect(r.findings).toEqual([]);
    expect(r.contracts.map((c) => [c.no, c.kind, c.row])).toEqual([['TD-1', 'land', 2], ['HZ-1', 'coop', 3], ['GF-1', 'pv', 5], ['ZL-1', 'lease', 6], ['ZL-2', 'lease', 7]]);
    const annual = r.contracts[4]!;
    expect(annual.kind === 'lease' && annual.rentPerM2Month.times(12).toFixed(2)).toBe('85000.50');
    const land = r.contracts[0]!;
    expect([land.end, land.deposit, land.escalationRate?.toString(), land.incomeAccount, land.liabilityAccount]).toEqual(['2025-12-31', 200_050, '0.05', '501', '211']);
    expect(r.contracts[1]!.incomeAccount).toBe('502');
  });

  it('reports each bad cell with its row and column, and leaves the row out', () => {
    const t = table([
      encodeContractRow({ no: 'TD-1', kind: '土地', counterparty: '甲', start: '2025-01-01', end: '2025-12-31', paymentDates: '03-01', areaMu: 10, rentPerMu: 800 }),
      encodeContractRow({ no: 'TD-2', kind: '土地流转', counterparty: '甲', start: '2025-13-01', end: '2025-12-31', paymentDates: '03-01', areaMu: 10, rentPerMu: 800 }),
      encodeContractRow({ no: 'TD-3', kind: '土地流转', counterparty: '甲', start: '2025-01-01', end: '2060-12-31', paymentDates: '03-01', areaMu: 10, jinPerMu: 700, landTermEnd: '2057-12-31' }),
      encodeContractRow({ no: 'GF-1', kind: '光伏电站', counterparty: '国网', start: '2025-01-01', end: '2044-12-31', paymentDates: '每月', capacityKw: 100, hours: 1100, baseTariff: 0.3779, lifeYears: 30 }),
      encodeContractRow({ no: 'ZL-1', kind: '资产租赁', counterparty: '丁', start: '2025-01-01', end: '2025-12-31', paymentDates: '每月5', rentPerM2Month: 10, occupancy: 1.5, deposit: 10.005 }),
      encodeContractRow({ no: 'ZL-2', kind: '资产租赁', counterparty: '戊', start: '2025-01-01', end: '2025-12-31', paymentDates: '每月5', rentPerM2Month: 10 }),
    ]);
    const r = decodeContracts(t);
    expect(r.contracts.map((c) => c.no)).toEqual(['ZL-2']);
    expect(r.findings.map((f) => [f.rule, f.sheet, f.row, f.column])).toEqual([
      ['contract.invalid', '合同', 2, letterOf('kind')],
      ['cell.bad-date', '合同', 3, letterOf('start')],
      ['contract.invalid', '合同', 4, letterOf('end')], // passes the remaining 承包期
      ['contract.invalid', '合同', 4, letterOf('grainPrice')], // grain rent without a price
      ['contract.invalid', '合同', 5, letterOf('paymentDates')],
      ['contract.invalid', '合同', 5, letterOf('lifeYears')],
      ['cell.too-many-decimals', '合同', 6, letterOf('deposit')],
    ]);
    expect(r.findings[2]!.zh).toBe('合同第4行：流转期限超过承包期剩余期限（承包期截止 2057-12-31）');
  });

  it('reports a missing 类型 column once, naming the sheet', () => {
    const t = table([]);
    t.header = t.header.filter((h) => h !== '类型');
    expect(decodeContracts(t).findings.map((f) => [f.rule, f.column])).toEqual([['table.missing-column', '类型']]);
  });
});
