/** Printing findings and summaries: Chinese first, English second. */
import { findingLocation, type Finding } from '../core/findings';

const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info' } as const;

export function formatFinding(f: Finding): string {
  const at = findingLocation(f);
  return `[${SEVERITY[f.severity]}] ${at ? `${at}：` : ''}${f.zh}\n    ${f.en} (${f.rule})`;
}

/** Findings as printed lines, errors first; at most `limit` (the rest counted). */
export function formatFindings(fs: readonly Finding[], limit = 200): string {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...fs].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const lines = sorted.slice(0, limit).map(formatFinding);
  if (sorted.length > limit) lines.push(`…另有 ${sorted.length - limit} 项 / ${sorted.length - limit} more`);
  return lines.join('\n');
}

/** A finding as JSON: every field present (null when absent) so readers need no guards. */
export function findingJson(f: Finding): Record<string, string | number | null> {
  return { rule: f.rule, severity: f.severity, zh: f.zh, en: f.en, sheet: f.sheet ?? null, row: f.row ?? null, column: f.column ?? null };
}
