/**
 * One Finding type for every check in the engine. Expected problems in the user's data are
 * findings (values), never exceptions. Messages are Chinese first, English second.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule id, e.g. 'voucher.unbalanced'. Tools and tests key on it. */
  rule: string;
  severity: Severity;
  zh: string;
  en: string;
  /** Where: sheet name as the user sees it (e.g. '凭证'), 1-based row, column header or letter. */
  sheet?: string;
  row?: number;
  column?: string;
}

export function finding(
  rule: string,
  severity: Severity,
  zh: string,
  en: string,
  at: { sheet?: string; row?: number; column?: string } = {},
): Finding {
  const f: Finding = { rule, severity, zh, en };
  if (at.sheet !== undefined) f.sheet = at.sheet;
  if (at.row !== undefined) f.row = at.row;
  if (at.column !== undefined) f.column = at.column;
  return f;
}

export function hasErrors(fs: readonly Finding[]): boolean {
  return fs.some((f) => f.severity === 'error');
}

/** "凭证!B12 …" style location text, for CLI and pane lists. */
export function findingLocation(f: Finding): string {
  const parts: string[] = [];
  if (f.sheet) parts.push(f.sheet);
  if (f.row !== undefined) parts.push(`第${f.row}行`);
  if (f.column) parts.push(`${f.column}列`);
  return parts.join(' ');
}
