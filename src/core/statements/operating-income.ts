/**
 * 集体经营性收入 — collective operating income (DOMAIN.md §3): the net credit of 501 经营收入
 * and 502 投资收益 with their sub-accounts. The one definition; the income statement, the
 * township classification (空壳村/薄弱村) and CUN.OPINCOME all take it from here.
 */
import type { Fen } from '../money';

export const OPERATING_INCOME_ACCOUNTS = ['501', '502'] as const;

/**
 * Operating income from any source of account amounts.
 * @param netCredit the net credit (credit − debit) of an account and its sub-accounts
 */
export function operatingIncomeOf(netCredit: (account: string) => Fen): Fen {
  let sum = 0;
  for (const a of OPERATING_INCOME_ACCOUNTS) sum += netCredit(a);
  return sum || 0;
}
