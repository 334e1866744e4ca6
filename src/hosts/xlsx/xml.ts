/**
 * Small XML helpers for the SpreadsheetML parts we read and the few we edit. Parts are handled as
 * text: we find the elements we need by name (with or without a namespace prefix, since some
 * writers use `x:`), read their attributes, and splice edited text back between untouched bytes,
 * so whatever else a part holds (extensions, other programs' elements) survives as it was.
 */

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character and entity references → text. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.charCodeAt(0) === 35) return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITY[e] as string;
  });
}

/** OOXML's `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring) → characters. */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR) and a literal `_xHHHH_`, which a reader would decode.
// eslint-disable-next-line no-control-regex
const NEEDS_XSTRING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/** Text → element content: entities for & < >, and `_xHHHH_` for characters XML cannot hold. */
export function escapeText(s: string): string {
  let t = s;
  if (NEEDS_XSTRING.test(t)) {
    // eslint-disable-next-line no-control-regex
    t = t.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  }
  if (!/[&<>]/.test(t)) return t;
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text → attribute value (double-quoted). */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** An attribute of a start tag (`<sheet name="凭证" …>`), unescaped; `name` may carry a prefix ('r:id'). */
export function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[1] ?? m[2] ?? '');
}

/** The value of the first attribute whose local name is `local`, whatever its prefix (r:id, x:id …). */
export function attrAnyPrefix(tag: string, local: string): string | undefined {
  const re = new RegExp(`\\s[A-Za-z_][\\w.-]*:${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

export interface XmlElement {
  /** The whole element text, start tag to end tag (or the empty-element tag). */
  text: string;
  /** The start tag alone. */
  start: string;
  /** Content between start and end tag ('' for an empty element). */
  inner: string;
  /** Offset of the element in the searched text. */
  index: number;
}

/**
 * Every `<name …>…</name>` or `<name …/>` element in `xml`, with any namespace prefix. For
 * elements that do not nest inside themselves (sheet, definedName, xf, font, Relationship …).
 */
export function elements(xml: string, name: string): XmlElement[] {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${name})(?=[\\s/>])[^>]*?(/>|>)`, 'g');
  const out: XmlElement[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const start = m[0];
    if (m[2] === '/>') {
      out.push({ text: start, start, inner: '', index: m.index });
      continue;
    }
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, m.index + start.length);
    if (end < 0) break;
    out.push({ text: xml.slice(m.index, end + close.length), start, inner: xml.slice(m.index + start.length, end), index: m.index });
    re.lastIndex = end + close.length;
  }
  return out;
}

/** The first such element, or undefined. */
export function element(xml: string, name: string): XmlElement | undefined {
  return elements(xml, name)[0];
}

/** The namespace prefix the document's root element uses ('' for the default namespace, 'x:' …). */
export function rootPrefix(xml: string): string {
  const m = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*/.exec(xml);
  return m?.[1] ?? '';
}

/** Concatenated text of every `<t>` in a shared string or inline string, skipping phonetic runs (`<rPh>`). */
export function richText(inner: string): string {
  let s = inner;
  if (s.indexOf('rPh') >= 0) s = s.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out += m[1] ?? '';
  return decodeXstring(unescapeXml(out));
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');
export const toUtf8 = (s: string): Uint8Array => enc.encode(s);
/** Part bytes → text; a UTF-8 BOM is dropped. */
export function fromUtf8(b: Uint8Array): string {
  const s = dec.decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
