/** 科目 rows ↔ the village's sub-accounts (明细科目); buildChart checks codes and parents. */
import * as z from 'zod';
import type { Finding } from '../../core/findings';
import type { SubAccountDef } from '../../core/chart/accounts';
import type { Scalar, TableData } from '../port';
import { ACCOUNTS } from '../layout';
import { cellText, isBlankRow, issueAt } from './cells';
import { placeOf, resolveColumns, wantsOf } from './columns';

const ACCOUNT_WANTS = wantsOf(ACCOUNTS, ['code', 'name'], { code: ['code', 'account'], name: ['name'] });

const subSchema = z.object({ code: z.string().min(1), name: z.string().min(1) });

/**
 * 科目 table → sub-account definitions, plus `where(i)` for buildChart so its findings name the row.
 * Only emptiness is checked here; code shape, parents and duplicates are buildChart's rules.
 */
export function decodeAccounts(t: TableData): {
  subs: SubAccountDef[];
  where: (i: number) => { sheet: string; row: number };
  findings: Finding[];
} {
  const { index, findings } = resolveColumns(t.header, ACCOUNT_WANTS, t.sheet, t.firstRow - 1);
  const rows: number[] = [];
  const subs: SubAccountDef[] = [];
  const where = (i: number): { sheet: string; row: number } => ({ sheet: t.sheet, row: rows[i] ?? t.firstRow });
  if (findings.length > 0) return { subs, where, findings };
  const place = placeOf(t.sheet, t.firstRow, t.columnLetters);
  const [cCode, cName] = [index.code ?? -1, index.name ?? -1];
  t.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = t.firstRow + i;
    const raw = row[cCode];
    const code = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : cellText(raw);
    const parsed = subSchema.safeParse({ code, name: cellText(row[cName]) });
    if (!parsed.success) {
      const col = code === '' ? cCode : cName;
      const header = code === '' ? '科目编码' : '科目名称';
      findings.push(issueAt({ rule: 'cell.missing', zh: `缺少${header}`, en: `${header} is missing` }, t.sheet, r, place.columnName(col)));
      return;
    }
    subs.push(parsed.data);
    rows.push(r);
  });
  return { subs, where, findings };
}

export function encodeAccountRows(subs: readonly SubAccountDef[]): Scalar[][] {
  return subs.map((s) => [s.code, s.name]);
}
