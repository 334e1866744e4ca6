/**
 * Text that leaves the engine for programs that may evaluate it (CSV opened in Excel or WPS).
 * A cell beginning with = + - @ (or a tab or carriage return, which some programs strip before
 * looking) would be read as a formula: CSV injection. One rule, used by every export.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text safe to put in a CSV cell: a leading apostrophe when it would start a formula.
 * @example neutraliseFormulaText('=1+1') // "'=1+1"
 * @example neutraliseFormulaText('示范村') // '示范村'
 */
export function neutraliseFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
