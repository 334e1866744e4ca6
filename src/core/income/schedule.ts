/**
 * What each contract owes and when: due items built from the same formula functions the CUN.*
 * custom functions call (formulas.ts), so a cell formula and a row of 应收计划 agree to the fen.
 *
 * Conventions (documented because they decide the figures):
 * - Years are calendar years. Escalation steps on 1 January of y0+n, y0 = the start date's year,
 *   exactly as `landRent`/`leaseIncome` compute it.
 * - A calendar year the contract only partly covers is prorated by days: annual × days / 365
 *   (366 in leap years), rounded to the fen.
 * - Monthly payment: a full month is one twelfth of the year's amount, split with `allocate` so
 *   the twelve months sum to the annual figure exactly; a partial month is that month's twelfth
 *   × days covered / days in the month.
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
import { coopDividend, grainRent, landRent, leaseIncome, pvIncome, pvYield } from './formulas';
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

function escalation(c: Contract): { escalationRate?: Decimal; escalationEveryYears?: number } {
  return {
    ...(c.escalationRate !== undefined && { escalationRate: c.escalationRate }),
    ...(c.escalationEveryYears !== undefined && { escalationEveryYears: c.escalationEveryYears }),
  };
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
        gross = fenOf(landRent({ areaMu: c.areaMu, rentPerMu: c.rentPerMu, startYear, year, ...escalation(c) }));
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
      const gross = fenOf(leaseIncome({ areaM2: c.areaM2 ?? 1, rentPerM2Month: c.rentPerM2Month, startYear, year, occupancy: c.occupancy, ...escalation(c) }));
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

/** Splits a year's (already prorated) amount by month, weighted by days covered in each month. */
function byMonthDays(fen: Fen, c: Contract, year: number): { month: number; fen: Fen }[] {
  const weights: number[] = [];
  for (let m = 1; m <= 12; m++) weights.push(overlapDays(c.start, c.end, isoOf(year, m, 1), isoOf(year, m, daysInMonth(year, m))));
  if (weights.every((w) => w === 0)) return [];
  return allocate(fen, weights).map((f, i) => ({ month: i + 1, fen: f })).filter((_, i) => (weights[i] ?? 0) > 0);
}

/** Monthly amounts: twelfths of the year (exact sum), partial months prorated by days. */
function byMonthTwelfths(annual: Fen, c: Contract, year: number): { month: number; fen: Fen }[] {
  const twelfths = allocate(annual, new Array<number>(12).fill(1));
  const out: { month: number; fen: Fen }[] = [];
  for (let m = 1; m <= 12; m++) {
    const dim = daysInMonth(year, m);
    const covered = overlapDays(c.start, c.end, isoOf(year, m, 1), isoOf(year, m, dim));
    if (covered > 0) out.push({ month: m, fen: prorate(twelfths[m - 1] ?? 0, covered, dim) });
  }
  return out;
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
  const base = byMonthDays(prorate(a.base ?? 0, inService, diy), c, year);
  const payDay = c.payment.kind === 'monthly' ? c.payment.day : 20; // the schema requires monthly for PV
  for (const { month, fen } of base) {
    const next = addMonths(ym(year, month), 1);
    out.push({ contract: c.no, component: 'base', year, month: ym(year, month), dueDate: dayIn(Number(next.slice(0, 4)), Number(next.slice(5, 7)), payDay), amount: fen, income: fen });
  }
  const batches = new Map<YearMonth, Fen>();
  for (const { month, fen } of byMonthDays(prorate(a.subsidy ?? 0, inService, diy), c, year)) {
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
      for (const { month, fen } of byMonthTwelfths(a.gross, c, year)) {
        const due = maxDate(c.start, minDate(c.end, dayIn(year, month, c.payment.day)));
        items.push({ contract: c.no, component, year, month: ym(year, month), dueDate: due, amount: fen, income: incomePart(fen, a) });
      }
      continue;
    }
    const covered = overlapDays(c.start, c.end, isoOf(year, 1, 1), isoOf(year, 12, 31));
    const yearFen = prorate(a.gross, covered, daysInYear(year));
    const parts = allocate(yearFen, c.payment.instalments.map((i) => i.share));
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
