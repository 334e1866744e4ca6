/**
 * initFrom2004: a new 2023-system village book opened from a 2004-system trial balance (科目余额表
 * at 2023-12-31: 科目编码, 科目名称, 期末借方, 期末贷方, optional 累计摊销). The balances are
 * converted by convert2004TrialBalance (src/core/chart/convert-2004.ts), sub-accounts carried with
 * their names. What cannot be mapped is listed as a finding and left out — it blocks nothing else:
 * the book is created, and its opening then does not balance until the accountant books the rest
 * (validate says so). Bad cells in the input file stop everything (nothing is created).
 */
import { CHART_2023 } from '../core/chart/chart-2023';
import { convert2004TrialBalance, type OldBalance } from '../core/chart/convert-2004';
import { hasErrors, type Finding } from '../core/findings';
import { isBlank, isBlankRow, issueAt, parseAmountCell, parseCodeCell, cellText } from '../workbook/codecs/cells';
import { encodeOpeningRows } from '../workbook/codecs/opening';
import { resolveColumns, type ColumnWant } from '../workbook/codecs/columns';
import { OPENING } from '../workbook/layout';
import { commitWrites, type RunOptions, type WorkbookPort } from '../workbook/port';
import { placeOfSource, type ImportSource } from './import-source';
import { DEFAULT_SUB_ACCOUNTS, initVillageWrites, type InitVillageOptions } from './init-village';
import { resultOf, type UseCaseResult } from './result';

const WANTS: readonly ColumnWant[] = [
  { key: 'account', label: '科目编码', required: true, aliases: ['科目代码', 'account'] },
  { key: 'name', label: '科目名称', required: false, aliases: ['name'] },
  { key: 'debit', label: '期末借方', required: true, aliases: ['借方余额', '期末借方余额', 'debit'] },
  { key: 'credit', label: '期末贷方', required: true, aliases: ['贷方余额', '期末贷方余额', 'credit'] },
  { key: 'amortisation', label: '累计摊销', required: false, aliases: ['amortisation', 'amortization'] },
];

export interface InitFrom2004Result extends UseCaseResult {
  /** Opening balances written to the new book. */
  converted: number;
  /** Balances that could not be mapped (findings). */
  unmapped: number;
}

/** The input rows as 2004 balances, or the findings on its bad cells. */
function readTrialBalance(src: ImportSource): { rows: OldBalance[]; findings: Finding[] } {
  const { index, findings } = resolveColumns(src.header, WANTS, src.where.source, src.where.firstRow - 1);
  if (findings.length > 0) return { rows: [], findings };
  const place = placeOfSource(src);
  const rows: OldBalance[] = [];
  src.rows.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const row = src.where.firstRow + i;
    const cell = (key: string): unknown => cells[index[key] ?? -1];
    const code = parseCodeCell(cell('account'), '科目编码');
    const dr = parseAmountCell(cell('debit'), '期末借方');
    const cr = parseAmountCell(cell('credit'), '期末贷方');
    const am = isBlank(cell('amortisation')) ? undefined : parseAmountCell(cell('amortisation'), '累计摊销');
    const bad = ([[code, 'account'], [dr, 'debit'], [cr, 'credit'], [am, 'amortisation']] as const).filter(([p]) => p !== undefined && !p.ok);
    for (const [p, key] of bad) if (p && !p.ok) findings.push(issueAt(p.issue, src.where.source, row, place.columnName(index[key] ?? -1)));
    if (bad.length > 0 || !code.ok || !dr.ok || !cr.ok) return;
    const name = cellText(cell('name'));
    rows.push({ code: code.value, debit: dr.value, credit: cr.value, row, ...(name !== '' && { name }), ...(am?.ok && { amortisation: am.value }) });
  });
  return { rows, findings };
}

export async function initFrom2004(port: WorkbookPort, opts: Omit<InitVillageOptions, 'subAccounts'>, src: ImportSource, run?: RunOptions): Promise<InitFrom2004Result> {
  const read = readTrialBalance(src);
  if (hasErrors(read.findings)) return resultOf(read.findings, { converted: 0, unmapped: 0 });
  const conv = convert2004TrialBalance(read.rows, src.where.source);
  // The sub-accounts every book gets (322's) win over the same codes carried from the old book.
  const defaults = new Set(DEFAULT_SUB_ACCOUNTS.map((s) => s.code));
  const init = await initVillageWrites(port, { ...opts, subAccounts: conv.subAccounts.filter((s) => !defaults.has(s.code)) });
  if (hasErrors(init.findings)) return resultOf([...read.findings, ...init.findings], { converted: 0, unmapped: 0 });
  const names = new Map([...CHART_2023, ...DEFAULT_SUB_ACCOUNTS, ...conv.subAccounts].map((s) => [s.code, s.name]));
  run?.onProgress?.(0, 1, '初始化');
  await commitWrites(port, [...init.writes, { kind: 'append', spec: OPENING, rows: encodeOpeningRows(conv.opening, (c) => names.get(c)) }]);
  run?.onProgress?.(1, 1, '初始化完成');
  // Unmapped balances are listed, not fatal: the book exists and the accountant books the rest by hand.
  const listed = conv.findings.map((f): Finding => (f.severity === 'error' ? { ...f, severity: 'warning' } : f));
  const unmapped = conv.findings.filter((f) => f.rule === 'migrate.unmapped' || f.rule === 'migrate.unknown-account').length;
  return resultOf([...read.findings, ...listed], { converted: conv.opening.length, unmapped });
}
