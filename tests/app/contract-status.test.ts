import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOfDate, contractStatus } from '../../src/app/contract-status';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample-village.xlsx');

describe('contractStatus (the 收入来源 use case) takes today from the clock it is given', () => {
  it('counts arrears as of today, never past the fiscal year end', () => {
    expect(asOfDate('2025-06-02', 2025)).toBe('2025-06-02');
    expect(asOfDate('2026-01-05', 2025)).toBe('2025-12-31');
  });

  it('ZL-2023-01 (10,080 a month, due at month end; November and December unpaid) on three days', async () => {
    const port = await createXlsxWorkbook(new Uint8Array(await readFile(SAMPLE)));
    const arrearsOn = async (today: string) => (await contractStatus(port, () => today)).contracts.find((c) => c.no === 'ZL-2023-01')?.arrears;
    // 31 October: every month so far is paid.
    expect(await arrearsOn('2025-10-31')).toBe(0);
    // 30 November: November's 1,200 m² × 8 × 1.05 = 10,080.00 is due and unpaid.
    expect(await arrearsOn('2025-11-30')).toBe(1_008_000);
    // A day in February 2026 counts as the 2025 year end: November + December = 20,160.00.
    expect(await arrearsOn('2026-02-01')).toBe(2_016_000);
  });
});
