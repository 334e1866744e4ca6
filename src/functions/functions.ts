/**
 * CUN.* Excel custom functions. Each is a `function` declaration (the metadata generator reads
 * only those) with JSDoc, argument coercion, one core call and `excelSafe`, the single error
 * mapper: a bad argument gives #VALUE! or #NUM! with a message, never a wrong number.
 * Optional arguments arrive as null from Excel. functions.json (en-US) is generated from these
 * comments; Chinese names and descriptions are in functions.zh-CN.ts.
 */
import './runtime-guard';
import { CHART_2023 } from '../core/chart/chart-2023';
import { classifyVillage } from '../core/consolidate/classify';
import { coopDividend as coopDividendCore, grainRent as grainRentCore, landRent as landRentCore, leaseIncome as leaseIncomeCore, pvIncome as pvIncomeCore, pvYield as pvYieldCore } from '../core/income/formulas';
import { moneyToCell } from '../core/money';
import { irr as irrCore, npv as npvCore, paybackYears } from '../core/plan/appraisal';
import { accountCodeOf, amountFenOf, cellsOf, flowsOf, integerArg, numberArg, optionalBooleanArg, optionalIntegerArg, optionalNumberArg, optionalTextArg, rangeLinesOf } from './args';
import { excelSafe, FunctionArgumentError } from './errors';
import { netDebitFen, operatingIncomeFen } from './ledger-ranges';

/** Omits undefined optional fields (exactOptionalPropertyTypes: absent, not undefined). */
function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

function dividendModeOf(text: string | undefined): 'max' | 'plus' | undefined {
  const m = text?.toLowerCase();
  if (m === undefined || m === 'max' || m === 'plus') return m;
  throw new FunctionArgumentError('分红方式必须是 max 或 plus', 'mode must be "max" or "plus"');
}

/**
 * Name of a first-level account of the 2023 village collective chart.
 * @customfunction ACCOUNTNAME ACCOUNTNAME
 * @param code Account code, e.g. 501.
 * @returns The account name, e.g. 经营收入.
 */
export function accountName(code: unknown): string {
  return excelSafe(() => {
    const c = accountCodeOf(code, { en: 'code', zh: '科目编码' });
    const def = CHART_2023.find((a) => a.code === c);
    if (def === undefined) throw new FunctionArgumentError('不是 2023 年制度的一级科目编码', 'not a first-level account code of the 2023 chart');
    return def.name;
  });
}

/**
 * Net debit balance (debits − credits) of an account over ledger ranges; credit balances are negative.
 * @customfunction BALANCE BALANCE
 * @param codes Account codes, one per ledger line.
 * @param debits Debit amounts, same size as codes.
 * @param credits Credit amounts, same size as codes.
 * @param account Account code, e.g. 102 or 50101.
 * @param [include_children] TRUE (default) to include sub-accounts (codes starting with account), FALSE for this code only.
 * @returns Net debit balance in yuan.
 */
export function balance(codes: unknown[][], debits: unknown[][], credits: unknown[][], account: unknown, include_children?: boolean): number {
  return excelSafe(() => {
    const acct = accountCodeOf(account, { en: 'account', zh: '科目' });
    if (acct === undefined) throw new FunctionArgumentError('缺少参数：科目', 'missing argument: account');
    if (!CHART_2023.some((a) => a.code === acct.slice(0, 3))) throw new FunctionArgumentError('未知的一级科目', 'unknown first-level account');
    const children = optionalBooleanArg(include_children, { en: 'include_children', zh: '含下级科目' }) ?? true;
    return moneyToCell(netDebitFen(rangeLinesOf(codes, debits, credits), acct, children));
  });
}

/**
 * Collective operating income: the net credit of 501 operating income and 502 investment income, with sub-accounts.
 * @customfunction OPINCOME OPINCOME
 * @param codes Account codes, one per ledger line.
 * @param debits Debit amounts, same size as codes.
 * @param credits Credit amounts, same size as codes.
 * @returns Operating income in yuan.
 */
export function opIncome(codes: unknown[][], debits: unknown[][], credits: unknown[][]): number {
  return excelSafe(() => moneyToCell(operatingIncomeFen(rangeLinesOf(codes, debits, credits))));
}

/**
 * Village class by collective operating income: 空壳村 (none), 薄弱村, 一般村 or 富裕村.
 * @customfunction CLASSIFY CLASSIFY
 * @param operating_income Collective operating income in yuan.
 * @param [thresholds] Two cells: the weak-village bound and the rich-village bound in yuan (default 50000 and 200000).
 * @returns The class name.
 */
export function classify(operating_income: number, thresholds?: unknown[][]): string {
  return excelSafe(() => {
    const incomeName = { en: 'operating_income', zh: '经营性收入' };
    numberArg(operating_income, incomeName);
    const income = amountFenOf(operating_income, incomeName);
    if (thresholds === null || thresholds === undefined) return classifyVillage(income).zh;
    const bounds = cellsOf(thresholds, { en: 'thresholds', zh: '分类标准' }).filter((x) => x !== null && x !== '');
    const [weak, rich] = bounds.map((x, i) => {
      const at = { en: `thresholds ${i + 1}`, zh: `分类标准第${i + 1}个` };
      numberArg(x, at);
      return amountFenOf(x, at);
    });
    if (bounds.length !== 2 || weak === undefined || rich === undefined) throw new FunctionArgumentError('分类标准须为两个数：薄弱村上限、富裕村下限', 'thresholds must be two numbers: weak bound, rich bound');
    return classifyVillage(income, { weakBelowFen: weak, richFromFen: rich }).zh;
  });
}

/**
 * Land transfer rent for a year: area × rent per mu × (1 + rate)^floor((year − start) / every).
 * @customfunction LANDRENT LANDRENT
 * @param area_mu Area in mu.
 * @param rent_per_mu Rent per mu in the start year, yuan.
 * @param start_year First contract year.
 * @param year Year to compute.
 * @param [escalation_rate] Increase per step, e.g. 0.05 (default 0).
 * @param [escalation_every_years] Years between increases (default 1).
 * @param [start_month] Month the contract starts (1–12): years are then counted from it, as the contract register does by default; leave out for calendar years.
 * @returns Rent in yuan, to the fen.
 */
export function landRent(area_mu: number, rent_per_mu: number, start_year: number, year: number, escalation_rate?: number, escalation_every_years?: number, start_month?: number): number {
  return excelSafe(() =>
    moneyToCell(
      landRentCore({
        areaMu: numberArg(area_mu, { en: 'area_mu', zh: '面积（亩）' }),
        rentPerMu: numberArg(rent_per_mu, { en: 'rent_per_mu', zh: '每亩租金' }),
        startYear: integerArg(start_year, { en: 'start_year', zh: '起始年度' }),
        year: integerArg(year, { en: 'year', zh: '年度' }),
        ...defined({
          escalationRate: optionalNumberArg(escalation_rate, { en: 'escalation_rate', zh: '递增率' }),
          escalationEveryYears: optionalIntegerArg(escalation_every_years, { en: 'escalation_every_years', zh: '递增间隔年数' }),
          startMonth: optionalIntegerArg(start_month, { en: 'start_month', zh: '起始月份' }),
        }),
      }),
    ),
  );
}

/**
 * Grain-indexed land rent: area × jin of grain per mu × price per jin.
 * @customfunction GRAINRENT GRAINRENT
 * @param area_mu Area in mu.
 * @param jin_per_mu Jin of grain per mu.
 * @param price_per_jin Price per jin on the reference date, yuan.
 * @returns Rent in yuan, to the fen.
 */
export function grainRent(area_mu: number, jin_per_mu: number, price_per_jin: number): number {
  return excelSafe(() =>
    moneyToCell(
      grainRentCore({
        areaMu: numberArg(area_mu, { en: 'area_mu', zh: '面积（亩）' }),
        jinPerMu: numberArg(jin_per_mu, { en: 'jin_per_mu', zh: '每亩斤数' }),
        pricePerJin: numberArg(price_per_jin, { en: 'price_per_jin', zh: '每斤价格' }),
      }),
    ),
  );
}

/**
 * PV generation in an operating year: kW × hours × (1 − first-year loss) × (1 − curtailment) × (1 − annual loss)^(year − 1).
 * @customfunction PVYIELD PVYIELD
 * @param capacity_kw Installed capacity, kW.
 * @param hours Equivalent full-load hours per year.
 * @param year Operating year, 1 for the first.
 * @param [first_year_degradation] First-year degradation, e.g. 0.02 (default 0).
 * @param [annual_degradation] Degradation per later year, e.g. 0.005 (default 0).
 * @param [curtailment] Curtailment rate (default 0).
 * @returns Generation in kWh, to 0.01.
 */
export function pvYield(capacity_kw: number, hours: number, year: number, first_year_degradation?: number, annual_degradation?: number, curtailment?: number): number {
  return excelSafe(() =>
    pvYieldCore({
      capacityKw: numberArg(capacity_kw, { en: 'capacity_kw', zh: '装机容量（kW）' }),
      hours: numberArg(hours, { en: 'hours', zh: '等效利用小时数' }),
      year: integerArg(year, { en: 'year', zh: '运行年度' }),
      ...defined({
        firstYearDegradation: optionalNumberArg(first_year_degradation, { en: 'first_year_degradation', zh: '首年衰减率' }),
        annualDegradation: optionalNumberArg(annual_degradation, { en: 'annual_degradation', zh: '年衰减率' }),
        curtailment: optionalNumberArg(curtailment, { en: 'curtailment', zh: '弃光率' }),
      }),
    }).toNumber(),
  );
}

/**
 * PV electricity revenue excluding VAT: kWh × tariff / (1 + VAT rate).
 * @customfunction PVINCOME PVINCOME
 * @param kwh Generation sold, kWh.
 * @param tariff Tariff per kWh including VAT, yuan.
 * @param [vat_rate] VAT rate (default 0.13).
 * @returns Revenue in yuan, to the fen.
 */
export function pvIncome(kwh: number, tariff: number, vat_rate?: number): number {
  return excelSafe(() =>
    moneyToCell(
      pvIncomeCore({
        kwh: numberArg(kwh, { en: 'kwh', zh: '发电量（kWh）' }),
        tariff: numberArg(tariff, { en: 'tariff', zh: '电价' }),
        ...defined({ vatRate: optionalNumberArg(vat_rate, { en: 'vat_rate', zh: '增值税率' }) }),
      }),
    ),
  );
}

/**
 * Cooperative dividend with a guaranteed minimum: "max" = max(floor × capital, share × profit); "plus" = floor × capital + share × max(0, profit − floor × capital).
 * @customfunction COOPDIVIDEND COOPDIVIDEND
 * @param capital Capital invested, yuan.
 * @param floor_rate Guaranteed return rate, e.g. 0.06.
 * @param share_rate Share of the distributable profit, e.g. 0.1.
 * @param profit Cooperative's distributable profit for the year, yuan.
 * @param [mode] "max" (default) or "plus".
 * @returns Dividend in yuan, to the fen.
 */
export function coopDividend(capital: number, floor_rate: number, share_rate: number, profit: number, mode?: string): number {
  return excelSafe(() => {
    const m = dividendModeOf(optionalTextArg(mode, { en: 'mode', zh: '分红方式' }));
    return moneyToCell(
      coopDividendCore({
        capital: numberArg(capital, { en: 'capital', zh: '入股金额' }),
        floorRate: numberArg(floor_rate, { en: 'floor_rate', zh: '保底收益率' }),
        shareRate: numberArg(share_rate, { en: 'share_rate', zh: '分红比例' }),
        profit: numberArg(profit, { en: 'profit', zh: '合作社可分配盈余' }),
        ...defined({ mode: m }),
      }),
    );
  });
}

/**
 * Lease income for a year: area × rent per m² per month × months × occupancy × (1 + rate)^floor((year − start) / every).
 * @customfunction LEASEINCOME LEASEINCOME
 * @param area_m2 Area in m².
 * @param rent_per_m2_month Rent per m² per month in the start year, yuan.
 * @param start_year First lease year.
 * @param year Year to compute.
 * @param [occupancy] Occupancy rate (default 1).
 * @param [escalation_rate] Increase per step (default 0).
 * @param [escalation_every_years] Years between increases (default 1).
 * @param [months] Months let in the year (default 12).
 * @param [start_month] Month the lease starts (1–12): years are then counted from it, as the contract register does by default; leave out for calendar years.
 * @returns Income in yuan, to the fen.
 */
export function leaseIncome(
  area_m2: number,
  rent_per_m2_month: number,
  start_year: number,
  year: number,
  occupancy?: number,
  escalation_rate?: number,
  escalation_every_years?: number,
  months?: number,
  start_month?: number,
): number {
  return excelSafe(() =>
    moneyToCell(
      leaseIncomeCore({
        areaM2: numberArg(area_m2, { en: 'area_m2', zh: '面积（平方米）' }),
        rentPerM2Month: numberArg(rent_per_m2_month, { en: 'rent_per_m2_month', zh: '每平方米月租金' }),
        startYear: integerArg(start_year, { en: 'start_year', zh: '起始年度' }),
        year: integerArg(year, { en: 'year', zh: '年度' }),
        ...defined({
          occupancy: optionalNumberArg(occupancy, { en: 'occupancy', zh: '出租率' }),
          escalationRate: optionalNumberArg(escalation_rate, { en: 'escalation_rate', zh: '递增率' }),
          escalationEveryYears: optionalIntegerArg(escalation_every_years, { en: 'escalation_every_years', zh: '递增间隔年数' }),
          months: optionalIntegerArg(months, { en: 'months', zh: '月数' }),
          startMonth: optionalIntegerArg(start_month, { en: 'start_month', zh: '起始月份' }),
        }),
      }),
    ),
  );
}

/**
 * Net present value with year 0 undiscounted (unlike Excel's NPV, which discounts its first value); 0.08 is the social discount rate.
 * @customfunction NPV NPV
 * @param rate Discount rate per year, e.g. 0.08.
 * @param flows Yearly net cash flows, year 0 (the investment, negative) first.
 * @returns NPV in yuan, to the fen.
 */
export function npv(rate: number, flows: unknown[][]): number {
  return excelSafe(() => moneyToCell(npvCore(flowsOf(flows, { en: 'flows', zh: '现金流' }), numberArg(rate, { en: 'rate', zh: '折现率' }))));
}

/**
 * Internal rate of return of yearly cash flows (year 0 first); #NUM! when the flows never change sign.
 * @customfunction IRR IRR
 * @param flows Yearly net cash flows, year 0 first.
 * @returns The IRR as a fraction, e.g. 0.12.
 */
export function irr(flows: unknown[][]): number {
  return excelSafe(() => irrCore(flowsOf(flows, { en: 'flows', zh: '现金流' })).toNumber());
}

/**
 * Static payback period in years, interpolated within the year; #NUM! when not paid back.
 * @customfunction PAYBACK PAYBACK
 * @param flows Yearly net cash flows, year 0 (the investment) first.
 * @returns Years, e.g. 2.6.
 */
export function payback(flows: unknown[][]): number {
  return excelSafe(() => paybackYears(flowsOf(flows, { en: 'flows', zh: '现金流' })).toNumber());
}
