/**
 * Worksheet parts we write whole: generated sheets (title lines, header, body with formulas and
 * cached values, A4 print setup, protection without password), new typed-in sheets (an Excel
 * table with header notes, formats and list validation) and the hidden _meta sheet. XML is
 * built as strings with one style index per column, in CT_Worksheet's element order
 * (ECMA-376 Part 1, 18.3.1.99). Text goes in as inline strings, so the shared-strings part of
 * a user's file never has to be rewritten.
 */
import { isFormulaCell, type Cell, type ColumnSpec, type GeneratedSheet, type Scalar, type TypedTableSpec } from '../../workbook/port';
import { columnLetter, columnWidthChars, DATE_FMT, generatedHeaderRow } from '../../workbook/layout';
import { isoToSerial } from '../../workbook/codecs/cells';
import { exactFenOfNumber } from '../../core/money';
import type { Styles } from './styles';
import { escapeAttr, escapeText } from './xml';
import type { ByteWriter } from './byte-writer';
import { defaultOrientation, orientationOf, printedColumns } from '../../workbook/print';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Rows of a typed-in table that carry list validation when the table is created. */
export const VALIDATED_ROWS = 5000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;


/**
 * Excel's serial day number of an ISO date (the calendar's rule), remembered: a year's book has a
 * few hundred distinct dates and writes each on many rows (10,000 voucher lines spent ~25 ms
 * parsing the same dates again).
 */
const serials = new Map<string, number>();
function dateSerial(iso: string): number {
  let n = serials.get(iso);
  if (n === undefined) {
    n = isoToSerial(iso);
    if (serials.size < 100_000) serials.set(iso, n);
  }
  return n;
}

function needsPreserve(v: string): boolean {
  if (v.length === 0) return false;
  const a = v.charCodeAt(0);
  const z = v.charCodeAt(v.length - 1);
  return a <= 32 || z <= 32 || a === 0x3000 || z === 0x3000 || v.indexOf('\n') >= 0;
}

/** One `<c>`: text inline, numbers as numbers, ISO dates in date columns as serials, formulas with their cached value. */
export function cellString(col: string, row: number, v: Cell, s: number, numFmt: string | undefined): string {
  if (!isFormulaCell(v)) return scalarString(col, row, v, s, numFmt);
  const head = s > 0 ? `<c r="${col}${row}" s="${s}"` : `<c r="${col}${row}"`;
  const f = `<f>${escapeText(v.formula)}</f>`;
  const r = v.result;
  if (r === null) return `${head}>${f}</c>`;
  if (typeof r === 'number') return `${head}>${f}<v>${numberText(r)}</v></c>`;
  if (typeof r === 'boolean') return `${head} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
  if (numFmt === DATE_FMT && ISO_DATE.test(r)) return `${head}>${f}<v>${dateSerial(r)}</v></c>`;
  return `${head} t="str">${f}<v>${escapeText(r)}</v></c>`;
}

export function scalarString(col: string, row: number, v: Scalar, s: number, numFmt: string | undefined): string {
  if (v === null) return s > 0 ? `<c r="${col}${row}" s="${s}"/>` : '';
  const head = s > 0 ? `<c r="${col}${row}" s="${s}"` : `<c r="${col}${row}"`;
  if (typeof v === 'number') return `${head}><v>${numberText(v)}</v></c>`;
  if (typeof v === 'boolean') return `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (numFmt === DATE_FMT && ISO_DATE.test(v)) return `${head}><v>${dateSerial(v)}</v></c>`;
  return `${head} t="inlineStr"><is>${needsPreserve(v) ? '<t xml:space="preserve">' : '<t>'}${escapeText(v)}</t></is></c>`;
}

/**
 * A number as the shortest text that reads back as the same double (what String(n) gives).
 * Money is most of a big sheet's numbers, and String(n) on a fraction runs the general
 * shortest-digits search (a sixth of writing 明细账 at 100,000 lines); a value that is a whole
 * number of fen (exactFenOfNumber, whose comment says why its decimal is exactly n) is written
 * from its fen instead, trailing zero dropped as String(n) drops it
 * (tests/hosts/xlsx/number-text.test.ts).
 */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const fen = exactFenOfNumber(n);
  if (Number.isNaN(fen)) return Number.isFinite(n) ? String(n) : '0';
  const a = Math.abs(fen);
  const whole = Math.floor(a / 100);
  const cents = a - whole * 100; // not 0: n is not an integer
  const frac = cents % 10 === 0 ? `.${cents / 10}` : cents < 10 ? `.0${cents}` : `.${cents}`;
  return `${fen < 0 ? '-' : ''}${whole}${frac}`;
}

/** A scalar cell as a string (small sheets, tests). */
export function scalarXml(ref: string, v: Scalar, s: number, numFmt: string | undefined): string {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return scalarString(m?.[1] ?? 'A', Number(m?.[2] ?? 1), v, s, numFmt);
}

function colsXml(columns: readonly ColumnSpec[], styleOf?: (c: ColumnSpec) => number): string {
  if (columns.length === 0) return '';
  const cols = columns.map((c, j) => {
    const s = styleOf ? styleOf(c) : 0;
    return `<col min="${j + 1}" max="${j + 1}" width="${columnWidthChars(c)}" customWidth="1"${s > 0 ? ` style="${s}"` : ''}/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
}

function frozenView(headerRow: number): string {
  const top = `A${headerRow + 1}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
}

const FOOTER = '<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>';
const MARGINS = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';

function pageSetup(orientation: 'portrait' | 'landscape', fitToHeight: number): string {
  return `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="${fitToHeight}"/>`;
}

/** A generated sheet written: the print ranges for defined names, and its table, if any. */
export interface WrittenSheet {
  printTitles: string;
  printArea: string;
  /** When the sheet has an Excel table: its ref and column names (the table part is written by the caller). */
  table?: { name: string; ref: string; columns: string[] };
}

/**
 * Writes a generated sheet's part XML into `w` (the package's streaming part writer, or a plain
 * ByteWriter). `tableRelId` is the relationship id the caller will give the table part.
 */
export function generatedSheetXml(g: GeneratedSheet, styles: Styles, tableRelId: string | undefined, w: ByteWriter): WrittenSheet {
  const width = Math.max(1, g.columns.length);
  const headerRow = generatedHeaderRow(g);
  const lastCol = columnLetter(width - 1);
  const titleStyle = styles.xf({ bold: true, size: 14, hAlign: 'center', vAlign: 'center' });
  const headerStyle = styles.xf({ bold: true, fill: true, border: true, wrap: true, hAlign: 'center', vAlign: 'center' });
  const bodyStyle = g.columns.map((c) => styles.xf({ numFmt: c.numFmt, border: true, ...(c.wrap ? { wrap: true, vAlign: 'top' as const } : {}) }));
  const boldStyle = g.columns.map((c) => styles.xf({ numFmt: c.numFmt, border: true, bold: true, ...(c.wrap ? { wrap: true, vAlign: 'top' as const } : {}) }));
  const letters = g.columns.map((_c, j) => columnLetter(j));
  const head: string[] = [];
  g.title.forEach((line, i) => {
    const r = i + 1;
    head.push(`<row r="${r}"${i === 0 ? ' ht="24" customHeight="1"' : ''}>${scalarXml(`A${r}`, line, i === 0 ? titleStyle : 0, undefined)}</row>`);
  });
  head.push(`<row r="${headerRow}">${g.columns.map((c, j) => scalarXml(`${letters[j]}${headerRow}`, c.header, headerStyle, undefined)).join('')}</row>`);
  const bold = new Set([...(g.totalRows ?? []), ...(g.boldRows ?? [])]);
  const lastRow = headerRow + Math.max(1, g.rows.length);
  const merges: string[] = [];
  if (width > 1 && g.title.length > 0) merges.push(`A1:${lastCol}1`);
  for (const m of g.merges ?? []) {
    const top = headerRow + 1 + m.row;
    merges.push(`${columnLetter(m.col)}${top}:${columnLetter(m.col + m.cols - 1)}${top + m.rows - 1}`);
  }
  const orientation = orientationOf(g);
  const breaks = (g.print?.rowBreaks ?? []).filter((i) => i > 0 && i < g.rows.length).map((i) => headerRow + i);
  const printed = printedColumns(g.columns);
  const printArea = `$A$1:$${columnLetter(Math.max(1, printed) - 1)}$${lastRow}`;
  const tableRef = `A${headerRow}:${lastCol}${lastRow}`;
  w.raw(`${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`)
    .raw(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${lastCol}${lastRow}"/>${frozenView(headerRow)}`)
    .raw(`<sheetFormatPr defaultRowHeight="15"/>${colsXml(g.columns)}<sheetData>${head.join('')}`);
  const types = g.columns.map((c) => c.numFmt);
  for (let i = 0; i < g.rows.length; i++) {
    const r = headerRow + 1 + i;
    const row = g.rows[i] as Cell[];
    const st = bold.has(i) ? boldStyle : bodyStyle;
    let x = `<row r="${r}">`;
    for (let j = 0; j < letters.length; j++) x += cellString(letters[j] as string, r, row[j] ?? null, st[j] as number, types[j]);
    w.raw(`${x}</row>`);
  }
  w.raw('</sheetData>');
  const tail =
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>' +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    `<printOptions horizontalCentered="1"/>${MARGINS}${pageSetup(orientation, g.print?.fitToHeight ?? 0)}${FOOTER}` +
    (breaks.length > 0 ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '') +
    (tableRelId ? `<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts>` : '') +
    '</worksheet>';
  w.raw(tail);
  const out: WrittenSheet = { printTitles: `$1:$${headerRow}`, printArea };
  if (g.table) out.table = { name: g.table, ref: tableRef, columns: g.columns.map((c) => c.header) };
  return out;
}

/** A table part (ECMA-376 Part 1, 18.5.1.2); `filter` adds the header's filter buttons. */
export function tableXml(id: number, name: string, ref: string, columns: readonly string[], style: string, filter: boolean, stripes: boolean): string {
  return (
    `${XML_DECL}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    (filter ? `<autoFilter ref="${ref}"/>` : '') +
    `<tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="${stripes ? 1 : 0}" showColumnStripes="0"/></table>`
  );
}

/** The list validation of a typed-in column (a warning, since the code list is regenerated on each run and may lag behind 科目). */
export function validationXml(col: ColumnSpec, sqref: string): string | undefined {
  const v = col.validation;
  if (!v) return undefined;
  const formula = 'list' in v ? `"${v.list.join(',')}"` : v.range.replace(/^=/, '');
  return `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${escapeAttr(`${col.header}无效`)}" error="${escapeAttr(`请从列表中选择${col.header}`)}" sqref="${sqref}"><formula1>${escapeText(formula)}</formula1></dataValidation>`;
}

/** The header cell's note, shown when the cell is selected (an input message: title ≤ 32, text ≤ 255 characters). */
function noteXml(col: ColumnSpec, ref: string): string | undefined {
  if (!col.note) return undefined;
  return `<dataValidation allowBlank="1" showInputMessage="1" promptTitle="${escapeAttr(col.header.slice(0, 32))}" prompt="${escapeAttr(col.note.slice(0, 255))}" sqref="${ref}"/>`;
}

/** A new typed-in sheet: header row, one empty body row (Excel tables need one), formats, validation, frozen header. */
export function typedSheetXml(spec: TypedTableSpec, styles: Styles, tableRelId: string): { xml: string; tableRef: string } {
  const n = spec.columns.length;
  const last = columnLetter(Math.max(1, n) - 1);
  const headerStyle = styles.xf({ bold: true });
  const header = spec.columns.map((c, j) => scalarXml(`${columnLetter(j)}1`, c.header, headerStyle, undefined)).join('');
  const dvs: string[] = [];
  spec.columns.forEach((c, j) => {
    const L = columnLetter(j);
    const list = validationXml(c, `${L}2:${L}${VALIDATED_ROWS + 1}`);
    if (list) dvs.push(list);
    const note = noteXml(c, `${L}1`);
    if (note) dvs.push(note);
  });
  const orientation = defaultOrientation(n);
  const xml =
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}2"/>${frozenView(1)}<sheetFormatPr defaultRowHeight="15"/>` +
    colsXml(spec.columns, (c) => (c.numFmt ? styles.xf({ numFmt: c.numFmt }) : 0)) +
    `<sheetData><row r="1">${header}</row></sheetData>` +
    (dvs.length > 0 ? `<dataValidations count="${dvs.length}">${dvs.join('')}</dataValidations>` : '') +
    `${MARGINS}${pageSetup(orientation, 0)}${FOOTER}<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts></worksheet>`;
  return { xml, tableRef: `A1:${last}2` };
}

/** The hidden _meta sheet: key/value rows, text only. */
export function metaSheetXml(rows: readonly (readonly Scalar[])[]): string {
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => scalarXml(`${columnLetter(j)}${i + 1}`, v, 0, '@')).join('')}</row>`)
    .join('');
  return `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><cols><col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="24" customWidth="1"/></cols><sheetData>${body}</sheetData>${MARGINS}</worksheet>`;
}

/** A workbook with no sheets yet (init builds on it). */
export const EMPTY_WORKBOOK = `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`;
