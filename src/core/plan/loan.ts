/**
 * 贷款还款计划 — the amortisation schedule of a project loan. The loan is drawn at the start of
 * the project's start year and repaid at the end of each of the next `termYears` years counted
 * from it (start year included), so a 3-year loan drawn in 2026 is repaid in 2026, 2027, 2028.
 * Each year's interest is the opening balance × rate, rounded to the fen; the last year repays
 * whatever balance is left, so the principal parts always sum to the loan exactly.
 */
import type Decimal from 'decimal.js';
import { allocate, D, type Fen } from '../money';
import type { LoanMethod } from './model';

export interface LoanYear {
  year: number;
  opening: Fen;
  interest: Fen;
  principal: Fen;
  payment: Fen;
  closing: Fen;
}

const fen = (x: Decimal): Fen => x.toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();

/**
 * The yearly schedule. 等额本息 (annuity): payment = P·r / (1 − (1+r)^−n), rounded to the fen;
 * 等额本金 (equal principal): P split in n equal parts (allocate), interest on the balance.
 * @example loanSchedule(10_000_000, new D('0.05'), 2, 2026)[0].payment // 5_378_049 (53,780.49 yuan)
 */
export function loanSchedule(principal: Fen, rate: Decimal, termYears: number, firstYear: number, method: LoanMethod = 'annuity'): LoanYear[] {
  if (principal <= 0 || termYears <= 0) return [];
  const n = termYears;
  const equalParts = allocate(principal, new Array<number>(n).fill(1));
  const annuity = rate.isZero() ? undefined : fen(new D(principal).times(rate).div(new D(1).minus(new D(1).plus(rate).pow(-n))));
  const out: LoanYear[] = [];
  let balance = principal;
  for (let k = 0; k < n; k++) {
    const interest = fen(new D(balance).times(rate));
    let part: Fen;
    if (k === n - 1) part = balance;
    else if (method === 'equal-principal' || annuity === undefined) part = equalParts[k] ?? 0;
    else part = Math.min(balance, annuity - interest);
    out.push({ year: firstYear + k, opening: balance, interest, principal: part, payment: interest + part, closing: balance - part });
    balance -= part;
  }
  return out;
}
