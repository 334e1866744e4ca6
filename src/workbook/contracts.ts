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
import { LEASE_ASSETS, type Contract } from '../core/income/contract';
import { cellText, isBlank, isBlankRow, issueAt, parseAmountCell, parseDateCell } from './codecs/cells';
import { resolveColumns, wantsOf } from './codecs/columns';
import { CONTRACTS } from './contracts-layout';
import { columnLetter } from './layout';
import type { Scalar, TableData } from './port';

export { CONTRACTS };

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
