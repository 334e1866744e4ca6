/**
 * 合同 — the contract register: one typed-in table (sheet 合同, table Contracts) for the four
 * income-source kinds, chosen by the 类型 column. Columns (a row fills the common ones and its kind's):
 *
 * Common   合同编号 · 类型 (土地流转/合作社入股/光伏电站/资产租赁) · 对方单位 · 标的 (地块/资产/合作社/电站)
 *          · 类别 (地类, or 资产类别 厂房/门面/仓库/冷库/大棚/烘房/其他) · 开始日期 · 结束日期
 *          · 收款日 (03-01 | 06-15:50%;10-01:50% | 每月15 | 次年03-31) · 收入科目 (default 501; 502 for 合作社)
 *          · 往来科目 (default 211) · 押金 (风险保障金/押金, a liability) · 期初欠款 (arrears before the books)
 *          · 滞纳金（万分之/日）
 *          · 递增率 · 递增间隔（年） · 递增计年 (合同年度 default: steps on the start date's anniversary;
 *          自然年度: on 1 January) · 备注
 * 土地流转  面积（亩） · 每亩租金 | 每亩斤数 + 粮价（元/斤）("1.18" or "2025:1.18;2026:1.20") · 调价间隔（年）
 *          · 承包期截止 · 代收代付 (是/否) · 每亩服务费 · 参考价（元/亩） (township reference rent)
 * 合作社入股 入股金额 · 保底收益率 · 分红比例 · 分红方式 (取大/保底加分红) · 合作社盈余 (by year)
 * 光伏电站  装机容量（kW） · 等效小时 · 首年衰减 · 年衰减 · 弃光率 · 基础电价 · 补贴电价 · 补贴滞后（月）
 *          · 补贴结算月 (3;9) · 补贴到位率 · 年运维费 · 寿命（年） · 增值税率 · 限定用途比例
 * 资产租赁  面积（平方米） (blank: the rent is for the whole asset) · 月租金（元/平方米） | 年租金 (whole asset)
 *          · 出租率
 *
 * Rates are decimals (0.05) or percentages ("5%"). A bad cell is a finding at its row and
 * column; the row is left out of the schedules, and never silently.
 */
import { finding, type Finding } from '../core/findings';
import { fenToString } from '../core/money';
import { parseContractRow, type ContractRowInput } from '../core/income/contract-schema';
import { CONTRACT_KINDS, ESCALATION_YEARS, LEASE_ASSETS, type Contract } from '../core/income/contract';
import { cellText, isBlank, isBlankRow, issueAt, parseAmountCell, parseDateCell } from './codecs/cells';
import { resolveColumns, wantsOf } from './codecs/columns';
import { columnLetter, DATE_FMT, MONEY_FMT, TEXT_FMT } from './layout';
import type { ColumnSpec, Scalar, TableData, TypedTableSpec } from './port';

const t = (header: string, key: string, width = 12): ColumnSpec => ({ header, key, width, numFmt: TEXT_FMT });
const n = (header: string, key: string, width = 10, numFmt = 'General'): ColumnSpec => ({ header, key, width, numFmt });
const d = (header: string, key: string): ColumnSpec => ({ header, key, width: 12, numFmt: DATE_FMT });
const m = (header: string, key: string): ColumnSpec => ({ header, key, width: 14, numFmt: MONEY_FMT });

export const CONTRACTS = {
  sheet: '合同',
  table: 'Contracts',
  columns: [
    t('合同编号', 'no'),
    { header: '类型', key: 'kind', width: 12, numFmt: TEXT_FMT, validation: { list: CONTRACT_KINDS } },
    t('对方单位', 'counterparty', 20),
    t('标的', 'subject', 18),
    t('类别', 'category', 10),
    d('开始日期', 'start'),
    d('结束日期', 'end'),
    t('收款日', 'paymentDates', 16),
    t('收入科目', 'incomeAccount', 10),
    t('往来科目', 'liabilityAccount', 10),
    m('押金', 'deposit'),
    m('期初欠款', 'openingArrears'),
    n('滞纳金（万分之/日）', 'penaltyRate'),
    n('递增率', 'escalationRate', 8, '0.00%'),
    n('递增间隔（年）', 'escalationEveryYears', 8, '0'),
    { header: '递增计年', key: 'escalationYears', width: 10, numFmt: TEXT_FMT, validation: { list: ESCALATION_YEARS } },
    n('面积（亩）', 'areaMu'),
    n('每亩租金', 'rentPerMu'),
    n('每亩斤数', 'jinPerMu'),
    t('粮价（元/斤）', 'grainPrice', 18),
    n('调价间隔（年）', 'repriceEveryYears', 8, '0'),
    d('承包期截止', 'landTermEnd'),
    { header: '代收代付', key: 'passThrough', width: 8, numFmt: TEXT_FMT, validation: { list: ['是', '否'] } },
    n('每亩服务费', 'serviceFeePerMu'),
    n('参考价（元/亩）', 'referencePrice'),
    m('入股金额', 'capital'),
    n('保底收益率', 'floorRate', 8, '0.00%'),
    n('分红比例', 'shareRate', 8, '0.00%'),
    { header: '分红方式', key: 'dividendMode', width: 10, numFmt: TEXT_FMT, validation: { list: ['取大', '保底加分红'] } },
    t('合作社盈余', 'profit', 18),
    n('装机容量（kW）', 'capacityKw'),
    n('等效小时', 'hours'),
    n('首年衰减', 'firstYearDegradation', 8, '0.00%'),
    n('年衰减', 'annualDegradation', 8, '0.00%'),
    n('弃光率', 'curtailment', 8, '0.00%'),
    n('基础电价', 'baseTariff', 8, '0.0000'),
    n('补贴电价', 'subsidyTariff', 8, '0.0000'),
    n('补贴滞后（月）', 'subsidyLagMonths', 8, '0'),
    t('补贴结算月', 'subsidyBatchMonths', 10),
    n('补贴到位率', 'subsidyPayRatio', 8, '0.00%'),
    m('年运维费', 'omCost'),
    n('寿命（年）', 'lifeYears', 8, '0'),
    n('增值税率', 'vatRate', 8, '0.00%'),
    n('限定用途比例', 'restrictedShare', 8, '0.00%'),
    n('面积（平方米）', 'areaM2'),
    n('月租金（元/平方米）', 'rentPerM2Month'),
    m('年租金', 'annualRent'),
    n('出租率', 'occupancy', 8, '0.00%'),
    t('备注', 'note', 20),
  ],
} as const satisfies TypedTableSpec;

export type ContractColumnKey = (typeof CONTRACTS.columns)[number]['key'];

/** Header label of a column key, for messages. */
export function contractHeader(key: string): string {
  return CONTRACTS.columns.find((c) => c.key === key)?.header ?? key;
}

const DATE_KEYS = new Set(['start', 'end', 'landTermEnd']);
const MONEY_KEYS = new Set(['deposit', 'openingArrears', 'capital', 'annualRent', 'omCost']);

/** 合同 rows → contracts, and a finding for every bad cell (sheet, row, column letter and header). */
export function decodeContracts(table: TableData | undefined): { contracts: Contract[]; findings: Finding[] } {
  if (!table) return { contracts: [], findings: [] };
  const { index, findings } = resolveColumns(table.header, wantsOf(CONTRACTS, ['no', 'kind']), table.sheet, table.firstRow - 1);
  if (findings.length > 0) return { contracts: [], findings };
  const letter = (key: string): string => {
    const i = index[key] ?? -1;
    return i < 0 ? contractHeader(key) : (table.columnLetters[i] ?? columnLetter(i));
  };
  const contracts: Contract[] = [];
  table.rows.forEach((cells, k) => {
    if (isBlankRow(cells)) return;
    const row = table.firstRow + k;
    const input: ContractRowInput = {};
    let bad = false;
    for (const col of CONTRACTS.columns) {
      const i = index[col.key] ?? -1;
      const v = i < 0 ? undefined : cells[i];
      if (isBlank(v)) continue;
      if (DATE_KEYS.has(col.key)) {
        const p = parseDateCell(v, col.header);
        if (p.ok) input[col.key] = p.value;
        else {
          findings.push(issueAt(p.issue, table.sheet, row, letter(col.key)));
          bad = true;
        }
      } else if (MONEY_KEYS.has(col.key)) {
        const p = parseAmountCell(v, col.header);
        if (!p.ok) {
          findings.push(issueAt(p.issue, table.sheet, row, letter(col.key)));
          bad = true;
        } else if (col.key === 'capital' || col.key === 'annualRent') input[col.key] = fenToString(p.value);
        else input[col.key] = p.value;
      } else {
        input[col.key] = cellText(v);
      }
    }
    if (bad) return;
    const r = parseContractRow(input);
    if (!r.ok) {
      // Left to right, as the user reads the row.
      const order = (key: string): number => CONTRACTS.columns.findIndex((c) => c.key === key);
      for (const i of [...r.issues].sort((x, y) => order(x.key) - order(y.key))) {
        findings.push(finding('contract.invalid', 'error', `合同第${row}行：${i.zh}`, `contract row ${row}: ${i.en}`, { sheet: table.sheet, row, column: letter(i.key) }));
      }
      return;
    }
    contracts.push({ ...r.contract, row });
  });
  return { contracts, findings };
}

/** A row object (column key → cell) into a row in CONTRACTS column order, for appendRows / the sample. */
export function encodeContractRow(values: Partial<Record<ContractColumnKey, Scalar>>): Scalar[] {
  return CONTRACTS.columns.map((c) => values[c.key] ?? null);
}

export { LEASE_ASSETS };
