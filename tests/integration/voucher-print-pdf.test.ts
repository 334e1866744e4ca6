/**
 * 记账凭证 and 凭证 printed by LibreOffice: a small book (init + the sample's January–March
 * vouchers) with the 记账凭证 sheet, saved by the file host, converted to PDF once.
 * The page setup of typed-in sheets and the page breaks of generated ones are written by the
 * file host (src/hosts/xlsx/sheet-write.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importVouchers } from '../../src/app/import-vouchers';
import { initVillage } from '../../src/app/init-village';
import { printVouchers } from '../../src/app/print-vouchers';
import { SAMPLE_SUB_ACCOUNTS } from '../../src/app/sample/sample-accounts';
import { sampleData } from '../../src/app/sample/build-sample';
import type { Voucher } from '../../src/core/ledger/types';
import { fenToCapitals } from '../../src/core/money-capitals';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { encodeVoucherRows } from '../../src/workbook/codecs/vouchers';
import { VOUCHERS } from '../../src/workbook/layout';
import { xlsxToPdfPages, type PdfPage } from '../support/pdf';

/** A4 in points, either way round. */
const isA4 = (p: PdfPage): boolean => [p.width, p.height].sort((a, b) => a - b).join('x') === '595x842';
const slipsOn = (p: PdfPage): number => p.text.split('记字第').length - 1;

let q1: Voucher[];
let pages: PdfPage[];

beforeAll(async () => {
  const wb = await createXlsxWorkbook();
  expect((await initVillage(wb, { village: '示范村', township: '青山镇', year: 2025, subAccounts: SAMPLE_SUB_ACCOUNTS })).ok).toBe(true);
  q1 = sampleData().vouchers.filter((v) => v.date < '2025-04');
  const imported = await importVouchers(wb, { header: VOUCHERS.columns.map((c) => c.header), rows: encodeVoucherRows(q1), where: { source: 'q1.csv', firstRow: 2 } });
  expect(imported.ok).toBe(true);
  expect((await printVouchers(wb, { from: '2025-01', to: '2025-03' })).printed).toBe(q1.length);
  const dir = await mkdtemp(join(tmpdir(), 'cunzhang-pdf-'));
  try {
    const path = join(dir, 'book.xlsx');
    await writeFile(path, await wb.toBytes());
    pages = await xlsxToPdfPages(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 300_000);

describe('记账凭证 and 凭证 printed to PDF by LibreOffice', () => {
  it('prints every voucher once on A4 portrait pages, each 合计 in capitals', () => {
    const slips = pages.filter((p) => slipsOn(p) > 0);
    expect(slips.every((p) => isA4(p) && p.height > p.width)).toBe(true);
    expect(slips.reduce((t, p) => t + slipsOn(p), 0)).toBe(q1.length);
    const text = slips.map((p) => p.text).join('');
    for (const v of q1) {
      const total = v.lines.reduce((t, l) => t + l.debit, 0);
      expect(text).toContain(`合计（大写）：${fenToCapitals(total)}`);
    }
    expect(text).toContain('单位：青山镇示范村');
  });

  it('three 记账凭证 to a page; 凭证 on A4 landscape', () => {
    const perPage = pages.filter((p) => slipsOn(p) > 0).map(slipsOn);
    const expected = Array.from({ length: Math.ceil(q1.length / 3) }, (_, k) => Math.min(3, q1.length - 3 * k));
    const voucherSheet = pages.filter((p) => p.text.includes('日期凭证号摘要科目编码'));
    expect({ perPage, landscapeA4: voucherSheet.length > 0 && voucherSheet.every((p) => isA4(p) && p.width > p.height) }).toEqual({ perPage: expected, landscapeA4: true });
  });
});
