/**
 * 集体经营性收入 by source (DOMAIN.md §3–4): land transfer, cooperative / invested capital, PV
 * station, leasing, other. The operating income is 501 经营收入 + 502 投资收益 of the period;
 * each posted line is given one source, so the sources always sum to the operating income.
 *
 * How a line finds its source, first rule that answers wins:
 * 1. the contract it carries (合同编号) and that contract's kind;
 * 2. the name of its sub-account (e.g. 50101 土地发包收入), by the keywords below;
 * 3. 502 投资收益 is invested capital (cooperative shares) by DOMAIN §4;
 * 4. otherwise 'other'.
 */
import type { Chart } from '../chart/accounts';
import type { ContractKind } from '../income/contract';
import type { Fen } from '../money';
import type { Voucher, YearMonth } from '../ledger/types';

export type SourceKey = ContractKind | 'other';

export const SOURCE_KEYS: readonly SourceKey[] = ['land', 'coop', 'pv', 'lease', 'other'];

export const SOURCE_LABELS: Readonly<Record<SourceKey, { zh: string; en: string }>> = {
  land: { zh: '土地发包及流转', en: 'land contracting and transfer' },
  coop: { zh: '合作社及入股', en: 'cooperative and invested capital' },
  pv: { zh: '光伏电站', en: 'PV station' },
  lease: { zh: '资产租赁', en: 'asset leasing' },
  other: { zh: '其他经营', en: 'other operating' },
};

/** Keywords in a sub-account name, as data: the first source whose keyword the name holds. */
export const SOURCE_KEYWORDS: readonly (readonly [SourceKey, readonly string[]])[] = [
  ['pv', ['光伏', '发电']],
  ['land', ['土地', '发包', '流转', '承包']],
  ['lease', ['租赁', '租金', '出租', '房租']],
  ['coop', ['合作社', '入股', '股金', '分红']],
];

/** 经营收入 and 投资收益: the accounts of 集体经营性收入. */
const OPERATING_ROOTS = ['501', '502'] as const;

export type SourceAmounts = Record<SourceKey, Fen>;

export function emptySources(): SourceAmounts {
  return { land: 0, coop: 0, pv: 0, lease: 0, other: 0 };
}

function sourceOfAccount(chart: Chart, code: string): SourceKey | undefined {
  // Walk from the posted account up to (not including) 501/502: the nearest named sub-account decides.
  for (let c = code; c.length > 3; c = c.slice(0, -2)) {
    const name = chart.get(c)?.name ?? '';
    const hit = SOURCE_KEYWORDS.find(([, words]) => words.some((w) => name.includes(w)));
    if (hit) return hit[0];
  }
  return code.startsWith('502') ? 'coop' : undefined;
}

/**
 * Operating income of from..to by source, in fen (credit − debit, so a reversal nets).
 * `contractKinds` maps 合同编号 to the contract's kind. Generated closing vouchers are left out,
 * as in the income statement.
 */
export function operatingIncomeBySource(input: {
  chart: Chart;
  vouchers: readonly Voucher[];
  from: YearMonth;
  to: YearMonth;
  contractKinds: ReadonlyMap<string, ContractKind>;
}): SourceAmounts {
  const out = emptySources();
  const end = `${input.to}-32`;
  const from = `${input.from}-01`;
  for (const v of input.vouchers) {
    if (v.generated !== undefined || v.date < from || v.date >= end) continue;
    for (const l of v.lines) {
      if (!OPERATING_ROOTS.some((r) => l.account.startsWith(r))) continue;
      const byContract = l.contract !== undefined ? input.contractKinds.get(l.contract) : undefined;
      const key = byContract ?? sourceOfAccount(input.chart, l.account) ?? 'other';
      out[key] += l.credit - l.debit;
    }
  }
  return out;
}
