/**
 * 凭证 rows ↔ vouchers. One row is one voucher line; rows sharing (month of 日期, 凭证号) form one
 * voucher, in order of first appearance. A voucher with any bad line is left out whole (its
 * findings say why), so the ledger never sees half a voucher.
 */
import type { Finding } from '../../core/findings';
import { moneyToCell } from '../../core/money';
import type { Voucher } from '../../core/ledger/types';
import type { Scalar, TableData } from '../port';
import { VOUCHERS } from '../layout';
import type { RowPlace } from './cells';
import { VoucherAssembler, voucherColumns } from './voucher-assembler';
import { placeOf, resolveColumns, wantsOf, type ColumnIndex } from './columns';

const ALIASES: Record<string, readonly string[]> = {
  date: ['date'],
  number: ['voucher', 'voucher no', 'number', 'no'],
  summary: ['summary', 'description'],
  account: ['account', 'account code'],
  debit: ['debit'],
  credit: ['credit'],
  contract: ['contract'],
  counterparty: ['counterparty'],
  attachments: ['attachments'],
  preparer: ['preparer'],
  reviewer: ['reviewer'],
  reverses: ['reverses', 'reversal of'],
};
export const VOUCHER_WANTS = wantsOf(VOUCHERS, ['date', 'number', 'summary', 'account', 'debit', 'credit'], ALIASES);

/**
 * Decode line rows with resolved columns. Shared by the workbook codec and the file import,
 * so both report the same rules (the rules themselves live in voucher-assembler.ts).
 */
export function decodeVoucherLines(
  index: ColumnIndex,
  rows: readonly (readonly unknown[])[],
  place: RowPlace,
): { vouchers: Voucher[]; lines: number; findings: Finding[] } {
  const asm = new VoucherAssembler(voucherColumns(index), place);
  for (let i = 0; i < rows.length; i++) asm.decodeRow(rows[i] as readonly unknown[], place.firstRow + i);
  return asm.result();
}

/** 凭证 table → vouchers; bad cells become findings (sheet, row, column letter, rule). */
export function decodeVouchers(t: TableData): { vouchers: Voucher[]; findings: Finding[] } {
  const { index, findings } = resolveColumns(t.header, VOUCHER_WANTS, t.sheet, t.firstRow - 1);
  if (findings.length > 0) return { vouchers: [], findings };
  const r = decodeVoucherLines(index, t.rows, placeOf(t.sheet, t.firstRow, t.columnLetters));
  return { vouchers: r.vouchers, findings: r.findings };
}

/** Vouchers → 凭证 rows in VOUCHERS column order (dates as ISO text, amounts as numbers, blank for 0). */
export function encodeVoucherRows(vouchers: readonly Voucher[]): Scalar[][] {
  const out: Scalar[][] = [];
  for (const v of vouchers) {
    v.lines.forEach((l, i) => {
      const first = i === 0;
      out.push([
        v.date,
        v.number,
        l.summary ?? v.summary,
        l.account,
        l.debit === 0 ? null : moneyToCell(l.debit),
        l.credit === 0 ? null : moneyToCell(l.credit),
        l.contract ?? null,
        l.counterparty ?? null,
        first && v.attachments !== undefined ? v.attachments : null,
        first ? (v.preparer ?? null) : null,
        first ? (v.reviewer ?? null) : null,
        first && v.reverses ? `${v.reverses.month}/${v.reverses.number}` : null,
      ]);
    });
  }
  return out;
}
