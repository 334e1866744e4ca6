/** 期初余额 rows ↔ opening balances. */
import { finding, type Finding } from '../../core/findings';
import { moneyToCell } from '../../core/money';
import type { OpeningBalance } from '../../core/ledger/types';
import type { Scalar, TableData } from '../port';
import { OPENING } from '../layout';
import { isBlankRow, issueAt, parseAmountCell, parseCodeCell, type CellIssue, type RowPlace } from './cells';
import { placeOf, resolveColumns, wantsOf, type ColumnIndex } from './columns';

export const OPENING_WANTS = wantsOf(OPENING, ['account', 'debit', 'credit'], {
  account: ['account', 'account code'],
  name: ['name', 'account name'],
  debit: ['debit'],
  credit: ['credit'],
});

/** Decode opening rows with resolved columns (shared by the workbook codec and file import). */
export function decodeOpeningLines(
  index: ColumnIndex,
  rows: readonly (readonly unknown[])[],
  place: RowPlace,
): { balances: OpeningBalance[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const balances: OpeningBalance[] = [];
  const seen = new Map<string, number>();
  const [cAcc, cDr, cCr] = [index.account ?? -1, index.debit ?? -1, index.credit ?? -1];
  const header = (k: string): string => OPENING.columns.find((c) => c.key === k)?.header ?? k;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    if (isBlankRow(row)) continue;
    const r = place.firstRow + i;
    let bad = false;
    const report = (issue: CellIssue, c: number): void => {
      findings.push(issueAt(issue, place.sheet, r, place.columnName(c)));
      bad = true;
    };
    const acc = parseCodeCell(row[cAcc], header('account'));
    if (!acc.ok) report(acc.issue, cAcc);
    const dr = parseAmountCell(row[cDr], header('debit'));
    if (!dr.ok) report(dr.issue, cDr);
    const cr = parseAmountCell(row[cCr], header('credit'));
    if (!cr.ok) report(cr.issue, cCr);
    if (bad || !acc.ok || !dr.ok || !cr.ok) continue;
    if (dr.value !== 0 && cr.value !== 0) {
      report({ rule: 'line.both-sides', zh: `科目${acc.value}的期初余额只能填借方或贷方之一`, en: `Opening balance of ${acc.value} has both a debit and a credit` }, cCr);
      continue;
    }
    const prev = seen.get(acc.value);
    if (prev !== undefined) {
      findings.push(finding('opening.duplicate', 'error', `科目${acc.value}的期初余额重复（另见第${prev}行）`, `Opening balance of ${acc.value} is given twice (see also row ${prev})`, { sheet: place.sheet, row: r, column: place.columnName(cAcc) }));
      continue;
    }
    seen.set(acc.value, r);
    balances.push({ account: acc.value, debit: dr.value, credit: cr.value, source: { sheet: place.sheet, row: r } });
  }
  return { balances, findings };
}

/** 期初余额 table → opening balances. */
export function decodeOpening(t: TableData): { balances: OpeningBalance[]; findings: Finding[] } {
  const { index, findings } = resolveColumns(t.header, OPENING_WANTS, t.sheet, t.firstRow - 1);
  if (findings.length > 0) return { balances: [], findings };
  return decodeOpeningLines(index, t.rows, placeOf(t.sheet, t.firstRow, t.columnLetters));
}

/** Opening balances → rows in OPENING column order; `nameOf` fills 科目名称 (e.g. chart.get(code)?.name). */
export function encodeOpeningRows(balances: readonly OpeningBalance[], nameOf: (code: string) => string | undefined = () => undefined): Scalar[][] {
  return balances.map((b) => [b.account, nameOf(b.account) ?? null, b.debit === 0 ? null : moneyToCell(b.debit), b.credit === 0 ? null : moneyToCell(b.credit)]);
}
