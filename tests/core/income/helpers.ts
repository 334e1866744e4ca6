import { inputFromValues, parseContractRow } from '../../../src/core/income/contract-schema';
import type { Contract } from '../../../src/core/income/contract';
import type { Voucher } from '../../../src/core/ledger/types';

/** A contract from column-keyed values (money in yuan, as typed); throws if the row is invalid. */
export function contractOf(values: Record<string, string | number | null>): Contract {
  const r = parseContractRow(inputFromValues(values));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.key}: ${i.en}`).join('; '));
  return r.contract;
}

let n = 0;
/** Dr `dr` / Cr `cr` for `fen`, both lines tagged with `contract` unless it is undefined. */
export function voucher(date: string, dr: string, cr: string, fen: number, o: { contract?: string; counterparty?: string; summary?: string } = {}): Voucher {
  n += 1;
  const tag = { ...(o.contract !== undefined && { contract: o.contract }), ...(o.counterparty !== undefined && { counterparty: o.counterparty }) };
  return {
    date,
    number: String(n),
    summary: o.summary ?? '收款',
    lines: [
      { account: dr, debit: fen, credit: 0, ...(dr.startsWith('10') ? {} : tag) },
      { account: cr, debit: 0, credit: fen, ...(cr.startsWith('10') ? {} : tag) },
    ],
  };
}
