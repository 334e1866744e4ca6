/**
 * Sums over ledger lines read from worksheet ranges (CUN.BALANCE, CUN.OPINCOME). Pure and in
 * integer fen. Sub-accounts extend a code by 2 digits per level, so "501 and its children" is
 * every code starting with 501.
 */
import type { Fen } from '../core/money';
import type { RangeLine } from './args';
import { isWithinAccount } from '../core/chart/account-code';
import { operatingIncomeOf } from '../core/statements/operating-income';

/** Net debit (debit − credit) of `account`, and of its sub-accounts when `includeChildren`. */
export function netDebitFen(lines: readonly RangeLine[], account: string, includeChildren: boolean): Fen {
  let net = 0;
  for (const l of lines) {
    if (l.code === account || (includeChildren && isWithinAccount(l.code, account))) net += l.debitFen - l.creditFen;
  }
  return net;
}

/** Collective operating income (the core's one definition) over ledger lines. */
export function operatingIncomeFen(lines: readonly RangeLine[]): Fen {
  return operatingIncomeOf((a) => -netDebitFen(lines, a, true));
}
