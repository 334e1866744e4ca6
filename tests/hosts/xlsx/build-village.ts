/** The worked-example village book built through the port, as the init/import/report use cases would. */
import { createXlsxWorkbook, type XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { LAYOUT_VERSION, OPENING, SETTINGS, TYPED_TABLES, VOUCHERS, SHEETS, MONEY_FMT, TEXT_FMT } from '../../../src/workbook/layout';
import { chartListSheet, encodeOpeningRows, encodeSettingsRows, encodeVoucherRows } from '../../../src/workbook/codecs';
import type { GeneratedSheet, WorkbookMeta } from '../../../src/workbook/port';
import { buildChart } from '../../../src/core/chart/accounts';
import { EXAMPLE_OPENING, EXAMPLE_VOUCHERS } from '../../support/worked-example';

export const META: WorkbookMeta = { layoutVersion: LAYOUT_VERSION, chartSystem: '2023', village: '示例村', township: '示例镇', fiscalYear: 2025, kind: 'village' };

/** A small trial-balance-like sheet: two title lines, a SUM formula with its cached result, a bold total row. */
export const TRIAL: GeneratedSheet = {
  name: SHEETS.trialBalance,
  title: ['科目余额表', '示例村 2025年 单位：元'],
  columns: [
    { header: '科目编码', key: 'code', numFmt: TEXT_FMT, width: 12 },
    { header: '科目名称', key: 'name', width: 20 },
    { header: '期初借方', key: 'dr', numFmt: MONEY_FMT, width: 16 },
  ],
  // Body starts at row 4 (2 title lines + header).
  rows: [
    ['101', '库存现金', 2000],
    ['102', '银行存款', 180000],
    ['151', '固定资产', 500000],
    ['', '合计', { formula: 'SUM(C4:C6)', result: 682000 }],
  ],
  totalRows: [3],
  table: 'TrialBalance',
};

export async function buildVillage(): Promise<XlsxWorkbook> {
  const wb = await createXlsxWorkbook();
  const { chart } = buildChart();
  await wb.initialize(META, TYPED_TABLES);
  await wb.appendRows(SETTINGS, encodeSettingsRows({ village: '示例村', township: '示例镇', fiscalYear: 2025 }));
  await wb.appendRows(OPENING, encodeOpeningRows(EXAMPLE_OPENING, (c) => chart.get(c)?.name));
  await wb.appendRows(VOUCHERS, encodeVoucherRows(EXAMPLE_VOUCHERS));
  await wb.replaceGeneratedSheets([chartListSheet(chart), TRIAL]);
  return wb;
}
