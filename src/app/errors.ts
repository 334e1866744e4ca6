/**
 * Typed errors of the use cases. Expected data problems are findings in a result; these are
 * for a workbook a use case cannot work on at all (not a village book, a newer layout, already
 * initialized) or misuse. Each face maps them in one place (CLI: src/cli/exit-codes.ts).
 */
export type BookStateIssue = 'not-initialized' | 'already-initialized' | 'layout-version' | 'wrong-kind';

export class BookStateError extends Error {
  override readonly name = 'BookStateError';
  constructor(
    readonly issue: BookStateIssue,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
