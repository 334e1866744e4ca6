/**
 * Reading a worksheet part's cells without building a document: one pass over `<sheetData>`
 * with a regular expression for the row and cell tags, values taken from `<v>` (formulas give
 * their cached result), `<is>` (inline strings, rich text joined) or the shared strings.
 * This is the hot path of every command (100,000 voucher lines are 1.2 million cells), so it is
 * our own code rather than a general SAX parser: it does one thing and allocates little.
 * ECMA-376 Part 1, 18.3.1.4 (c), 18.3.1.73 (row), 18.18.11 (ST_CellType).
 */
import type { Scalar } from '../../workbook/port';
import { serialToIso } from '../../workbook/codecs/cells';
import { XlsxLimitError, type XlsxLimits } from './limits';
import type { Styles } from './styles';
import { decodeXstring, richText, unescapeXml } from './xml';

export interface SheetReadContext {
  sharedStrings: () => readonly string[];
  styles: Styles;
  date1904: boolean;
  limits: XlsxLimits;
}

/** 'AB' (from 'AB12') → 0-based column index; -1 when `ref` has no letters. */
export function refColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** 'AB12' → 12. */
export function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i));
}

export interface RowSpan {
  /** 1-based row number. */
  r: number;
  /** Offsets of the `<row>` element in the sheet XML. */
  start: number;
  end: number;
}

export interface ScanVisitor {
  /** A cell with a value (empty cells are not reported). `col` is 0-based. */
  cell(row: number, col: number, value: Scalar): void;
  /** Each row element, in document order. */
  row?(span: RowSpan): void;
}

const TAG = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;
const END_ROW = /<\/(?:[\w.-]+:)?row>/g;
const END_C = /<\/(?:[\w.-]+:)?c>/g;

/** The `<sheetData>` element's content bounds, or undefined for a sheet without one. */
export function sheetDataBounds(xml: string): { start: number; end: number; selfClosing: boolean; openStart: number } | undefined {
  const open = /<(?:[\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  if (open[1] === '/') return { start, end: start, selfClosing: true, openStart: open.index };
  const close = /<\/(?:[\w.-]+:)?sheetData>/g;
  close.lastIndex = start;
  const m = close.exec(xml);
  return { start, end: m ? m.index : xml.length, selfClosing: false, openStart: open.index };
}

function attrIn(attrs: string, name: string): string | undefined {
  const i = attrs.indexOf(` ${name}="`);
  if (i < 0) {
    const j = attrs.indexOf(` ${name}='`);
    if (j < 0) return undefined;
    return attrs.slice(j + name.length + 3, attrs.indexOf("'", j + name.length + 3));
  }
  return attrs.slice(i + name.length + 3, attrs.indexOf('"', i + name.length + 3));
}

const INNER = {
  v: /<(?:[\w.-]+:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/,
  is: /<(?:[\w.-]+:)?is(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?is>)/,
};

function innerOf(inner: string, tag: 'v' | 'is'): string | undefined {
  if (tag === 'v') {
    // Fast path for what every writer emits: <v>…</v>.
    const i = inner.indexOf('<v>');
    if (i >= 0) {
      const j = inner.indexOf('</v>', i + 3);
      if (j >= 0) return inner.slice(i + 3, j);
    }
  }
  const m = INNER[tag].exec(inner);
  return m ? (m[1] ?? '') : undefined;
}

/** Walks every cell with a value; rows beyond `limits.maxRows` or columns beyond XFD are refused. */
export function scanSheet(xml: string, ctx: SheetReadContext, visit: ScanVisitor): void {
  const bounds = sheetDataBounds(xml);
  if (!bounds || bounds.selfClosing) return;
  const { maxRows, maxColumns } = ctx.limits;
  TAG.lastIndex = bounds.start;
  let row = 0;
  let col = -1;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml)) !== null && m.index < bounds.end) {
    const attrs = m[2] as string;
    if (m[1] === 'row') {
      const r = attrIn(attrs, 'r');
      row = r !== undefined ? Number(r) : row + 1;
      if (!(row >= 1)) row = 1;
      if (row > maxRows) throw new XlsxLimitError('rows', row, maxRows);
      col = -1;
      const rowStart = m.index;
      if (m[3] === '/') visit.row?.({ r: row, start: rowStart, end: m.index + m[0].length });
      else if (visit.row) {
        END_ROW.lastIndex = m.index;
        const e = END_ROW.exec(xml);
        const end = e ? e.index + e[0].length : bounds.end;
        // Row spans are recorded at the row's start tag; cells follow inside it.
        visit.row({ r: row, start: rowStart, end });
      }
      continue;
    }
    const ref = attrIn(attrs, 'r');
    col = ref !== undefined ? refColumn(ref) : col + 1;
    if (col >= maxColumns) throw new XlsxLimitError('columns', col + 1, maxColumns);
    if (ref !== undefined) {
      const rr = refRow(ref);
      if (rr > 0 && rr !== row) {
        if (rr > maxRows) throw new XlsxLimitError('rows', rr, maxRows);
        row = rr;
      }
    }
    if (m[3] === '/') continue;
    END_C.lastIndex = m.index + m[0].length;
    const e = END_C.exec(xml);
    if (!e) break;
    const inner = xml.slice(m.index + m[0].length, e.index);
    TAG.lastIndex = e.index + e[0].length;
    const value = cellValue(attrs, inner, ctx);
    if (value !== null) visit.cell(row, col, value);
  }
}

function cellValue(attrs: string, inner: string, ctx: SheetReadContext): Scalar {
  const t = attrIn(attrs, 't');
  if (t === 'inlineStr') {
    const is = innerOf(inner, 'is');
    return is === undefined ? null : richText(is);
  }
  const v = innerOf(inner, 'v');
  if (v === undefined) return null;
  switch (t) {
    case 's': {
      const s = ctx.sharedStrings()[Number(v)];
      return s ?? null;
    }
    case 'str':
      return decodeXstring(unescapeXml(v));
    case 'b':
      return v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return unescapeXml(v);
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : unescapeXml(v);
    default: {
      if (v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return unescapeXml(v);
      const s = attrIn(attrs, 's');
      if (s !== undefined && ctx.styles.isDate(Number(s))) return serialToIso(ctx.date1904 ? n + 1462 : n);
      return n;
    }
  }
}

/** Shared strings part → strings in order (rich text joined, phonetic runs skipped). */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const inner = m[1] ?? '';
    // Fast path: a plain <t>text</t>.
    const plain = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/.exec(inner);
    out.push(plain ? decodeXstring(unescapeXml(plain[1] ?? '')) : richText(inner));
  }
  return out;
}
