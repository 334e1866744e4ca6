/**
 * The few CustomFunctions runtime types we use (the Excel custom-functions runtime global), declared
 * here rather than adding @types/custom-functions-runtime: only Error, ErrorCode and associate.
 * Shapes as in the Office docs (custom-functions-errors.md).
 */
declare namespace CustomFunctions {
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
  }
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  function associate(id: string, fn: (...args: never[]) => unknown): void;
}
