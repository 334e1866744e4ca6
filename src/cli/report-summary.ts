/** The human summary `report` and `demo` print: key figures of the statements. */
import type { ReportJson } from '../app/report-json';
import { classifyVillage } from '../core/consolidate/classify';
import { formatFen, parseFen } from '../core/money';

const fen = (s: string | undefined): number => {
  const p = parseFen(s ?? '0');
  return p.ok ? p.fen : 0;
};

export function printReportSummary(out: NodeJS.WritableStream, r: ReportJson, sheets: readonly string[]): void {
  const is = (key: string): string | undefined => r.incomeStatement.find((x) => x.key === key)?.amount;
  const bs = r.balanceSheet.find((x) => x.key === 'totalAssets');
  const operating = fen(is('operatingRevenue')) + fen(is('investmentIncome'));
  const cls = classifyVillage(operating);
  const lines = [
    `${r.meta.township}${r.meta.village}  ${r.meta.from} 至 ${r.meta.to}`,
    `  资产总计 total assets        年初 ${formatFen(fen(bs?.begin))}  期末 ${formatFen(fen(bs?.end))}`,
    `  经营收益 operating result    ${formatFen(fen(is('operatingResult')))}`,
    `  收益总额 total result        ${formatFen(fen(is('totalResult')))}`,
    `  净收益   net result          ${formatFen(fen(is('netResult')))}`,
    `  可分配收益 distributable     ${formatFen(fen(is('distributable')))}`,
    `  年末未分配收益 retained      ${formatFen(fen(is('retainedClosing')))}`,
    `  集体经营性收入 operating income ${formatFen(operating)} → ${cls.zh} (${cls.en})`,
    `  已生成 sheets: ${sheets.join('、')}`,
  ];
  out.write(`${lines.join('\n')}\n`);
}
