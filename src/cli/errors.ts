/** Errors of the CLI's own inputs (the import file), mapped to exit codes in exit-codes.ts. */
export type InputFileIssue = 'missing' | 'not-a-workbook' | 'exists';

export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly issue: InputFileIssue,
    readonly path: string,
  ) {
    super(`${issue}: ${path}`);
  }
}
