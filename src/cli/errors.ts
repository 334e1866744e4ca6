/** Errors of the CLI's own inputs (the import file, the options), mapped to exit codes in exit-codes.ts. */
import type { Finding } from '../core/findings';

export type InputFileIssue = 'missing' | 'not-a-workbook' | 'exists';

export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly issue: InputFileIssue,
    readonly path: string,
    /** Why, when the host could tell (a password, an .xls): Chinese and English. */
    readonly why?: { zh: string; en: string },
  ) {
    super(`${issue}: ${path}`);
  }
}

/** A command used wrongly in a way the parser cannot see (e.g. --from after --to): exit 2 with the reason. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** --from/--to outside the fiscal year or reversed is a usage error (exit 2) with its reason, not a fault of the book. */
export function refuseBadPeriod(findings: readonly Finding[]): void {
  const bad = findings.find((f) => f.rule.startsWith('period.'));
  if (bad) throw new UsageError(bad.zh, bad.en);
}
