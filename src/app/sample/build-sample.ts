/**
 * The sample village book (示范村, 青山镇, fiscal year 2025), built through the same use cases a
 * user runs: init → 合同 rows → import opening → import vouchers → close → import distributions →
 * close → reports. The contracts and their receipts come from src/core/income/sample.ts: regular
 * payments, a partial payment (TD-2024-02) and arrears (HZ-2023-02, ZL-2023-01, GF-2019-02). Deterministic: the same seed gives the same workbook content.
 */
import { hasErrors, type Finding } from '../../core/findings';
import { accountBalances } from '../../core/ledger/balances';
import type { Voucher } from '../../core/ledger/types';
import { PROFIT_AND_LOSS_CODES } from '../../core/chart/chart-2023';
import { D, decToFen, type Fen } from '../../core/money';
import { encodeOpeningRows } from '../../workbook/codecs/opening';
import { encodeVoucherRows } from '../../workbook/codecs/vouchers';
import { OPENING, VOUCHERS } from '../../workbook/layout';
import { CONTRACTS, encodeContractRow } from '../../workbook/contracts';
import { sampleContracts, sampleContractVouchers } from '../../core/income/sample';
import type { RunOptions, Scalar, WorkbookPort } from '../../workbook/port';
import { buildReports, type BuildReportsResult } from '../build-reports';
import { closeYear } from '../close-year';
import { importOpening } from '../import-opening';
import { importVouchers } from '../import-vouchers';
import { initVillage } from '../init-village';
import type { ImportSource } from '../import-source';
import { SAMPLE_SUB_ACCOUNTS, sampleOpening } from './sample-accounts';
import { samplePlanRows } from './sample-plan';
import { buildPlan } from '../plan';
import { sampleVouchers } from './sample-vouchers';

export const SAMPLE_YEAR = 2025;
export const SAMPLE_SEED = 20250101;
export const SAMPLE_VILLAGE = { village: '示范村', township: '青山镇' } as const;

/** The sample's data as it is imported (for tests and docs). */
export function sampleData(year = SAMPLE_YEAR, seed = SAMPLE_SEED): { vouchers: Voucher[]; distributions: (net: Fen) => Voucher[] } {
  const cash = sampleOpening().find((o) => o.account === '101')?.debit ?? 0;
  const vouchers = sampleVouchers(year, seed, sampleContractVouchers(year), cash);
  const decNumbers = vouchers.filter((v) => v.date.startsWith(`${year}-12`)).length;
  const distributions = (net: Fen): Voucher[] => {
    const reserve = decToFen(new D(net).times('0.1').div(100));
    // 向成员分配: 40% of net income, rounded down to whole hundreds of yuan.
    const members = new D(net).times('0.4').div(10000).floor().times(10000).toNumber();
    const date = `${year}-12-31`;
    return [
      { date, number: String(decNumbers + 1), summary: '提取公积公益金', lines: [{ account: '3220101', debit: reserve, credit: 0 }, { account: '311', debit: 0, credit: reserve }], attachments: 1, preparer: '李会计' },
      { date, number: String(decNumbers + 2), summary: '向成员分配收益', lines: [{ account: '3220102', debit: members, credit: 0 }, { account: '21101', debit: 0, credit: members }], attachments: 1, preparer: '李会计' },
    ];
  };
  return { vouchers, distributions };
}

/** 净收益 of the vouchers: Σ (credit − debit) over income and expense accounts, closing left out. */
export function netResult(vouchers: readonly Voucher[]): Fen {
  const pl = new Set(PROFIT_AND_LOSS_CODES);
  let net = 0;
  for (const [code, n] of accountBalances({ vouchers, excludeGenerated: true })) if (pl.has(code.slice(0, 3))) net -= n;
  return net;
}

function source(name: string, header: readonly { header: string }[], rows: Scalar[][]): ImportSource {
  return { header: header.map((c) => c.header), rows, where: { source: name, firstRow: 2 } };
}

function must<T extends { ok: boolean; findings: Finding[] }>(step: string, r: T): T {
  if (!r.ok || hasErrors(r.findings)) {
    const first = r.findings.find((f) => f.severity === 'error');
    throw new Error(`sample village: ${step} failed: ${first ? `${first.rule} ${first.en} (${first.sheet ?? ''} ${first.row ?? ''})` : 'not ok'}`);
  }
  return r;
}

/** Fill an empty workbook with the sample village book. Throws on any failure (a bug in the sample). */
export async function buildSampleBook(port: WorkbookPort, run?: RunOptions, year = SAMPLE_YEAR, seed = SAMPLE_SEED): Promise<BuildReportsResult> {
  const { vouchers, distributions } = sampleData(year, seed);
  must('init', await initVillage(port, { ...SAMPLE_VILLAGE, year, subAccounts: SAMPLE_SUB_ACCOUNTS }));
  // 合同: the income-source register (src/core/income/sample.ts) the receipts are tagged with.
  await port.appendRows(CONTRACTS, sampleContracts(year).map((row) => encodeContractRow(row)));
  // 发展规划: the five-year plan, checked against this year's books (sample-plan.ts).
  for (const [spec, rows] of samplePlanRows(year)) await port.appendRows(spec, rows);
  must('opening', await importOpening(port, source('期初余额.csv', OPENING.columns, encodeOpeningRows(sampleOpening()))));
  must('vouchers', await importVouchers(port, source('凭证.csv', VOUCHERS.columns, encodeVoucherRows(vouchers))));
  must('close', await closeYear(port, { year }));
  must('distributions', await importVouchers(port, source('分配.csv', VOUCHERS.columns, encodeVoucherRows(distributions(netResult(vouchers))))));
  must('close again', await closeYear(port, { year }));
  const reports = must('reports', await buildReports(port, run ?? {}));
  must('plan', await buildPlan(port));
  return reports;
}
