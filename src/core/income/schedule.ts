/**
 * What each contract owes and when: due items built from the same formula functions the CUN.*
 * custom functions call (formulas.ts), so a cell formula and a row of 应收计划 agree to the fen.
 *
 * Conventions (documented because they decide the figures):
 * - Schedules run by calendar year. 每N年递增 counts contract years from the start month by
 *   default (递增计年 合同年度: a step year is twelfths at the old and the new rate), or calendar
 *   years (自然年度: the step on 1 January of y0+n) — exactly as `landRent`/`leaseIncome` compute
 *   it with and without a start month. Each month of the year has its weight: its escalation factor.
 * - Every schedule splits one amount, `yearDue`, and its parts sum to it exactly (`allocate`):
 *   a full year is the formula figure; a part year is that figure × the covered share of the
 *   year's weights — by days for yearly instalments (annual × days / 365 or 366 without a step),
 *   by months for monthly payment (a full month one twelfth, a partial month its days / days in
 *   the month) — rounded once to the fen. No fen can go to a month the contract does not cover.
 * - Yearly instalments fall on their month-day, moved into the contract (never before the start
 *   or after the end); "次年" instalments fall in the following year, unmoved.
 * - PV: operating year n = calendar year − commissioning year + 1 (the commissioning year is year
 *   1, prorated by days in service). Generation is spread over the year's days (leap Februaries
 *   get 29/366). The base tariff of month m is due on the payment day of month m+1; the subsidy
 *   of month m falls due at the end of the first batch month on or after m + lag months, times
 *   the pay ratio.
 */
import type Decimal from 'decimal.js';
import { D, allocate, decToFen, moneyToFen, type Fen } from '../money';
import { finding, type Finding } from '../findings';
import type { IsoDate, YearMonth } from '../ledger/types';
import { coopDividend, grainRent, landRent, leaseIncome, monthlyEscalationFactors, pvIncome, pvYield, type EscalationArgs } from './formulas';
import { valueForYear, type Contract, type PvContract } from './contract';
import { addDays, addMonths, daysInMonth, daysInYear, isoOf, maxDate, minDate, monthEnd, overlapDays, yearOf } from '../calendar';

export type DueComponent = 'rent' | 'dividend' | 'base' | 'subsidy' | 'opening';

/** One amount falling due. `amount` is what the counterparty pays; `income` the collective's part of it. */
export interface DueItem {
  contract: string;
  component: DueComponent;
  /** Calendar year the amount is earned in. */
  year: number;
  /** Month the amount is earned in, for monthly items. */
  month?: YearMonth;
  dueDate: IsoDate;
  amount: Fen;
  /** Collective income; the rest (amount − income) is pass-through to households (代收代付). */
  income: Fen;
}

/** A full year's amounts for a contract (before proration), from the formula functions. */
export interface YearAmount {
  /** What the counterparty owes for the year (PV: base + subsidy). */
  gross: Fen;
  income: Fen;
  /** PV only. */
  base?: Fen;
  subsidy?: Fen;
  kwh?: Decimal;
}

const fenOf = (m: Decimal): Fen => moneyToFen(m);
/** A decimal number of fen rounded half up to a whole fen. */
const wholeFen = (x: Decimal): Fen => x.toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();

/** The escalation arguments of a contract's year, in the contract's own way of counting years. */
function escalation(c: Contract, year: number): EscalationArgs {
  return {
    startYear: yearOf(c.start),
    year,
    ...(c.escalationYears === 'contract' && { startMonth: Number(c.start.slice(5, 7)) }),
    ...(c.escalationRate !== undefined && { escalationRate: c.escalationRate }),
    ...(c.escalationEveryYears !== undefined && { escalationEveryYears: c.escalationEveryYears }),
  };
}

/** Month weights of a year: the escalation factor of each month for cash land rent and leases, else 1. */
function monthWeights(c: Contract, year: number): Decimal[] {
  const escalates = (c.kind === 'land' && c.rentPerMu !== undefined) || c.kind === 'lease';
  return escalates ? monthlyEscalationFactors(escalation(c, year)) : new Array<Decimal>(12).fill(new D(1));
}

/** The PV operating year of a calendar year (1 = the commissioning year). */
export function pvOperatingYear(c: PvContract, year: number): number {
  return year - yearOf(c.start) + 1;
}

/**
 * The year's full amount, or a finding when an input for that year is missing (grain price).
 * Returns undefined for a year outside the contract (or past a PV station's life).
 */
export function yearAmount(c: Contract, year: number): { amount?: YearAmount; finding?: Finding } {
  const startYear = yearOf(c.start);
  if (year < startYear || year > yearOf(c.end)) return {};
  switch (c.kind) {
    case 'land': {
      let gross: Fen;
      if (c.rentPerMu !== undefined) {
        gross = fenOf(landRent({ areaMu: c.areaMu, rentPerMu: c.rentPerMu, ...escalation(c, year) }));
      } else {
        const n = c.repriceEveryYears ?? 1;
        const priceYear = startYear + Math.floor((year - startYear) / n) * n;
        const price = valueForYear(c.grainPrice, priceYear);
        if (price === undefined) {
          return {
            finding: finding('contract.grain-price-missing', 'warning', `合同${c.no}缺少${priceYear}年粮价，该年租金无法计算`, `contract ${c.no}: no grain price for ${priceYear}; that year's rent cannot be computed`, c.row !== undefined ? { sheet: '合同', row: c.row, column: '粮价（元/斤）' } : {}),
          };
        }
        gross = fenOf(grainRent({ areaMu: c.areaMu, jinPerMu: c.jinPerMu ?? 0, pricePerJin: price }));
      }
      const income = c.passThrough ? Math.min(gross, decToFen(c.areaMu.times(c.serviceFeePerMu ?? 0))) : gross;
      return { amount: { gross, income } };
    }
    case 'coop': {
      const profit = valueForYear(c.profit, year) ?? new D(0);
      const gross = fenOf(coopDividend({ capital: c.capital, floorRate: c.floorRate, shareRate: c.shareRate, profit, mode: c.mode }));
      return { amount: { gross, income: gross } };
    }
    case 'lease': {
      const gross = fenOf(leaseIncome({ areaM2: c.areaM2 ?? 1, rentPerM2Month: c.rentPerM2Month, occupancy: c.occupancy, ...escalation(c, year) }));
      return { amount: { gross, income: gross } };
    }
    case 'pv': {
      const n = pvOperatingYear(c, year);
      if (n > c.lifeYears) return {};
      const kwh = pvYield({ capacityKw: c.capacityKw, hours: c.hours, year: n, firstYearDegradation: c.firstYearDegradation, annualDegradation: c.annualDegradation, curtailment: c.curtailment });
      const base = fenOf(pvIncome({ kwh, tariff: c.baseTariff, vatRate: c.vatRate }));
      const subsidy = decToFen(pvIncome({ kwh, tariff: c.subsidyTariff, vatRate: c.vatRate }).times(c.subsidyPayRatio));
      return { amount: { gross: base + subsidy, income: base + subsidy, base, subsidy, kwh } };
    }
  }
}

/** Scales `fen` by days/total, half up to the fen; the whole when days = total. */
function prorate(fen: Fen, days: number, total: number): Fen {
  return days === total ? fen : wholeFen(new D(fen).times(days).div(total));
}

/** Days the contract covers in each month of a year (the weights of byMonthDays). */
function coveredDays(c: Contract, year: number): number[] {
  const weights: number[] = [];
  const whole = coversYear(c, year);
  for (let m = 1; m <= 12; m++) weights.push(whole ? daysInMonth(year, m) : overlapDays(c.start, c.end, isoOf(year, m, 1), isoOf(year, m, daysInMonth(year, m))));
  return weights;
}

/** Whether the contract runs the whole calendar year (then every month is covered in full). */
function coversYear(c: Contract, year: number): boolean {
  return c.start <= isoOf(year, 1, 1) && c.end >= isoOf(year, 12, 31);
}

/** Splits a year's (already prorated) amount by month, weighted by days covered in each month. */
function byMonthDays(fen: Fen, weights: readonly number[]): { month: number; fen: Fen }[] {
  if (weights.every((w) => w === 0)) return [];
  return allocate(fen, weights).map((f, i) => ({ month: i + 1, fen: f })).filter((_, i) => (weights[i] ?? 0) > 0);
}

/** One month of a year as the contract covers it. */
interface MonthShare {
  month: number;
  /** The month's escalation weight. */
  weight: Decimal;
  covered: number;
  days: number;
}

function monthShares(c: Contract, year: number): MonthShare[] {
  const weights = monthWeights(c, year);
  const whole = coversYear(c, year);
  const out: MonthShare[] = [];
  for (let m = 1; m <= 12; m++) {
    const days = daysInMonth(year, m);
    out.push({ month: m, weight: weights[m - 1] ?? new D(1), covered: whole ? days : overlapDays(c.start, c.end, isoOf(year, m, 1), isoOf(year, m, days)), days });
  }
  return out;
}

/** Σ weight × part over the months; part = covered days, days, or the covered fraction of the month. */
const weighted = (ms: readonly MonthShare[], part: (s: MonthShare) => Decimal.Value): Decimal => ms.reduce((t, s) => t.plus(s.weight.times(part(s))), new D(0));
const monthFraction = (s: MonthShare): Decimal => new D(s.covered).div(s.days);

/** What the schedule of a year splits, given the year's full amount (see the conventions above). */
function dueOfYear(c: Contract, year: number, gross: Fen): Fen {
  const ms = monthShares(c, year);
  if (ms.every((s) => s.covered === s.days)) return gross;
  const share = c.payment.kind === 'monthly'
    ? weighted(ms, monthFraction).div(weighted(ms, () => 1))
    : weighted(ms, (s) => s.covered).div(weighted(ms, (s) => s.days));
  return wholeFen(new D(gross).times(share));
}

/**
 * The amount a contract's schedule splits for a calendar year (what its items of that year sum
 * to), or undefined when the year has no amount. PV stations split their base and subsidy apart.
 */
export function yearDue(c: Contract, year: number): Fen | undefined {
  const a = yearAmount(c, year).amount;
  if (!a) return undefined;
  if (c.kind === 'pv') {
    const inService = overlapDays(c.start, c.end, isoOf(year, 1, 1), isoOf(year, 12, 31));
    return prorate(a.base ?? 0, inService, daysInYear(year)) + prorate(a.subsidy ?? 0, inService, daysInYear(year));
  }
  return dueOfYear(c, year, a.gross);
}

/** Monthly amounts: the year's due split over the covered months by weight × covered fraction. */
function byMonthShares(gross: Fen, c: Contract, year: number): { month: number; fen: Fen }[] {
  const ms = monthShares(c, year).filter((s) => s.covered > 0);
  if (ms.length === 0) return [];
  const parts = allocate(dueOfYear(c, year, gross), ms.map((s) => s.weight.times(monthFraction(s))));
  return ms.map((s, i) => ({ month: s.month, fen: parts[i] ?? 0 }));
}

const ym = (y: number, m: number): YearMonth => `${y}-${String(m).padStart(2, '0')}`;

function dayIn(y: number, m: number, day: number): IsoDate {
  return isoOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The income share of an amount (pass-through contracts keep only the fee). */
function incomePart(amount: Fen, a: YearAmount): Fen {
  if (a.income === a.gross || a.gross === 0) return a.income === a.gross ? amount : 0;
  return wholeFen(new D(amount).times(a.income).div(a.gross));
}

function pvItems(c: PvContract, year: number, a: YearAmount): DueItem[] {
  const diy = daysInYear(year);
  const inService = overlapDays(c.start, c.end, isoOf(year, 1, 1), isoOf(year, 12, 31));
  const out: DueItem[] = [];
  const days = coveredDays(c, year);
  const base = byMonthDays(prorate(a.base ?? 0, inService, diy), days);
  const payDay = c.payment.kind === 'monthly' ? c.payment.day : 20; // the schema requires monthly for PV
  for (const { month, fen } of base) {
    const next = addMonths(ym(year, month), 1);
    out.push({ contract: c.no, component: 'base', year, month: ym(year, month), dueDate: dayIn(Number(next.slice(0, 4)), Number(next.slice(5, 7)), payDay), amount: fen, income: fen });
  }
  const batches = new Map<YearMonth, Fen>();
  for (const { month, fen } of byMonthDays(prorate(a.subsidy ?? 0, inService, diy), days)) {
    let due = addMonths(ym(year, month), c.subsidyLagMonths);
    while (!c.subsidyBatchMonths.includes(Number(due.slice(5, 7)))) due = addMonths(due, 1);
    batches.set(due, (batches.get(due) ?? 0) + fen);
  }
  for (const [due, fen] of batches) {
    if (fen > 0) out.push({ contract: c.no, component: 'subsidy', year, dueDate: monthEnd(due), amount: fen, income: fen });
  }
  return out;
}

/** Every due item of a contract for the calendar years it covers up to `untilYear`, with findings. */
export function contractDueItems(c: Contract, untilYear: number): { items: DueItem[]; findings: Finding[] } {
  const items: DueItem[] = [];
  const findings: Finding[] = [];
  const component: DueComponent = c.kind === 'coop' ? 'dividend' : 'rent';
  for (let year = yearOf(c.start); year <= Math.min(yearOf(c.end), untilYear); year++) {
    const r = yearAmount(c, year);
    if (r.finding) findings.push(r.finding);
    const a = r.amount;
    if (!a) continue;
    if (c.kind === 'pv') {
      items.push(...pvItems(c, year, a));
      continue;
    }
    if (c.payment.kind === 'monthly') {
      for (const { month, fen } of byMonthShares(a.gross, c, year)) {
        const due = maxDate(c.start, minDate(c.end, dayIn(year, month, c.payment.day)));
        items.push({ contract: c.no, component, year, month: ym(year, month), dueDate: due, amount: fen, income: incomePart(fen, a) });
      }
      continue;
    }
    const parts = allocate(dueOfYear(c, year, a.gross), c.payment.instalments.map((i) => i.share));
    c.payment.instalments.forEach((inst, k) => {
      const fen = parts[k] ?? 0;
      const nominal = dayIn(inst.nextYear ? year + 1 : year, inst.month, inst.day);
      const due = inst.nextYear ? nominal : maxDate(c.start, minDate(c.end, nominal));
      if (fen !== 0) items.push({ contract: c.no, component, year, dueDate: due, amount: fen, income: incomePart(fen, a) });
    });
  }
  items.sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0));
  return { items, findings };
}

/** Σ amount of items due within [from, to] (ISO dates, inclusive). */
export function dueBetween(items: readonly DueItem[], from: IsoDate, to: IsoDate): Fen {
  let t = 0;
  for (const i of items) if (i.dueDate >= from && i.dueDate <= to) t += i.amount;
  return t;
}

/**
 * The items the books account for: items due before `booksFrom` (the first day of the ledger we
 * hold) are taken as settled, except the contract's 期初欠款, which becomes one item due the day
 * before the books start.
 */
export function itemsFromBooks(c: Contract, items: readonly DueItem[], booksFrom: IsoDate): DueItem[] {
  const kept = items.filter((i) => i.dueDate >= booksFrom);
  if (c.openingArrears <= 0) return kept;
  const dueDate = addDays(booksFrom, -1);
  const opening: DueItem = { contract: c.no, component: 'opening', year: yearOf(dueDate), dueDate, amount: c.openingArrears, income: c.openingArrears };
  return [opening, ...kept];
}
