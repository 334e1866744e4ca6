/**
 * A stand-in for Excel's CustomFunctions runtime global (Error, ErrorCode, associate), installed
 * before functions.ts is imported. `errorOf` runs a call and returns the Excel error it threw.
 */
import { vi } from 'vitest';

export class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsStub(): void {
  vi.stubGlobal('CustomFunctions', {
    Error: FakeExcelError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
    associate: () => undefined,
  });
}

/** The Excel error code thrown by `call`, or 'no error: <result>'. */
export function errorOf(call: () => unknown): string {
  try {
    return `no error: ${String(call())}`;
  } catch (e) {
    if (e instanceof FakeExcelError) return e.code;
    throw e;
  }
}

/** The error's message (Chinese first), for the one or two tests that look at it. */
export function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof FakeExcelError) return e.message ?? '';
    throw e;
  }
  return '';
}
