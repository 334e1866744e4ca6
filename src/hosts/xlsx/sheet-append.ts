/**
 * Appending rows to a typed-in sheet in place: the new `<row>` elements go after the last used
 * row of the table's columns, every other byte of the sheet part stays as it was. A row that
 * already exists there (a user's note in a column right of the table, a formatted empty row)
 * keeps its other cells; our cells take the table's columns. The table's ref and the list
 * validation of its columns grow over the new rows. Ranges are kept as ranges: a validation over
 * `A1:XFD1048576` is read as four numbers, never expanded.
 */
import type { Scalar, TypedTableSpec } from '../../workbook/port';
import { columnLetter } from '../../workbook/layout';
import { XlsxHostError } from './errors';
import { refColumn, scanSheet, sheetDataBounds, type RowSpan, type ScanVisitor, type SheetReadContext } from './sheet-read';
import { scalarString, scalarXml, validationXml } from './sheet-write';
import type { ByteWriter } from './byte-writer';
import type { Styles } from './styles';
import { attr, elements, fromUtf8, rootPrefix } from './xml';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 'B2:L90' (or a single cell, `$` allowed) → 1-based box. */
export function decodeRef(ref: string): Box {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new XlsxHostError(`bad range ${ref}`);
  const left = refColumn(m[1] as string) + 1;
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? refColumn(m[3]) + 1 : left };
}

export const encodeRef = (b: Box): string => `${columnLetter(b.left - 1)}${b.top}:${columnLetter(b.right - 1)}${b.bottom}`;

/** Elements that follow <dataValidations> in CT_Worksheet (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_DATA_VALIDATIONS = ['hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Inserts a worksheet child element before the first of `successors` present (else before </worksheet>). */
export function insertWorksheetChild(xml: string, successors: readonly string[], text: string): string {
  let at = -1;
  for (const name of successors) {
    const m = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.search(/<\/(?:[\w.-]+:)?worksheet>\s*$/);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Gives our generated XML the document's namespace prefix, for writers that use one (`x:row`). */
function withPrefix(fragment: string, p: string): string {
  return p === '' ? fragment : fragment.replace(/<(\/?)(row|c|is|t|v|f|dataValidation|formula1|dataValidations)(?=[\s/>])/g, `<$1${p}$2`);
}

/**
 * What appending needs to know of a sheet, gathered in one scan: the header row's texts, the last
 * non-blank row of each column, and where each row element lies. readTables' own scan of a typed-in
 * sheet feeds one too (XlsxWorkbook keeps it with the part's bytes), so `import` scans 凭证 once,
 * not once to read and again to append.
 */
export class AppendScan {
  readonly header = new Map<number, string>();
  widest = 0;
  /** 0-based column → last row below the header with a non-blank value. */
  readonly lastIn: number[] = [];
  // Row elements in document order as three number arrays: no object kept per row.
  private readonly rowNumber: number[] = [];
  private readonly rowStart: number[] = [];
  private readonly rowEnd: number[] = [];
  readonly visitor: ScanVisitor = {
    row: (s) => this.row(s),
    cell: (r, c, v) => this.cell(r, c, v),
  };

  constructor(readonly top: number) {}

  row(s: RowSpan): void {
    this.rowNumber.push(s.r);
    this.rowStart.push(s.start);
    this.rowEnd.push(s.end);
  }

  cell(r: number, c: number, v: Scalar): void {
    if (r === this.top) {
      this.header.set(c, String(v ?? '').trim());
      this.widest = Math.max(this.widest, c + 1);
    }
    if (r > this.top && !(v === null || (typeof v === 'string' && v.trim() === ''))) {
      if (r > (this.lastIn[c] ?? 0)) this.lastIn[c] = r;
    }
  }

  /** Row elements numbered start..end. */
  spansIn(start: number, end: number): RowSpan[] {
    const out: RowSpan[] = [];
    this.rowNumber.forEach((r, i) => {
      if (r >= start && r <= end) out.push({ r, start: this.rowStart[i] as number, end: this.rowEnd[i] as number });
    });
    return out;
  }

  /** Where the last row element numbered below `r` ends (rows are in ascending order). */
  endOfLastBefore(r: number): number | undefined {
    for (let i = this.rowNumber.length - 1; i >= 0; i--) if ((this.rowNumber[i] as number) < r) return this.rowEnd[i];
    return undefined;
  }

  /** Where the first row element numbered above `r` starts. */
  startOfFirstAfter(r: number): number | undefined {
    for (let i = 0; i < this.rowNumber.length; i++) if ((this.rowNumber[i] as number) > r) return this.rowStart[i];
    return undefined;
  }
}

export interface AppendResult {
  /** The table's new ref (unchanged when there is no table or it already covers the rows). */
  tableRef: string;
}

/**
 * `xml` is the sheet part's bytes; the new part goes into `w`. The rows before ours are copied as
 * bytes, and only the part's head (up to `<sheetData>`, for the dimension) and tail (after the
 * rows, for the validations) are decoded and edited as text.
 */
export function appendToSheet(xml: Uint8Array, ctx: SheetReadContext, spec: TypedTableSpec, rows: readonly Scalar[][], tableBox: Box | undefined, styles: Styles, w: ByteWriter, known?: AppendScan): AppendResult {
  const top = tableBox?.top ?? 1;
  const left = tableBox?.left ?? 1;
  let scan = known;
  if (scan === undefined || scan.top !== top) {
    scan = new AppendScan(top);
    scanSheet(xml, ctx, scan.visitor);
  }
  const { header, widest, lastIn } = scan;
  const right = tableBox?.right ?? Math.max(widest, spec.columns.length);
  let last = top;
  for (let c = left - 1; c <= right - 1 && c < lastIn.length; c++) last = Math.max(last, lastIn[c] ?? 0);
  const target = spec.columns.map((col) => {
    for (let c = left - 1; c <= right - 1; c++) if (header.get(c) === col.header) return c;
    throw new XlsxHostError(`表${spec.sheet}缺少"${col.header}"列 / sheet ${spec.sheet} has no "${col.header}" column`);
  });
  const order = spec.columns.map((_c, j) => j).sort((a, b) => (target[a] as number) - (target[b] as number));
  const style = spec.columns.map((c) => (c.numFmt ? styles.xf({ numFmt: c.numFmt }) : 0));
  const letters = target.map((c) => columnLetter(c));
  const ours = new Set(target);
  const start = last + 1;
  const end = start + rows.length - 1;
  const bounds = sheetDataBounds(xml);
  if (!bounds) throw new XlsxHostError(`${spec.sheet}: worksheet has no sheetData`);
  const head = fromUtf8(xml.subarray(0, bounds.openStart));
  const p = rootPrefix(head);

  // Existing rows in [start, end], by row number, with their non-table cells.
  const existing = new Map<number, RowSpan>();
  for (const s of scan.spansIn(start, end)) existing.set(s.r, s);

  // The dimension (a hint, but kept true) sits before <sheetData>.
  w.raw(growDimension(head, end, Math.max(right, widest)));
  let suffix: string;
  if (bounds.selfClosing) {
    w.raw(fromUtf8(xml.subarray(bounds.openStart, bounds.start)).replace(/\s*\/>$/, '>'));
    suffix = `</${p}sheetData>${fromUtf8(xml.subarray(bounds.start))}`;
  } else {
    // Rows are in ascending order: ours replace the existing ones in [start, end] and go before any later row.
    w.bytes(xml.subarray(bounds.openStart, scan.endOfLastBefore(start) ?? bounds.start));
    suffix = fromUtf8(xml.subarray(scan.startOfFirstAfter(end) ?? bounds.end));
  }
  // An empty cell whose column already carries its style (<col style>, as our typed-in sheets
  // have) need not be written: Excel gives a missing cell its column's format (ECMA-376 Part 1,
  // 18.3.1.13 col). That is 7 of a voucher line's 12 cells, a third of the 凭证 part.
  const colStyle = columnStyles(head);
  const emptyStyle = target.map((c, j) => (colStyle(c) === style[j] ? 0 : (style[j] as number)));
  const plain = p === '' && existing.size === 0;
  const formats = spec.columns.map((c) => c.numFmt);
  for (let k = 0; k < rows.length; k++) {
    const r = start + k;
    const values = rows[k] as Scalar[];
    if (plain) {
      // The common case: fresh rows, written straight into the buffer.
      let x = `<row r="${r}">`;
      for (const j of order) {
        const v = values[j] ?? null;
        x += scalarString(letters[j] as string, r, v, (v === null ? emptyStyle[j] : style[j]) as number, formats[j]);
      }
      w.raw(`${x}</row>`);
      continue;
    }
    const cells: { col: number; xml: string }[] = [];
    for (const j of order) {
      const v = values[j] ?? null;
      const x = scalarXml(`${letters[j]}${r}`, v, (v === null ? emptyStyle[j] : style[j]) as number, spec.columns[j]?.numFmt);
      if (x) cells.push({ col: target[j] as number, xml: withPrefix(x, p) });
    }
    const old = existing.get(r);
    let open = `<${p}row r="${r}">`;
    if (old) {
      const text = fromUtf8(xml.subarray(old.start, old.end));
      const startTag = /^<[^>]*?(\/?)>/.exec(text)?.[0] ?? '';
      open = startTag.replace(/\sspans\s*=\s*"[^"]*"/, '').replace(/\s*\/>$/, '>');
      for (const c of elements(text, 'c')) {
        const ref = attr(c.start, 'r');
        const col = ref ? refColumn(ref) : -1;
        if (col >= 0 && !ours.has(col)) cells.push({ col, xml: c.text });
      }
      cells.sort((x, y) => x.col - y.col);
    }
    w.raw(open);
    for (const c of cells) w.raw(c.xml);
    w.raw(`</${p}row>`);
  }
  w.raw(growValidations(suffix, spec, target, top, end, p));
  const tableRef = tableBox && end > tableBox.bottom ? encodeRef({ ...tableBox, bottom: end }) : tableBox ? encodeRef(tableBox) : '';
  return { tableRef };
}

/** The style index each column's `<col>` gives (0-based column → s), from the part's head. */
function columnStyles(head: string): (col: number) => number {
  const spans = elements(head, 'col').map((c) => ({ min: Number(attr(c.start, 'min')), max: Number(attr(c.start, 'max')), style: Number(attr(c.start, 'style') ?? 0) }));
  return (col) => spans.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style ?? 0;
}

function growDimension(xml: string, lastRow: number, lastCol: number): string {
  const m = /<(?:[\w.-]+:)?dimension\s+ref\s*=\s*"([^"]*)"/.exec(xml);
  if (!m) return xml;
  let box: Box;
  try {
    box = decodeRef(m[1] as string);
  } catch {
    return xml;
  }
  if (box.bottom >= lastRow && box.right >= lastCol) return xml;
  const grown = encodeRef({ top: Math.min(box.top, 1), left: Math.min(box.left, 1), bottom: Math.max(box.bottom, lastRow), right: Math.max(box.right, lastCol) });
  return xml.slice(0, m.index) + m[0].replace(/"[^"]*"$/, `"${grown}"`) + xml.slice(m.index + m[0].length);
}

/** Highest row of column `col` (0-based) that a validation's sqref covers within one column, per element. */
function coverage(sqref: string, col: number): number {
  let max = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    let b: Box;
    try {
      b = decodeRef(part);
    } catch {
      continue;
    }
    if (b.left - 1 <= col && b.right - 1 >= col) max = Math.max(max, b.bottom);
  }
  return max;
}

/** Extends the list validation of our columns over the new rows (the element that already covers the column, else a new one). */
function growValidations(xml: string, spec: TypedTableSpec, target: readonly number[], top: number, end: number, p: string): string {
  let out = xml;
  spec.columns.forEach((col, j) => {
    if (!col.validation) return;
    const c = target[j] as number;
    const L = columnLetter(c);
    const dvs = elements(out, 'dataValidation').filter((d) => attr(d.start, 'type') === 'list');
    let through = 0;
    let owner: (typeof dvs)[number] | undefined;
    for (const d of dvs) {
      const cov = coverage(attr(d.start, 'sqref') ?? '', c);
      if (cov > through) {
        through = cov;
        owner = d;
      }
    }
    if (end <= through) return;
    const range = `${L}${Math.max(through + 1, top + 1)}:${L}${end}`;
    if (owner) {
      const sq = attr(owner.start, 'sqref') ?? '';
      const start = owner.start.replace(/(\ssqref\s*=\s*)"[^"]*"/, `$1"${sq} ${range}"`);
      out = out.slice(0, owner.index) + start + out.slice(owner.index + owner.start.length);
      return;
    }
    const dv = withPrefix(validationXml(col, range) as string, p);
    const container = elements(out, 'dataValidations')[0];
    if (container) {
      const close = container.index + container.text.lastIndexOf('<');
      const head = container.start.replace(/\scount\s*=\s*"\d+"/, '');
      const count = elements(container.inner, 'dataValidation').length + 1;
      const openTag = head.replace(/>$/, ` count="${count}">`);
      out = out.slice(0, container.index) + openTag + out.slice(container.index + container.start.length, close) + dv + out.slice(close);
    } else {
      out = insertWorksheetChild(out, AFTER_DATA_VALIDATIONS, withPrefix(`<dataValidations count="1">${dv}</dataValidations>`, p));
    }
  });
  return out;
}
