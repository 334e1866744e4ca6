/**
 * Formula injection (CSV injection): text that a spreadsheet would run as a formula when the
 * exported file is opened — a summary typed as `=HYPERLINK(...)`, `+cmd|...`, `-1+1`, `@SUM(...)`,
 * or the same behind a leading tab or carriage return. Exported text goes through this one
 * function; .xlsx string cells need nothing (a string cell is never a formula), and the Excel
 * host quotes such text itself when it writes values.
 */

/** Characters that make a spreadsheet read the cell as a formula when they lead it (OWASP's list). */
const FORMULA_LEAD = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * The text with a leading apostrophe when its first character would start a formula, so Excel,
 * WPS and LibreOffice show it as typed instead of running it; any other text unchanged.
 * @example neutraliseFormulaText('=1+2') // "'=1+2"
 */
export function neutraliseFormulaText(s: string): string {
  return s.length > 0 && FORMULA_LEAD.has(s.charAt(0)) ? `'${s}` : s;
}
