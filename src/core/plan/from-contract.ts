/**
 * Contracts of the 合同 register carried into the plan (no re-keying): each becomes a project
 * with its own dates and terms and no investment, so the plan's income starts from what is
 * already signed. Its figures become parameters, so scenarios (粮价 −15% …) reach it too.
 * A year-by-year value (粮价, 合作社盈余) is carried as its default, else its latest year.
 */
import type Decimal from 'decimal.js';
import { D } from '../money';
import type { Contract, YearValues } from '../income/contract';
import { yearOf } from '../calendar';
import { FUNDING_SOURCES, type Funding, type PlanParams, type PlanProject } from './model';

const NO_FUNDING = Object.fromEntries(FUNDING_SOURCES.map((s) => [s.key, 0])) as Funding;

function latest(v: YearValues | undefined): Decimal | undefined {
  if (!v) return undefined;
  if (v.all !== undefined) return v.all;
  const years = [...v.byYear.keys()].sort((a, b) => a - b);
  const y = years[years.length - 1];
  return y === undefined ? undefined : v.byYear.get(y);
}

/** The contract's figures as plan parameters (money in yuan). */
export function paramsFromContract(c: Contract): PlanParams {
  const out: PlanParams = {};
  const put = (k: keyof PlanParams, v: Decimal | undefined): void => {
    if (v !== undefined) out[k] = v;
  };
  put('escalationRate', c.escalationRate);
  switch (c.kind) {
    case 'land':
      put('areaMu', c.areaMu);
      put('rentPerMu', c.rentPerMu);
      put('jinPerMu', c.jinPerMu);
      put('grainPrice', latest(c.grainPrice));
      break;
    case 'coop':
      put('capital', c.capital);
      put('floorRate', c.floorRate);
      put('shareRate', c.shareRate);
      put('profit', latest(c.profit) ?? new D(0));
      break;
    case 'pv':
      for (const k of ['capacityKw', 'hours', 'firstYearDegradation', 'annualDegradation', 'curtailment', 'baseTariff', 'subsidyTariff', 'subsidyPayRatio', 'restrictedShare'] as const) put(k, c[k]);
      put('subsidyLagMonths', new D(c.subsidyLagMonths));
      put('runningCost', new D(c.omCost).div(100));
      break;
    case 'lease':
      put('areaM2', c.areaM2);
      put('rentPerM2Month', c.rentPerM2Month);
      put('occupancy', c.occupancy);
      break;
  }
  return out;
}

/** A contract as an existing project of the plan. */
export function projectFromContract(c: Contract): PlanProject {
  const start = yearOf(c.start);
  return {
    name: `${c.no} ${c.subject || c.counterparty}`.trim(), kind: c.kind, startYear: start, firstIncomeYear: start, lifeYears: yearOf(c.end) - start + 1,
    funding: NO_FUNDING, loanTermYears: 0, loanMethod: 'annuity', params: paramsFromContract(c),
    ...(c.escalationEveryYears !== undefined && { escalationEveryYears: c.escalationEveryYears }),
    dividendMode: c.kind === 'coop' ? c.mode : 'max', contract: c, contractNo: c.no, households: 0, jobs: 0, existing: true,
  };
}
