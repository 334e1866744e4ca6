/**
 * Sums over ledger lines read from worksheet ranges (CUN.BALANCE, CUN.OPINCOME). Pure and in
 * integer fen. Sub-accounts extend a code by 2 digits per level, so "501 and its children" is
 * every code starting with 501.
 */
import type { Fen } from '../core/money';
import type { RangeLine } from './args';

/** 经营性收入 accounts (DOMAIN.md §3): 经营收入 501 and 投资收益 502, with their sub-accounts. */
export const OPERATING_INCOME_ACCOUNTS = ['501', '502'] as const;

/** Net debit (debit − credit) of `account`, and of its sub-accounts when `includeChildren`. */
export function netDebitFen(lines: readonly RangeLine[], account: string, includeChildren: boolean): Fen {
  let net = 0;
  for (const l of lines) {
    if (l.code === account || (includeChildren && l.code.startsWith(account))) net += l.debitFen - l.creditFen;
  }
  return net;
}

/** Collective operating income: the net credit of 501 + 502 and their sub-accounts. */
export function operatingIncomeFen(lines: readonly RangeLine[]): Fen {
  return -OPERATING_INCOME_ACCOUNTS.reduce((sum, a) => sum + netDebitFen(lines, a, true), 0);
}
