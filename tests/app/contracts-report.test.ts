/**
 * The register inside the report use case, over a real .xlsx (ExcelJS host): a village book
 * with the sample 合同 table and the sample contract receipts; buildReports (what `cunzhang
 * report` runs) writes 合同台账 / 应收计划 / 欠款明细 next to the ledger reports.
 */
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/app/build-reports';
import { DEFAULT_SUB_ACCOUNTS } from '../../src/app/init-village';
import { SAMPLE_SUB_ACCOUNTS, sampleOpening } from '../../src/app/sample/sample-accounts';
import { sampleContractVouchers, sampleContracts } from '../../src/core/income/sample';
import type { Voucher } from '../../src/core/ledger/types';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { encodeAccountRows } from '../../src/workbook/codecs/accounts';
import { encodeOpeningRows } from '../../src/workbook/codecs/opening';
import { encodeVoucherRows } from '../../src/workbook/codecs/vouchers';
import { CONTRACTS, encodeContractRow } from '../../src/workbook/contracts';
import { ACCOUNTS, LAYOUT_VERSION, OPENING, SETTINGS, TYPED_TABLES, VOUCHERS } from '../../src/workbook/layout';
import type { GeneratedSheet } from '../../src/workbook/port';

/** Numbers vouchers 1, 2, … within each month, as a village accountant does. */
function numbered(vs: readonly Voucher[]): Voucher[] {
  const next = new Map<string, number>();
  return vs.map((v) => {
    const m = v.date.slice(0, 7);
    const n = (next.get(m) ?? 0) + 1;
    next.set(m, n);
    return { ...v, number: String(n) };
  });
}

async function sampleBook() {
  const port = await createXlsxWorkbook();
  await port.initialize({ layoutVersion: LAYOUT_VERSION, chartSystem: '2023', village: '示范村', township: '青山镇', fiscalYear: 2025, kind: 'village' }, [...TYPED_TABLES, CONTRACTS]);
  await port.appendRows(SETTINGS, [['村名', '示范村'], ['乡镇', '青山镇'], ['年度', '2025'], ['会计制度', '农村集体经济组织会计制度（财会〔2023〕14号）']]);
  const subs = [...DEFAULT_SUB_ACCOUNTS, ...SAMPLE_SUB_ACCOUNTS];
  if (!subs.some((s) => s.code === '21103')) subs.push({ code: '21103', name: '代收农户流转费' });
  await port.appendRows(ACCOUNTS, encodeAccountRows(subs));
  await port.appendRows(OPENING, encodeOpeningRows(sampleOpening()));
  await port.appendRows(VOUCHERS, encodeVoucherRows(numbered(sampleContractVouchers(2025))));
  await port.appendRows(CONTRACTS, sampleContracts(2025).map(encodeContractRow));
  const written: GeneratedSheet[] = [];
  const replace = port.replaceGeneratedSheets.bind(port);
  port.replaceGeneratedSheets = async (sheets) => {
    written.push(...sheets);
    await replace(sheets);
  };
  return { port, written };
}

describe('buildReports with a 合同 register', () => {
  it('writes the three contract sheets with the register figures', async () => {
    const { port, written } = await sampleBook();
    const r = await buildReports(port, {});
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.sheets).toEqual(expect.arrayContaining(['合同台账', '应收计划', '欠款明细']));
    const ledger = written.find((s) => s.name === '合同台账')!;
    const td = ledger.rows.find((row) => row[0] === 'TD-2024-02')!;
    expect([td[6], td[7], td[8], td[9], td[10]]).toEqual(['执行中', 42000, 42000, 33000, 9000]);
    // The bytes reopen: the file ExcelJS wrote is a workbook with the sheets in it.
    const again = await createXlsxWorkbook(await port.toBytes());
    expect(await again.sheetNames()).toEqual(expect.arrayContaining(['合同', '合同台账', '应收计划', '欠款明细']));
  });
});
