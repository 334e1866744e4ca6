/**
 * Village workbooks for the township consolidation tests, built through our own use cases from
 * the DOMAIN.md §8 worked example: a good village (closed, with distributions), an empty shell,
 * an unbalanced one, one of another year, and one whose locked month was edited after the lock.
 */
import { expect } from 'vitest';
import { closeYear } from '../../src/app/close-year';
import { importOpening } from '../../src/app/import-opening';
import { importVouchers } from '../../src/app/import-vouchers';
import type { ImportSource } from '../../src/app/import-source';
import { initVillage } from '../../src/app/init-village';
import { lockPeriod } from '../../src/app/lock-period';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { OPENING, VOUCHERS } from '../../src/workbook/layout';
import { parseCsv } from '../../src/workbook/voucher-import';
import { DISTRIBUTIONS_CSV, OPENING_CSV, VOUCHERS_CSV } from '../integration/worked-example-files';

function source(text: string, name: string): ImportSource {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows, where: { source: name, firstRow: 2 } };
}

export interface VillageSpec {
  village: string;
  township?: string;
  year?: number;
  /** Opening balances only (no vouchers): an empty shell. */
  shell?: boolean;
  /** An opening balance typed straight into 期初余额 that leaves it unbalanced by 1,000.00. */
  unbalanced?: boolean;
  /** Lock through this month, then type a voucher into a locked month (bypassing import). */
  editAfterLock?: string;
  /** Lock through this month (nothing edited). */
  lockThrough?: string;
}

/** A village workbook as .xlsx bytes. */
export async function villageBytes(spec: VillageSpec): Promise<Uint8Array> {
  const year = spec.year ?? 2025;
  const inYear = (csv: string): string => csv.replaceAll('2025-', `${year}-`);
  const wb = await createXlsxWorkbook();
  expect((await initVillage(wb, { village: spec.village, township: spec.township ?? '青山镇', year })).ok).toBe(true);
  expect((await importOpening(wb, source(OPENING_CSV, 'opening.csv'))).ok).toBe(true);
  if (spec.unbalanced) await wb.appendRows(OPENING, [['112', '应收款', 1000, null]]);
  if (!spec.shell) {
    expect((await importVouchers(wb, source(inYear(VOUCHERS_CSV), 'vouchers.csv'))).ok).toBe(true);
    if (!spec.unbalanced) {
      expect((await closeYear(wb, { year })).ok).toBe(true);
      expect((await importVouchers(wb, source(inYear(DISTRIBUTIONS_CSV), 'dist.csv'))).ok).toBe(true);
      expect((await closeYear(wb, { year })).ok).toBe(true);
    }
  }
  if (spec.lockThrough !== undefined) expect((await lockPeriod(wb, { through: spec.lockThrough })).ok).toBe(true);
  if (spec.editAfterLock !== undefined) {
    expect((await lockPeriod(wb, { through: spec.editAfterLock })).ok).toBe(true);
    const date = `${spec.editAfterLock}-05`;
    await wb.appendRows(VOUCHERS, [
      [date, '9', '补记办公费', '513', 500, null, null, null, null, null, null, null],
      [date, '9', '补记办公费', '101', null, 500, null, null, null, null, null, null],
    ]);
  }
  return wb.toBytes();
}

/** The fixture set, in file order. Included: 东村, 西村 (good) and 南村 (empty shell). */
export async function townshipFixtureSet(): Promise<{ label: string; bytes: Uint8Array }[]> {
  return [
    { label: '东村.xlsx', bytes: await villageBytes({ village: '东村' }) },
    { label: '西村.xlsx', bytes: await villageBytes({ village: '西村' }) },
    { label: '南村.xlsx', bytes: await villageBytes({ village: '南村', shell: true }) },
    { label: '坏文件.xlsx', bytes: new TextEncoder().encode('这不是工作簿 not a workbook') },
    { label: '北村.xlsx', bytes: await villageBytes({ village: '北村', unbalanced: true }) },
    { label: '中村-1.xlsx', bytes: await villageBytes({ village: '中村' }) },
    { label: '中村-2.xlsx', bytes: await villageBytes({ village: '中村' }) },
    { label: '上村2024.xlsx', bytes: await villageBytes({ village: '上村', year: 2024 }) },
    { label: '下村.xlsx', bytes: await villageBytes({ village: '下村', editAfterLock: '2025-06' }) },
  ];
}
