/**
 * The pane's one message renderer: every error that reaches the user goes through `describeError`,
 * which turns it into a sentence a village accountant understands. Findings are not errors; they
 * are shown as a list. Bugs still get a calm message (the runner logs their detail for support).
 */
import type { Messages } from './i18n';

export type PaneErrorCode = 'not-xlsx' | 'not-table' | 'bad-file' | 'sample-missing' | 'no-workbook' | 'has-findings';

/** An expected failure of the pane itself (a wrong file, no workbook open). */
export class PaneError extends Error {
  constructor(
    readonly code: PaneErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'PaneError';
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

const CODE_MESSAGE: Record<PaneErrorCode, (m: Messages) => string> = {
  'not-xlsx': (m) => m.errorNotXlsx,
  'not-table': (m) => m.errorNotTable,
  'bad-file': (m) => m.errorBadFile,
  'sample-missing': (m) => m.errorSampleMissing,
  'no-workbook': (m) => m.errorNoWorkbook,
  'has-findings': (m) => m.errorHasFindings,
};

/** What to tell the user about `e`; never a stack trace or an English exception text in zh-CN. */
export function describeError(e: unknown, m: Messages): string {
  if (isAbort(e)) return m.cancelled;
  if (e instanceof PaneError) return CODE_MESSAGE[e.code](m);
  // Office.js failures carry a `code` such as 'InvalidOperation' or 'GeneralException'.
  if (isOfficeError(e)) return m.errorExcel;
  // A typed error of ours may bring its own Chinese/English message ({zh, en}).
  return ownMessage(e, m) ?? m.errorGeneric;
}

/** A failure none of our messages explains: a bug, worth its detail in the console. */
export function isUnexpected(e: unknown): boolean {
  return !isAbort(e) && !(e instanceof PaneError) && !isOfficeError(e) && ownMessage(e, undefined) === undefined;
}

function isOfficeError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && e.constructor?.name === 'Error' && 'debugInfo' in e;
}

function ownMessage(e: unknown, m: Messages | undefined): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { zh, en } = e as { zh?: unknown; en?: unknown };
  const text = m?.lang === 'en-US' ? en : zh;
  if (typeof text !== 'string' || text === '') return undefined;
  // English texts made for logs start in lower case ("the workbook is password-protected; …").
  return m?.lang === 'en-US' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
