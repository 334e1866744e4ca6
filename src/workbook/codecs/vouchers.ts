/**
 * 凭证 rows ↔ vouchers. One row is one voucher line; rows sharing (month of 日期, 凭证号) form one
 * voucher, in order of first appearance. A voucher with any bad line is left out whole (its
 * findings say why), so the ledger never sees half a voucher.
 */
import { finding, type Finding } from '../../core/findings';
import { moneyToCell } from '../../core/money';
import type { Voucher, VoucherLine } from '../../core/ledger/types';
import type { Scalar, TableData } from '../port';
import { VOUCHERS } from '../layout';
import {
  cellText, isBlankRow, issueAt, parseAmountCell, parseCodeCell, parseCountCell, parseDateCell, parseRequiredText,
  type CellIssue, type RowPlace,
} from './cells';
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

const REVERSAL_RE = /^(\d{4})-(\d{2})\/(.+)$/;

interface Pending {
  voucher: Voucher;
  bad: boolean;
}

/**
 * Decode line rows with resolved columns. Shared by the workbook codec and the file import,
 * so both report the same rules. Hot path: no regex or Decimal per amount cell.
 */
export function decodeVoucherLines(
  index: ColumnIndex,
  rows: readonly (readonly unknown[])[],
  place: RowPlace,
): { vouchers: Voucher[]; lines: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const byKey = new Map<string, Pending>();
  const order: Pending[] = [];
  const col = (k: string): number => index[k] ?? -1;
  const [cDate, cNum, cSum, cAcc, cDr, cCr] = [col('date'), col('number'), col('summary'), col('account'), col('debit'), col('credit')];
  const [cCon, cCp, cAtt, cPre, cRev, cRevs] = [col('contract'), col('counterparty'), col('attachments'), col('preparer'), col('reviewer'), col('reverses')];
  const label = (c: number): string => VOUCHERS.columns.find((s) => index[s.key] === c)?.header ?? '';
  const headers = { date: label(cDate), num: label(cNum), acc: label(cAcc), dr: label(cDr), cr: label(cCr), att: label(cAtt) };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    if (isBlankRow(row)) continue;
    const r = place.firstRow + i;
    let rowBad = false;
    const report = (issue: CellIssue, c: number): void => {
      findings.push(issueAt(issue, place.sheet, r, place.columnName(c)));
      rowBad = true;
    };
    const date = parseDateCell(row[cDate], headers.date);
    if (!date.ok) report(date.issue, cDate);
    const num = parseRequiredText(row[cNum], headers.num);
    if (!num.ok) report(num.issue, cNum);
    const acc = parseCodeCell(row[cAcc], headers.acc);
    if (!acc.ok) report(acc.issue, cAcc);
    const dr = parseAmountCell(row[cDr], headers.dr);
    if (!dr.ok) report(dr.issue, cDr);
    const cr = parseAmountCell(row[cCr], headers.cr);
    if (!cr.ok) report(cr.issue, cCr);
    if (dr.ok && cr.ok) {
      if (dr.value === 0 && cr.value === 0) {
        report({ rule: 'cell.missing', zh: '借方金额和贷方金额都为空', en: 'Both debit and credit are empty' }, cDr);
      } else if (dr.value !== 0 && cr.value !== 0) {
        report({ rule: 'line.both-sides', zh: '一行分录只能填借方或贷方之一', en: 'A line has either a debit or a credit, not both' }, cCr);
      }
    }
    const att = cAtt >= 0 ? parseCountCell(row[cAtt], headers.att) : undefined;
    if (att && !att.ok) report(att.issue, cAtt);
    let reverses: Voucher['reverses'];
    const revText = cRevs >= 0 ? cellText(row[cRevs]) : '';
    if (revText !== '') {
      const m = REVERSAL_RE.exec(revText);
      if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) reverses = { month: `${m[1]}-${m[2]}`, number: (m[3] as string).trim() };
      else report({ rule: 'cell.bad-reversal', zh: `冲销凭证"${revText}"格式应为"年-月/凭证号"，如 2025-03/12`, en: `Reversed voucher "${revText}" should read "YYYY-MM/number", e.g. 2025-03/12` }, cRevs);
    }
    if (!date.ok || !num.ok) continue; // cannot even tell which voucher the row belongs to

    const key = `${date.value.slice(0, 7)}/${num.value}`;
    let p = byKey.get(key);
    const summary = cSum >= 0 ? cellText(row[cSum]) : '';
    if (!p) {
      const v: Voucher = { date: date.value, number: num.value, summary, lines: [] };
      p = { voucher: v, bad: false };
      byKey.set(key, p);
      order.push(p);
    }
    const v = p.voucher;
    if (rowBad || !acc.ok || !dr.ok || !cr.ok) {
      p.bad = true;
      continue;
    }
    if (v.summary === '' && summary !== '') v.summary = summary;
    if (date.value !== v.date) {
      findings.push(finding('voucher.mixed-dates', 'warning', `凭证${num.value}的分录日期不一致（${v.date} 与 ${date.value}），按 ${v.date} 记账`, `Lines of voucher ${num.value} have different dates (${v.date} and ${date.value}); ${v.date} is used`, { sheet: place.sheet, row: r, column: place.columnName(cDate) }));
    }
    const line: VoucherLine = { account: acc.value, debit: dr.value, credit: cr.value, source: { sheet: place.sheet, row: r } };
    if (summary !== '' && summary !== v.summary) line.summary = summary;
    const contract = cCon >= 0 ? cellText(row[cCon]) : '';
    if (contract !== '') line.contract = contract;
    const cp = cCp >= 0 ? cellText(row[cCp]) : '';
    if (cp !== '') line.counterparty = cp;
    v.lines.push(line);
    if (att?.ok && att.value !== undefined && v.attachments === undefined) v.attachments = att.value;
    const pre = cPre >= 0 ? cellText(row[cPre]) : '';
    if (pre !== '' && v.preparer === undefined) v.preparer = pre;
    const rev = cRev >= 0 ? cellText(row[cRev]) : '';
    if (rev !== '' && v.reviewer === undefined) v.reviewer = rev;
    if (reverses && v.reverses === undefined) v.reverses = reverses;
  }
  const vouchers: Voucher[] = [];
  let lines = 0;
  for (const p of order) {
    if (p.bad || p.voucher.lines.length === 0) continue;
    vouchers.push(p.voucher);
    lines += p.voucher.lines.length;
  }
  return { vouchers, lines, findings };
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
