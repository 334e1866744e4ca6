/**
 * The one place where anything thrown below a custom function becomes an Excel error value
 * (STYLE.md habit 5). A bad argument is #VALUE! (wrong type, missing) or #NUM! (out of range, no
 * answer); an unexpected failure is #VALUE! with its message. Never a number.
 */
import { ArgumentError } from '../core/errors';

/** A bad argument found while coercing cells, before any core call. */
export class FunctionArgumentError extends ArgumentError {}

/** Maps anything thrown to a CustomFunctions.Error; Chinese message first. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof ArgumentError) {
    const code = e.kind === 'num' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, `${e.zh}（${e.en}）`);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `计算失败：${detail}（internal error）`);
}

/** Runs one custom-function body; whatever it throws leaves as an Excel error value. */
export function excelSafe<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}
