/**
 * The income-source formulas (DOMAIN.md §4). These small pure functions are the single engine:
 * the CUN.* custom functions call them directly and the contract register's schedules
 * (schedule.ts) call them too, so a formula in a cell and a row of 应收计划 agree to the fen.
 *
 * All arithmetic is decimal.js (`D`), rounded once at the end: money to the fen with
 * ROUND_HALF_UP, kWh to 2 decimals with ROUND_HALF_UP. Bad arguments throw IncomeArgumentError
 * (a misuse channel: the custom-function layer maps it to #VALUE! / #NUM!).
 */
import type Decimal from 'decimal.js';
import { D, roundFen, type Money } from '../money';
import { ArgumentError } from '../errors';

/** A decimal input: string, number or Decimal. */
export type Dec = Decimal.Value;

/** A bad argument: 'value' = wrong type or missing, 'num' = out of range. */
export class IncomeArgumentError extends ArgumentError {}

/** Parses a decimal argument; throws 'value' for non-numbers, 'num' for out-of-range values. */
function dec(v: Dec | undefined, name: string, zhName: string, opts: { min?: Dec; max?: Dec; minExclusive?: boolean } = {}): Decimal {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    throw new IncomeArgumentError(`缺少参数：${zhName}`, `missing argument: ${name}`, 'value');
  }
  let x: Decimal;
  try {
    x = new D(typeof v === 'string' ? v.trim() : v);
  } catch {
    throw new IncomeArgumentError(`参数不是数字：${zhName}`, `not a number: ${name}`, 'value');
  }
  if (!x.isFinite()) throw new IncomeArgumentError(`参数不是有限数：${zhName}`, `not a finite number: ${name}`, 'value');
  if (opts.min !== undefined) {
    const min = new D(opts.min);
    if (opts.minExclusive ? x.lte(min) : x.lt(min)) {
      const rel = opts.minExclusive ? '大于' : '不小于';
      throw new IncomeArgumentError(`${zhName}必须${rel}${min.toString()}`, `${name} must be ${opts.minExclusive ? '>' : '>='} ${min.toString()}`, 'num');
    }
  }
  if (opts.max !== undefined && x.gt(opts.max)) {
    throw new IncomeArgumentError(`${zhName}不能大于${new D(opts.max).toString()}`, `${name} must be <= ${new D(opts.max).toString()}`, 'num');
  }
  return x;
}

/** Parses an integer argument (a year, a count of years or months). */
function int(v: number | undefined, name: string, zhName: string, min: number, max: number): number {
  if (v === undefined || v === null) throw new IncomeArgumentError(`缺少参数：${zhName}`, `missing argument: ${name}`, 'value');
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new IncomeArgumentError(`参数不是数字：${zhName}`, `not a number: ${name}`, 'value');
  }
  if (!Number.isInteger(v)) throw new IncomeArgumentError(`${zhName}必须是整数`, `${name} must be an integer`, 'num');
  if (v < min || v > max) {
    throw new IncomeArgumentError(`${zhName}必须在${min}到${max}之间`, `${name} must be between ${min} and ${max}`, 'num');
  }
  return v;
}

/** What the escalation of a year depends on; `startMonth` switches to contract years (see monthlyEscalationFactors). */
export interface EscalationArgs {
  startYear: number;
  year: number;
  escalationRate?: Dec;
  escalationEveryYears?: number;
  /** 1..12: count years from this month of the start year (contract years); absent: calendar years. */
  startMonth?: number;
}

/**
 * The escalation factor of each month of `year`: (1+g)^floor(k/n), k the whole years elapsed.
 * Calendar years (no start month): k = year − y0 for every month, so a step falls on 1 January.
 * Contract years (start month m0): k counts from the start month, so a rent that steps every 2
 * years from 2024-09 steps in 2026-09 — 2026 has 8 months at the old rate and 4 at the new one.
 * A month before the start (in the start year) takes the first rate. With no rate the factors are 1.
 * y < y0 is an error: rent before the contract starts is meaningless.
 */
export function monthlyEscalationFactors(a: EscalationArgs): Decimal[] {
  const y0 = int(a.startYear, 'startYear', '起始年度', 1900, 2200);
  const y = int(a.year, 'year', '年度', 1900, 2200);
  if (y < y0) throw new IncomeArgumentError('年度早于起始年度', 'year is before startYear', 'num');
  const g = a.escalationRate === undefined ? new D(0) : dec(a.escalationRate, 'escalationRate', '递增率', { min: -0.99, max: 10 });
  const n = a.escalationEveryYears === undefined ? 1 : int(a.escalationEveryYears, 'escalationEveryYears', '递增间隔年数', 1, 100);
  const m0 = a.startMonth === undefined ? undefined : int(a.startMonth, 'startMonth', '起始月份', 1, 12);
  const out: Decimal[] = [];
  // A year has at most two distinct steps: each power is computed once (schedules ask often).
  const base = new D(1).plus(g);
  const powers = new Map<number, Decimal>();
  for (let m = 1; m <= 12; m++) {
    const months = m0 === undefined ? (y - y0) * 12 : Math.max(0, (y - y0) * 12 + m - m0);
    const k = Math.floor(months / (12 * n));
    let f = powers.get(k);
    if (f === undefined) {
      f = base.pow(k);
      powers.set(k, f);
    }
    out.push(f);
  }
  return out;
}

/**
 * The escalation factor of a year: the mean of its twelve monthly factors, (1+g)^floor((y−y0)/n)
 * in calendar years; in contract years a step year blends the old and new rates by months.
 */
export function escalationFactor(a: EscalationArgs): Decimal {
  const f = monthlyEscalationFactors(a);
  // Calendar years: the twelve factors are one factor (kept exact, not averaged).
  if (a.startMonth === undefined) return f[0] ?? new D(1);
  return f.reduce((t, x) => t.plus(x), new D(0)).div(12);
}

/**
 * 土地流转租金 — cash land rent for year `year`: area × r0 × (1+g)^floor((y−y0)/n); with a start
 * month, years are contract years and a step year is 12ths at the old and new rates.
 * @example landRent({ areaMu: 100, rentPerMu: 800, startYear: 2023, year: 2026, escalationRate: 0.05, escalationEveryYears: 3 }) // 84000.00
 */
export function landRent(a: { areaMu: Dec; rentPerMu: Dec } & EscalationArgs): Money {
  const area = dec(a.areaMu, 'areaMu', '面积（亩）', { min: 0 });
  const r0 = dec(a.rentPerMu, 'rentPerMu', '每亩租金', { min: 0 });
  return roundFen(area.times(r0).times(escalationFactor(a)));
}

/**
 * 实物折价租金 — grain-indexed rent: area × jin per mu × price per jin (the year's market or
 * minimum purchase price; the caller picks the price for the reference date).
 * @example grainRent({ areaMu: 50, jinPerMu: 500, pricePerJin: 1.18 }) // 29500.00
 */
export function grainRent(a: { areaMu: Dec; jinPerMu: Dec; pricePerJin: Dec }): Money {
  const area = dec(a.areaMu, 'areaMu', '面积（亩）', { min: 0 });
  const jin = dec(a.jinPerMu, 'jinPerMu', '每亩斤数', { min: 0 });
  const price = dec(a.pricePerJin, 'pricePerJin', '每斤价格', { min: 0 });
  return roundFen(area.times(jin).times(price));
}

/**
 * 光伏发电量 — PV generation in operating year `year` (1..60), in kWh:
 * kWh(1) = kW × H × (1−d1) × (1−c); kWh(n) = kWh(1) × (1−da)^(n−1).
 * The result is rounded once to 2 decimals, ROUND_HALF_UP (meters read to 0.01 kWh).
 * @example pvYield({ capacityKw: 100, hours: 1200, year: 2, firstYearDegradation: 0.02, annualDegradation: 0.005 }) // 117012.00
 */
export function pvYield(a: { capacityKw: Dec; hours: Dec; year: number; firstYearDegradation?: Dec; annualDegradation?: Dec; curtailment?: Dec }): Decimal {
  const kw = dec(a.capacityKw, 'capacityKw', '装机容量（kW）', { min: 0 });
  const h = dec(a.hours, 'hours', '等效利用小时数', { min: 0, max: 8760 });
  const n = int(a.year, 'year', '运行年度', 1, 60);
  const d1 = a.firstYearDegradation === undefined ? new D(0) : dec(a.firstYearDegradation, 'firstYearDegradation', '首年衰减率', { min: 0, max: 1 });
  const da = a.annualDegradation === undefined ? new D(0) : dec(a.annualDegradation, 'annualDegradation', '年衰减率', { min: 0, max: 1 });
  const c = a.curtailment === undefined ? new D(0) : dec(a.curtailment, 'curtailment', '弃光率', { min: 0, max: 1 });
  const first = kw.times(h).times(new D(1).minus(d1)).times(new D(1).minus(c));
  return first.times(new D(1).minus(da).pow(n - 1)).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/**
 * 光伏电费收入 — revenue excluding VAT: kWh × tariff / (1 + vat), default vat 13%.
 * @example pvIncome({ kwh: 118000, tariff: 0.3779 }) // 39462.12
 */
export function pvIncome(a: { kwh: Dec; tariff: Dec; vatRate?: Dec }): Money {
  const kwh = dec(a.kwh, 'kwh', '发电量（kWh）', { min: 0 });
  const tariff = dec(a.tariff, 'tariff', '电价', { min: 0 });
  const vat = a.vatRate === undefined ? new D('0.13') : dec(a.vatRate, 'vatRate', '增值税率', { min: 0, max: 1 });
  return roundFen(kwh.times(tariff).div(new D(1).plus(vat)));
}

/**
 * 入股分红 — cooperative dividend for one year.
 * 'max' (default): max(floor × capital, share × profit) — 保底 or 按股分红, whichever is larger.
 * 'plus': floor × capital + share × max(0, profit − floor × capital) — 保底 plus 二次分红 on the rest.
 * @example coopDividend({ capital: 500000, floorRate: 0.06, shareRate: 0.1, profit: 200000, mode: 'plus' }) // 47000.00
 */
export function coopDividend(a: { capital: Dec; floorRate: Dec; shareRate: Dec; profit: Dec; mode?: 'max' | 'plus' }): Money {
  const capital = dec(a.capital, 'capital', '入股金额', { min: 0 });
  const floor = dec(a.floorRate, 'floorRate', '保底收益率', { min: 0, max: 1 });
  const share = dec(a.shareRate, 'shareRate', '分红比例', { min: 0, max: 1 });
  // A loss year is allowed (profit < 0): the guaranteed floor still applies.
  const profit = dec(a.profit, 'profit', '合作社可分配盈余', {});
  const mode = a.mode ?? 'max';
  if (mode !== 'max' && mode !== 'plus') throw new IncomeArgumentError('分红方式必须是 max 或 plus', "mode must be 'max' or 'plus'", 'value');
  const guaranteed = floor.times(capital);
  if (mode === 'max') return roundFen(D.max(guaranteed, share.times(profit)));
  return roundFen(guaranteed.plus(share.times(D.max(0, profit.minus(guaranteed)))));
}

/**
 * 资产租赁收入 — lease income for year `year`:
 * area × r (per m² per month) × months (default 12) × occupancy (default 1) × (1+g)^floor((y−y0)/n);
 * with a start month the escalation is that of contract years (the year's mean monthly factor).
 * @example leaseIncome({ areaM2: 500, rentPerM2Month: 4, startYear: 2024, year: 2025, occupancy: 0.9 }) // 21600.00
 */
export function leaseIncome(
  a: {
    areaM2: Dec;
    rentPerM2Month: Dec;
    occupancy?: Dec;
    months?: number;
  } & EscalationArgs,
): Money {
  const area = dec(a.areaM2, 'areaM2', '面积（平方米）', { min: 0 });
  const r = dec(a.rentPerM2Month, 'rentPerM2Month', '每平方米月租金', { min: 0 });
  const months = a.months === undefined ? 12 : int(a.months, 'months', '月数', 0, 12);
  const occ = a.occupancy === undefined ? new D(1) : dec(a.occupancy, 'occupancy', '出租率', { min: 0, max: 1 });
  return roundFen(area.times(r).times(months).times(occ).times(escalationFactor(a)));
}
