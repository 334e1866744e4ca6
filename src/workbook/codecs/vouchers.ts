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
  amountOrIssue, cellText, codeOrIssue, dateOrIssue, isBlank, isBlankRow, Issue, issueAt, parseCountCell, parseRequiredText,
  type RowPlace,
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
const BOTH_EMPTY = new Issue('cell.missing', '借方金额和贷方金额都为空', 'Both debit and credit are empty');
const BOTH_SIDES = new Issue('line.both-sides', '一行分录只能填借方或贷方之一', 'A line has either a debit or a credit, not both');

function parseReversal(text: string): Voucher['reverses'] {
  const m = REVERSAL_RE.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return { month: `${m[1]}-${m[2]}`, number: (m[3] as string).trim() };
}
function badReversal(text: string): Issue {
  return new Issue('cell.bad-reversal', `冲销凭证"${text}"格式应为"年-月/凭证号"，如 2025-03/12`, `Reversed voucher "${text}" should read "YYYY-MM/number", e.g. 2025-03/12`);
}

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
    const nBefore = findings.length;
    const date = dateOrIssue(row[cDate], headers.date);
    if (date instanceof Issue) findings.push(issueAt(date, place.sheet, r, place.columnName(cDate)));
    const rawNum = row[cNum];
    const num = typeof rawNum === 'string' && rawNum !== '' && rawNum.charCodeAt(0) > 32 && rawNum.charCodeAt(rawNum.length - 1) > 32
      ? { ok: true as const, value: rawNum }
      : parseRequiredText(rawNum, headers.num);
    if (!num.ok) findings.push(issueAt(num.issue, place.sheet, r, place.columnName(cNum)));
    const acc = codeOrIssue(row[cAcc], headers.acc);
    if (acc instanceof Issue) findings.push(issueAt(acc, place.sheet, r, place.columnName(cAcc)));
    const dr = amountOrIssue(row[cDr], headers.dr);
    if (dr instanceof Issue) findings.push(issueAt(dr, place.sheet, r, place.columnName(cDr)));
    const cr = amountOrIssue(row[cCr], headers.cr);
    if (cr instanceof Issue) findings.push(issueAt(cr, place.sheet, r, place.columnName(cCr)));
    if (typeof dr === 'number' && typeof cr === 'number') {
      if (dr === 0 && cr === 0) findings.push(issueAt(BOTH_EMPTY, place.sheet, r, place.columnName(cDr)));
      else if (dr !== 0 && cr !== 0) findings.push(issueAt(BOTH_SIDES, place.sheet, r, place.columnName(cCr)));
    }
    const att = cAtt >= 0 && !isBlank(row[cAtt]) ? parseCountCell(row[cAtt], headers.att) : undefined;
    if (att && !att.ok) findings.push(issueAt(att.issue, place.sheet, r, place.columnName(cAtt)));
    let reverses: Voucher['reverses'];
    const revText = cRevs >= 0 ? cellText(row[cRevs]) : '';
    if (revText !== '') {
      reverses = parseReversal(revText);
      if (!reverses) findings.push(issueAt(badReversal(revText), place.sheet, r, place.columnName(cRevs)));
    }
    if (typeof date !== 'string' || !num.ok) continue; // cannot even tell which voucher the row belongs to

    const key = `${date.slice(0, 7)}/${num.value}`;
    let p = byKey.get(key);
    const summary = cSum >= 0 ? cellText(row[cSum]) : '';
    if (!p) {
      p = { voucher: { date, number: num.value, summary, lines: [] }, bad: false };
      byKey.set(key, p);
      order.push(p);
    }
    const v = p.voucher;
    if (findings.length > nBefore || typeof acc !== 'string' || typeof dr !== 'number' || typeof cr !== 'number') {
      p.bad = true;
      continue;
    }
    if (v.summary === '' && summary !== '') v.summary = summary;
    if (date !== v.date) {
      findings.push(finding('voucher.mixed-dates', 'warning', `凭证${num.value}的分录日期不一致（${v.date} 与 ${date}），按 ${v.date} 记账`, `Lines of voucher ${num.value} have different dates (${v.date} and ${date}); ${v.date} is used`, { sheet: place.sheet, row: r, column: place.columnName(cDate) }));
    }
    const line: VoucherLine = { account: acc, debit: dr, credit: cr, source: { sheet: place.sheet, row: r } };
    if (summary !== '' && summary !== v.summary) line.summary = summary;
    if (cCon >= 0) {
      const contract = cellText(row[cCon]);
      if (contract !== '') line.contract = contract;
    }
    if (cCp >= 0) {
      const cp = cellText(row[cCp]);
      if (cp !== '') line.counterparty = cp;
    }
    v.lines.push(line);
    if (att?.ok && att.value !== undefined && v.attachments === undefined) v.attachments = att.value;
    if (cPre >= 0 && v.preparer === undefined) {
      const pre = cellText(row[cPre]);
      if (pre !== '') v.preparer = pre;
    }
    if (cRev >= 0 && v.reviewer === undefined) {
      const rev = cellText(row[cRev]);
      if (rev !== '') v.reviewer = rev;
    }
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
