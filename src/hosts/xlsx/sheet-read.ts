/**
 * Reading a worksheet part's cells without building a document: one pass over the bytes of
 * `<sheetData>`, row and cell tags read where they stand, values taken from `<v>` (formulas give
 * their cached result), `<is>` (inline strings, rich text joined) or the shared strings.
 * This is the hot path of every command (100,000 voucher lines are 1.2 million cells), so it is
 * our own code rather than a general SAX parser: it does one thing and allocates little.
 * ECMA-376 Part 1, 18.3.1.4 (c), 18.3.1.73 (row), 18.18.11 (ST_CellType).
 */
import type { Scalar } from '../../workbook/port';
import { serialToIso } from '../../workbook/codecs/cells';
import { XlsxLimitError, type XlsxLimits } from './limits';
import type { Styles } from './styles';
import { decodeXstring, richText, toUtf8, unescapeXml } from './xml';

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

export interface RowSpan {
  /** 1-based row number. */
  r: number;
  /** Byte offsets of the `<row>` element in the sheet part. */
  start: number;
  end: number;
}

export interface ScanVisitor {
  /** A cell with a value (empty cells are not reported). `col` is 0-based. */
  cell(row: number, col: number, value: Scalar): void;
  /** Each row element, in document order (reported at its end tag, after its cells). */
  row?(span: RowSpan): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Where `needle` (ASCII) starts in `b` at or after `from`, or -1. */
function indexOfAscii(b: Uint8Array, needle: string, from: number, to = b.length): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i <= to - needle.length; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** The last place `needle` (ASCII) starts in `b` at or after `from`, or -1. */
function lastIndexOfAscii(b: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = b.length - needle.length; i >= from; i--) {
    if (b[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Offset of the `<` that opens the tag whose local name ends just before `nameEnd` ('<sheetData', '<x:sheetData'), or -1. */
function tagOpen(b: Uint8Array, localStart: number): number {
  if (b[localStart - 1] === LT) return localStart - 1;
  if (b[localStart - 1] !== COLON) return -1;
  let i = localStart - 2;
  while (i >= 0 && b[i] !== LT && !isSpace(b[i] as number) && b[i] !== GT) i--;
  return i >= 0 && b[i] === LT ? i : -1;
}

/** The `<sheetData>` element's content bounds (byte offsets), or undefined for a sheet without one. */
export function sheetDataBounds(b: Uint8Array): { start: number; end: number; selfClosing: boolean; openStart: number } | undefined {
  let at = 0;
  for (;;) {
    const i = indexOfAscii(b, 'sheetData', at);
    if (i < 0) return undefined;
    at = i + 9;
    const open = tagOpen(b, i);
    const next = b[i + 9] as number;
    if (open < 0 || !(isSpace(next) || next === GT || next === SLASH)) continue;
    let gt = i + 9;
    while (gt < b.length && b[gt] !== GT) gt++;
    const start = gt + 1;
    if (b[gt - 1] === SLASH) return { start, end: start, selfClosing: true, openStart: open };
    // The end tag follows every row: look for it from the end of the part, not through 40 MB of rows.
    let end = b.length;
    const close = lastIndexOfAscii(b, 'sheetData>', start);
    if (close >= 0) {
      const lt = tagOpen(b, close);
      if (lt >= 0 && b[lt + 1] === SLASH) end = lt;
      else if (lt < 0 && b[close - 1] === SLASH && b[close - 2] === LT) end = close - 2;
    }
    return { start, end, selfClosing: false, openStart: open };
  }
}

const utf8 = new TextDecoder('utf-8');

/**
 * Short texts of one scan, by their bytes: a sheet repeats its codes, names and summaries on
 * every row, so each is decoded once and every row shares the one string (fewer strings for the
 * garbage collector too). Keyed by an FNV-1a hash of the bytes, checked byte for byte.
 */
class TextCache {
  private readonly map = new Map<number, { bytes: Uint8Array; text: string }>();

  get(b: Uint8Array, s: number, e: number): string {
    if (e - s > 64) return textOf(b, s, e);
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    const hit = this.map.get(h);
    if (hit !== undefined && hit.bytes.length === e - s) {
      let same = true;
      for (let i = 0; i < e - s; i++) {
        if (hit.bytes[i] !== b[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return hit.text;
    }
    const text = textOf(b, s, e);
    // A collision keeps the first text; the other is decoded each time (rare, and still right).
    if (hit === undefined && this.map.size < 65536) this.map.set(h, { bytes: b.slice(s, e), text });
    return text;
  }
}

/** Bytes [s, e) as text: short ASCII (numbers, codes) without the decoder's per-call cost. */
function textOf(b: Uint8Array, s: number, e: number): string {
  if (e - s <= 24) {
    let ascii = true;
    for (let i = s; i < e; i++) {
      if ((b[i] as number) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
  }
  return utf8.decode(b.subarray(s, e));
}

/**
 * A plain decimal ([-]digits[.digits], at most 15 digits, no exponent) read from its bytes, or
 * undefined for anything else (Number() then reads the text). An integer of at most 15 digits
 * and 10^k are exact doubles, so their quotient is the correctly rounded value, as Number() gives.
 */
function plainNumber(b: Uint8Array, s: number, e: number): number | undefined {
  let i = s;
  const negative = b[i] === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < e; i++) {
    const c = b[i] as number;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = scale === 0 ? m : m / POW10[scale]!;
  return negative ? -v : v;
}
const POW10 = Array.from({ length: 16 }, (_v, k) => 10 ** k);

/** Types of cell (ECMA-376 Part 1, 18.18.11 ST_CellType), from the `t` attribute's bytes. */
const enum T {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

function cellType(b: Uint8Array, s: number, e: number): T {
  const n = e - s;
  const c = b[s];
  if (n === 1) return c === 115 ? T.Shared : c === 98 ? T.Bool : c === 101 ? T.Error : c === 100 ? T.Date : T.Number;
  if (n === 3 && c === 115) return T.Str; // str
  if (n === 9 && c === 105) return T.Inline; // inlineStr
  return T.Number;
}

/**
 * One pass over the bytes of `<sheetData>`: row and cell tags are read where they stand, and only
 * values are turned into strings, so the 40 MB sheet of a 100,000-line book is never decoded
 * whole (decoding it to a string first cost ~0.35 s, and the string twice the memory).
 */
class Scanner {
  private p: number;
  private row = 0;
  private col = -1;
  private rowStart = -1;
  // The last start tag read: its local name's bounds, whether it closed itself, and three attributes.
  private nameS = 0;
  private nameE = 0;
  private selfClosing = false;
  private rS = -1;
  private rE = -1;
  private tS = -1;
  private tE = -1;
  private sS = -1;
  private sE = -1;
  private readonly texts = new TextCache();
  /** Serial → ISO date of this scan: a year of vouchers has a few hundred distinct dates on 100,000 rows. */
  private readonly dates = new Map<number, string>();

  constructor(
    private readonly b: Uint8Array,
    private readonly end: number,
    private readonly ctx: SheetReadContext,
    private readonly visit: ScanVisitor,
    start: number,
  ) {
    this.p = start;
  }

  run(): void {
    const { b, end } = this;
    for (;;) {
      let p = this.p;
      while (p < end && b[p] !== LT) p++;
      if (p >= end) break;
      this.p = p;
      const next = b[p + 1];
      if (next === SLASH) {
        const gt = this.endTag(p);
        if (this.isLocal('row')) this.closeRow(gt);
        this.p = gt;
        continue;
      }
      if (next === BANG || next === QUESTION) {
        this.skipSpecial(p);
        continue;
      }
      this.startTag(p);
      if (this.isLocal('row')) this.openRow(p);
      else if (this.isLocal('c')) this.cell();
    }
    if (this.rowStart >= 0) this.closeRow(end);
  }

  private isLocal(name: string): boolean {
    if (this.nameE - this.nameS !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (this.b[this.nameS + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** Reads the name of a tag's element at `from` (after `<` or `</`), keeping its local part. */
  private name(from: number): number {
    const b = this.b;
    let i = from;
    this.nameS = from;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === GT || c === SLASH || isSpace(c)) break;
      if (c === COLON) this.nameS = i + 1;
    }
    this.nameE = i;
    return i;
  }

  /** An end tag at `lt`; returns the offset after its `>`. */
  private endTag(lt: number): number {
    let i = this.name(lt + 2);
    while (i < this.end && this.b[i] !== GT) i++;
    return i + 1;
  }

  /** Comments, processing instructions, CDATA: skipped whole. */
  private skipSpecial(lt: number): void {
    const b = this.b;
    if (b[lt + 2] === 45 && b[lt + 3] === 45) {
      const e = indexOfAscii(b, '-->', lt + 4, this.end);
      this.p = e < 0 ? this.end : e + 3;
    } else if (b[lt + 2] === 91) {
      const e = indexOfAscii(b, ']]>', lt + 3, this.end);
      this.p = e < 0 ? this.end : e + 3;
    } else {
      let i = lt + 2;
      while (i < this.end && b[i] !== GT) i++;
      this.p = i + 1;
    }
  }

  /** A start tag at `lt`: its name and the r, t and s attributes (quoted values may hold `>`). */
  private startTag(lt: number): void {
    const b = this.b;
    const end = this.end;
    let i = this.name(lt + 1);
    this.rS = this.tS = this.sS = -1;
    this.selfClosing = false;
    for (;;) {
      while (i < end && isSpace(b[i] as number)) i++;
      if (i >= end) break;
      const c = b[i] as number;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        this.selfClosing = true;
        i++;
        continue;
      }
      const an = i;
      while (i < end && b[i] !== EQ && b[i] !== GT && !isSpace(b[i] as number)) i++;
      const anLen = i - an;
      while (i < end && isSpace(b[i] as number)) i++;
      if (b[i] !== EQ) continue; // an attribute without a value: not XML, read past it
      i++;
      while (i < end && isSpace(b[i] as number)) i++;
      const q = b[i];
      if (q !== QUOT && q !== APOS) continue;
      const vs = i + 1;
      i = vs;
      while (i < end && b[i] !== q) i++;
      if (anLen === 1) {
        const a = b[an];
        if (a === 114) {
          this.rS = vs; // r
          this.rE = i;
        } else if (a === 116) {
          this.tS = vs; // t
          this.tE = i;
        } else if (a === 115) {
          this.sS = vs; // s
          this.sE = i;
        }
      }
      i++;
    }
    this.p = i;
  }

  private openRow(lt: number): void {
    if (this.rowStart >= 0) this.closeRow(lt); // a row left open: it ends where the next begins
    const { maxRows } = this.ctx.limits;
    const r = this.rS >= 0 ? Number(textOf(this.b, this.rS, this.rE)) : this.row + 1;
    this.row = r >= 1 ? r : 1;
    if (this.row > maxRows) throw new XlsxLimitError('rows', this.row, maxRows);
    this.col = -1;
    this.rowStart = lt;
    if (this.selfClosing) this.closeRow(this.p);
  }

  private closeRow(end: number): void {
    if (this.rowStart < 0) return;
    this.visit.row?.({ r: this.row, start: this.rowStart, end });
    this.rowStart = -1;
  }

  private cell(): void {
    const { b, ctx } = this;
    const { maxRows, maxColumns } = ctx.limits;
    if (this.rS >= 0) {
      // 'AB12': letters give the column, digits the row.
      let i = this.rS;
      let n = 0;
      for (; i < this.rE; i++) {
        const c = b[i] as number;
        if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
        else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
        else break;
      }
      this.col = i === this.rS ? -1 : n - 1;
      let rr = i < this.rE ? 0 : Number.NaN;
      for (; i < this.rE; i++) {
        const c = b[i] as number;
        if (c < 48 || c > 57) {
          rr = Number.NaN;
          break;
        }
        rr = rr * 10 + (c - 48);
      }
      if (rr > 0 && rr !== this.row) {
        if (rr > maxRows) throw new XlsxLimitError('rows', rr, maxRows);
        this.row = rr;
      }
    } else this.col++;
    if (this.col >= maxColumns) throw new XlsxLimitError('columns', this.col + 1, maxColumns);
    if (this.selfClosing) return;
    const type = this.tS >= 0 ? cellType(b, this.tS, this.tE) : T.Number;
    const style = this.sS < 0 ? -1 : (plainNumber(b, this.sS, this.sE) ?? Number(textOf(b, this.sS, this.sE)));
    // Children up to </c>: the cached value <v>, an inline string <is>; a formula <f> is skipped.
    let vS = -1;
    let vE = -1;
    let inline: string | undefined;
    for (;;) {
      let p = this.p;
      while (p < this.end && b[p] !== LT) p++;
      if (p >= this.end) {
        this.p = p;
        break;
      }
      if (b[p + 1] === SLASH) {
        this.p = this.endTag(p);
        if (this.isLocal('c')) break;
        continue;
      }
      if (b[p + 1] === BANG || b[p + 1] === QUESTION) {
        this.skipSpecial(p);
        continue;
      }
      this.startTag(p);
      if (this.selfClosing) {
        // <v/> and <is/> are empty values, as the element with nothing inside.
        if (this.isLocal('v')) vS = vE = this.p;
        else if (this.isLocal('is')) inline = '';
        continue;
      }
      if (this.isLocal('v')) {
        vS = this.p;
        let e = vS;
        while (e < this.end && b[e] !== LT) e++;
        vE = e;
        this.p = e;
      } else if (this.isLocal('is')) inline = this.inlineString();
    }
    const value = type === T.Inline ? (inline ?? null) : vS < 0 ? null : this.value(type, vS, vE, style);
    if (value !== null) this.visit.cell(this.row, this.col, value);
  }

  /** The text of `<is>` (plain `<t>`, or rich text runs joined and phonetic runs skipped); leaves p after `</is>`. */
  private inlineString(): string {
    const b = this.b;
    const s = this.p;
    let i = s;
    // Up to the matching </is> (or </x:is>): <is> holds no element of its own name.
    for (;;) {
      while (i < this.end && b[i] !== LT) i++;
      if (i >= this.end) break;
      if (b[i + 1] === SLASH) {
        const lt = i;
        i = this.endTag(i);
        if (this.isLocal('is')) {
          this.p = i;
          return this.inlineText(s, lt);
        }
        continue;
      }
      i++;
    }
    this.p = this.end;
    return this.inlineText(s, this.end);
  }

  private inlineText(s: number, e: number): string {
    const b = this.b;
    // Fast path, what we and most writers emit: <t>text</t> or <t xml:space="preserve">text</t>.
    if (b[s] === LT && b[s + 1] === 116 && (b[s + 2] === GT || b[s + 2] === 32)) {
      let gt = s + 2;
      while (gt < e && b[gt] !== GT) gt++;
      let lt = gt + 1;
      while (lt < e && b[lt] !== LT) lt++;
      if (b[gt - 1] !== SLASH && lt + 4 === e && b[lt + 1] === SLASH && b[lt + 2] === 116 && b[lt + 3] === GT) {
        return decodeXstring(unescapeXml(this.texts.get(b, gt + 1, lt)));
      }
    }
    return richText(textOf(b, s, e));
  }

  private value(type: T, s: number, e: number, style: number): Scalar {
    const b = this.b;
    switch (type) {
      case T.Shared: {
        const i = plainNumber(b, s, e) ?? Number(textOf(b, s, e));
        return this.ctx.sharedStrings()[i] ?? null;
      }
      case T.Str:
        return decodeXstring(unescapeXml(this.texts.get(b, s, e)));
      case T.Bool: {
        const v = textOf(b, s, e).trim();
        return v === '1' || v === 'true';
      }
      case T.Error:
        return unescapeXml(textOf(b, s, e));
      case T.Date: {
        const v = textOf(b, s, e);
        return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : unescapeXml(v);
      }
      default: {
        let n = plainNumber(b, s, e);
        if (n === undefined) {
          const v = textOf(b, s, e);
          if (v.trim() === '') return null;
          n = Number(v);
          if (!Number.isFinite(n)) return unescapeXml(v);
        }
        if (style >= 0 && this.ctx.styles.isDate(style)) {
          let iso = this.dates.get(n);
          if (iso === undefined) {
            iso = serialToIso(this.ctx.date1904 ? n + 1462 : n);
            if (this.dates.size < 65536) this.dates.set(n, iso);
          }
          return iso;
        }
        return n;
      }
    }
  }
}

/** Walks every cell with a value; rows beyond `limits.maxRows` or columns beyond XFD are refused. */
export function scanSheet(xml: Uint8Array | string, ctx: SheetReadContext, visit: ScanVisitor): void {
  const b = typeof xml === 'string' ? toUtf8(xml) : xml;
  const bounds = sheetDataBounds(b);
  if (!bounds || bounds.selfClosing) return;
  new Scanner(b, bounds.end, ctx, visit, bounds.start).run();
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
