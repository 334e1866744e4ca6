/** Misuse of the .xlsx host (a bug or a workbook it cannot work with), not a data finding. */
export class XlsxHostError extends Error {
  override name = 'XlsxHostError';
}
