/** 科目表: the full chart as a generated sheet; account-code columns validate against its column A. */
import type { Chart } from '../../core/chart/accounts';
import type { GeneratedSheet } from '../port';
import { CHART_LIST_SHEET, CHART_LIST_TITLE_LINES, TEXT_FMT } from '../layout';

const CATEGORY_ZH = { asset: '资产类', liability: '负债类', equity: '所有者权益类', cost: '成本类', income: '损益类', expense: '损益类' } as const;

/** One row per account in chart order: 科目编码, 科目名称, 级次, 类别, 余额方向. */
export function chartListSheet(chart: Chart): GeneratedSheet {
  const title = ['科目表（农村集体经济组织会计制度 2023）'];
  if (title.length !== CHART_LIST_TITLE_LINES) throw new Error('科目表 title lines must match ACCOUNT_CODE_RANGE');
  return {
    name: CHART_LIST_SHEET,
    title,
    columns: [
      { header: '科目编码', key: 'code', width: 12, numFmt: TEXT_FMT },
      { header: '科目名称', key: 'name', width: 28 },
      { header: '级次', key: 'level', width: 6 },
      { header: '类别', key: 'category', width: 14 },
      { header: '余额方向', key: 'side', width: 10 },
    ],
    rows: chart.order.map((code) => {
      const a = chart.get(code);
      return [code, a?.name ?? '', a?.level ?? 1, a ? CATEGORY_ZH[a.category] : '', a?.normalSide === 'credit' ? '贷' : '借'];
    }),
    table: 'ChartList',
  };
}
