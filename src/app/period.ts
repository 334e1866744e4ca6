/** The reporting period of a use case: 'YYYY-MM' months inside the fiscal year, from ≤ to. */
import { finding, type Finding } from '../core/findings';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function resolvePeriod(year: number, from?: string, to?: string): { from: string; to: string; findings: Finding[] } {
  const f = from ?? `${year}-01`;
  const t = to ?? `${year}-12`;
  const findings: Finding[] = [];
  for (const [m, zh, en] of [[f, '起始月份', 'start month'], [t, '截止月份', 'end month']] as const) {
    if (!MONTH_RE.test(m) || Number(m.slice(0, 4)) !== year) {
      findings.push(finding('period.bad-month', 'error', `${zh}"${m}"无效：应为${year}年内的 YYYY-MM`, `The ${en} "${m}" is invalid: give YYYY-MM within ${year}`));
    }
  }
  if (findings.length === 0 && f > t) {
    findings.push(finding('period.reversed', 'error', `起始月份${f}晚于截止月份${t}`, `The start month ${f} is after the end month ${t}`));
  }
  return { from: f, to: t, findings };
}
