/**
 * The contract register's domain model: one Contract per row of the typed-in 合同 table, a
 * union over the four income-source kinds (DOMAIN.md §4). Money is integer fen; rates and
 * quantities are Decimals. Parsing and the kind-specific rules live in contract-schema.ts.
 */
import type Decimal from 'decimal.js';
import type { Fen } from '../money';
import type { IsoDate } from '../ledger/types';

/** 类型 — the four income-source kinds, as typed in the 类型 column. */
export const CONTRACT_KINDS = ['土地流转', '合作社入股', '光伏电站', '资产租赁'] as const;
export type ContractKindZh = (typeof CONTRACT_KINDS)[number];
export type ContractKind = 'land' | 'coop' | 'pv' | 'lease';
export const KIND_OF_ZH: Readonly<Record<ContractKindZh, ContractKind>> = {
  土地流转: 'land',
  合作社入股: 'coop',
  光伏电站: 'pv',
  资产租赁: 'lease',
};
export const ZH_OF_KIND: Readonly<Record<ContractKind, ContractKindZh>> = {
  land: '土地流转',
  coop: '合作社入股',
  pv: '光伏电站',
  lease: '资产租赁',
};

/** 递增计年 — the values of the column: contract years (default) or calendar years. */
export const ESCALATION_YEARS = ['合同年度', '自然年度'] as const;

/** 资产类别 — leased asset classes: 厂房, 门面, 仓库, 冷库, 大棚, 烘房, 其他. */
export const LEASE_ASSETS = ['厂房', '门面', '仓库', '冷库', '大棚', '烘房', '其他'] as const;

/**
 * 收款日 — when money is due.
 * - monthly: on `day` of each month (PV: the base tariff of month m is paid on `day` of month m+1).
 * - annual: one or more instalments a year on month-day, with shares summing to 1;
 *   `nextYear` (typed as 次年MM-DD) means the year's amount falls due in the following year.
 */
export type PaymentRule =
  | { kind: 'monthly'; day: number }
  | { kind: 'annual'; instalments: { month: number; day: number; share: Decimal; nextYear: boolean }[] };

/** A value that may differ by year (粮价, 合作社盈余): typed "1.18" or "2025:1.18;2026:1.20". */
export interface YearValues {
  /** Applies to every year not listed. */
  all?: Decimal;
  byYear: ReadonlyMap<number, Decimal>;
}

interface ContractCommon {
  no: string;
  counterparty: string;
  /** 标的 — parcel(s), asset, cooperative or station. */
  subject: string;
  /** 类别 — 地类 (parcel class) for land, 资产类别 for leases. */
  category?: string;
  start: IsoDate;
  end: IsoDate;
  payment: PaymentRule;
  /** 收入科目 — where the income books; defaults to 501 (502 for coop). */
  incomeAccount: string;
  /** 往来科目 — liability account for deposits and pass-through rent (211 应付款 or a sub-account). */
  liabilityAccount: string;
  /** 押金 / 风险保障金 — a liability, never income. */
  deposit: Fen;
  /** 滞纳金 — late penalty, 万分之k of the annual amount per day late. */
  penaltyPerTenThousand?: Decimal;
  escalationRate?: Decimal;
  escalationEveryYears?: number;
  /**
   * 递增计年 — how 每N年递增 counts years: 'contract' (default, 合同年度: from the start date, so a
   * contract from 2024-09-01 stepping every 2 years steps on 2026-09-01) or 'calendar' (自然年度:
   * on 1 January of y0+n).
   */
  escalationYears: 'contract' | 'calendar';
  /** 期初欠款 — arrears carried in from before the books start (due the day before). */
  openingArrears: Fen;
  note?: string;
  /** Worksheet row, for findings. */
  row?: number;
}

export interface LandContract extends ContractCommon {
  kind: 'land';
  areaMu: Decimal;
  /** Cash rent per mu per year (r0); exclusive with grain rent. */
  rentPerMu?: Decimal;
  /** Grain rent: jin per mu per year, priced at the year's grain price. */
  jinPerMu?: Decimal;
  grainPrice?: YearValues;
  /** Grain rent re-priced every n years: the price of the reset year applies until the next reset. */
  repriceEveryYears?: number;
  /** 承包期截止 — end of the remaining household contract term; the transfer may not pass it. */
  landTermEnd?: IsoDate;
  /** 代收代付 — the village collects for households: only the service fee is collective income. */
  passThrough: boolean;
  serviceFeePerMu?: Decimal;
  /** 参考价 — the township's reference rent for the parcel class, yuan per mu per year. */
  referencePricePerMu?: Decimal;
}

export interface CoopContract extends ContractCommon {
  kind: 'coop';
  capital: Decimal;
  floorRate: Decimal;
  shareRate: Decimal;
  mode: 'max' | 'plus';
  /** 合作社可分配盈余 by year; a year without a figure pays the guaranteed floor only. */
  profit: YearValues;
}

export interface PvContract extends ContractCommon {
  kind: 'pv';
  capacityKw: Decimal;
  hours: Decimal;
  firstYearDegradation: Decimal;
  annualDegradation: Decimal;
  curtailment: Decimal;
  /** 基础电价 — coal benchmark part, paid monthly by the grid (incl. VAT). */
  baseTariff: Decimal;
  /** 补贴电价 — renewable subsidy part, paid late in batches (incl. VAT). */
  subsidyTariff: Decimal;
  subsidyLagMonths: number;
  /** Months of the year (1..12) in which subsidy batches are paid. */
  subsidyBatchMonths: number[];
  subsidyPayRatio: Decimal;
  /** 年运维费 — yearly O&M cost (a cost, 511), used for the net-income use check. */
  omCost: Fen;
  lifeYears: number;
  vatRate: Decimal;
  /** 限定用途比例 — share of net PV income restricted to 公益岗位 / small public works / awards. */
  restrictedShare: Decimal;
}

export interface LeaseContract extends ContractCommon {
  kind: 'lease';
  /** Blank area: the monthly rent is for the whole asset. */
  areaM2?: Decimal;
  rentPerM2Month: Decimal;
  occupancy: Decimal;
}

export type Contract = LandContract | CoopContract | PvContract | LeaseContract;

/** The year's value of a YearValues, or undefined when neither the year nor a default is given. */
export function valueForYear(v: YearValues | undefined, year: number): Decimal | undefined {
  if (!v) return undefined;
  return v.byYear.get(year) ?? v.all;
}
