/**
 * The account-code format, in one place: a 3-digit first-level code (101 … 521) and 2 more
 * digits per sub-level (501 → 50101 → 5010101), at most 15 digits (seven levels; a code typed
 * as a number stays a safe integer). Every reader of codes (chart, codecs, CSV scanner, CUN.*
 * arguments, contract and report schemas) asks `isAccountCode`.
 */

export const FIRST_LEVEL_DIGITS = 3;
export const SUB_LEVEL_DIGITS = 2;
export const MAX_CODE_DIGITS = 15;

/** The rule in words, for findings and error messages (Chinese first). */
export const ACCOUNT_CODE_RULE = {
  zh: '三位一级科目，明细每级加两位，最多十五位',
  en: '3 digits, plus 2 per sub-level, at most 15',
} as const;

/** s[start, end) is an account code; scans in place so the CSV reader need not slice. */
export function isAccountCodeAt(s: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < FIRST_LEVEL_DIGITS || n > MAX_CODE_DIGITS || (n - FIRST_LEVEL_DIGITS) % SUB_LEVEL_DIGITS !== 0) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** @example isAccountCode('50101') === true; isAccountCode('5010') === false */
export function isAccountCode(s: string): boolean {
  return isAccountCodeAt(s, 0, s.length);
}

/** `code` is `account` itself or one of its sub-accounts (50101 is within 501; 5020 is not). */
export function isWithinAccount(code: string, account: string): boolean {
  return code.startsWith(account) && (code.length - account.length) % SUB_LEVEL_DIGITS === 0;
}
