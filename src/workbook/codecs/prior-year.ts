/** 上年数 rows → prior-year amounts by 行次 of the 收益及收益分配表. */
import { finding, type Finding } from '../../core/findings';
import type { Fen } from '../../core/money';
import { PRIOR_YEAR } from '../layout';
import type { TableData } from '../port';
import { cellText, isBlankRow, issueAt, parseAmountCell } from './cells';
import { resolveColumns, wantsOf } from './columns';

/** Typed prior-year amounts by line number; a 行次 not among `lines` or given twice is a finding. */
export function decodePriorYear(table: TableData | undefined, lines: ReadonlySet<number>): { amounts: Map<number, Fen>; findings: Finding[] } {
  const amounts = new Map<number, Fen>();
  if (!table) return { amounts, findings: [] };
  const { index, findings } = resolveColumns(table.header, wantsOf(PRIOR_YEAR, ['line', 'amount']), table.sheet, table.firstRow - 1);
  if (findings.length > 0) return { amounts, findings };
  const [cLine, cAmount] = [index.line ?? -1, index.amount ?? -1];
  table.rows.forEach((cells, k) => {
    if (isBlankRow(cells)) return;
    const row = table.firstRow + k;
    const column = (c: number): string => table.columnLetters[c] ?? PRIOR_YEAR.columns[c]?.header ?? '';
    const line = Number(cellText(cells[cLine]));
    if (!lines.has(line) || amounts.has(line)) {
      const why = amounts.has(line) ? ['重复', 'given twice'] : ['不是收益及收益分配表的行次', 'is not a line of the income statement'];
      findings.push(finding('prior-year.bad-line', 'error', `上年数第${row}行：行次"${cellText(cells[cLine])}"${why[0]}`, `prior-year row ${row}: line "${cellText(cells[cLine])}" ${why[1]}`, { sheet: table.sheet, row, column: column(cLine) }));
      return;
    }
    const a = parseAmountCell(cells[cAmount], '上年金额');
    if (a.ok) amounts.set(line, a.value);
    else findings.push(issueAt(a.issue, table.sheet, row, column(cAmount)));
  });
  return { amounts, findings };
}
