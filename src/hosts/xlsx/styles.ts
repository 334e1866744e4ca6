/**
 * xl/styles.xml: which cell styles show dates (to read serial numbers as dates), and the few
 * style records our sheets need, appended once and reused (found again by their exact XML on the
 * next run, so running `report` twice does not grow the file). Existing records are never
 * renumbered or changed (ECMA-376 Part 1, 18.8).
 */
import { attr, element, elements, escapeAttr, rootPrefix } from './xml';

/**
 * Built-in number formats that show dates or times: 14–22 and 45–47 in every locale, and the
 * East Asian ones (27–36, 50–58: e.g. 31 = yyyy"年"m"月"d"日" in zh-CN) that Chinese Excel and WPS write.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

const BUILTIN_FORMAT_IDS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '@': 49 };

/** A format code that shows a date or time: y, m, d, h or s outside quoted text, escapes and [colour]/[$-804] brackets. */
export function isDateFormatCode(code: string): boolean {
  if (/^(general|@)$/i.test(code.trim())) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/E[+-]/gi, '');
  return /[ymdhs]/i.test(bare);
}

export interface StyleSpec {
  numFmt?: string | undefined;
  bold?: boolean;
  size?: number;
  fill?: boolean;
  border?: boolean;
  wrap?: boolean;
  hAlign?: 'center' | 'left' | 'right';
  vAlign?: 'center' | 'top';
}

interface Container {
  name: string;
  child: string;
  items: string[];
  /** Items before our additions. */
  original: number;
}

export class Styles {
  private readonly dateXf: boolean[];
  private readonly containers = new Map<string, Container>();
  private readonly numFmts = new Map<string, number>();
  private nextNumFmt = 164;
  private changed = false;
  private readonly cache = new Map<string, number>();
  private readonly p: string;

  constructor(private xml: string) {
    this.p = rootPrefix(xml);
    const custom = new Map<number, string>();
    const nf = element(xml, 'numFmts');
    for (const f of nf ? elements(nf.inner, 'numFmt') : []) {
      const id = Number(attr(f.start, 'numFmtId'));
      const code = attr(f.start, 'formatCode') ?? '';
      custom.set(id, code);
      if (!this.numFmts.has(code)) this.numFmts.set(code, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
    const xfs = element(xml, 'cellXfs');
    this.dateXf = (xfs ? elements(xfs.inner, 'xf') : []).map((x) => {
      const id = Number(attr(x.start, 'numFmtId') ?? 0);
      const code = custom.get(id);
      return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id);
    });
  }

  /** Whether cell style index `s` shows a date. */
  isDate(s: number): boolean {
    return this.dateXf[s] ?? false;
  }

  private container(name: string, child: string): Container {
    let c = this.containers.get(name);
    if (!c) {
      const el = element(this.xml, name);
      const items = el ? elements(el.inner, child).map((e) => e.text) : [];
      c = { name, child, items, original: items.length };
      this.containers.set(name, c);
    }
    return c;
  }

  /** Index of `text` in a container, appending it when absent. */
  private indexIn(name: string, child: string, text: string): number {
    const c = this.container(name, child);
    const i = c.items.indexOf(text);
    if (i >= 0) return i;
    c.items.push(text);
    this.changed = true;
    return c.items.length - 1;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = BUILTIN_FORMAT_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmts.set(code, id);
    this.indexIn('numFmts', 'numFmt', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The cellXfs index of a style, appended on first use. */
  xf(spec: StyleSpec): number {
    const key = JSON.stringify(spec);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const fontId = spec.bold || spec.size
      ? this.indexIn('fonts', 'font', `<${p}font>${spec.bold ? `<${p}b/>` : ''}<${p}sz val="${spec.size ?? 11}"/><${p}name val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}font>`)
      : 0;
    const fillId = spec.fill
      ? this.indexIn('fills', 'fill', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFEFEFEF"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
      : 0;
    const side = (n: string): string => `<${p}${n} style="thin"><${p}color rgb="FF999999"/></${p}${n}>`;
    const borderId = spec.border
      ? this.indexIn('borders', 'border', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`)
      : 0;
    const numFmtId = this.numFmtId(spec.numFmt);
    const align = spec.wrap || spec.hAlign || spec.vAlign
      ? `<${p}alignment${spec.hAlign ? ` horizontal="${spec.hAlign}"` : ''}${spec.vAlign ? ` vertical="${spec.vAlign}"` : ''}${spec.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</${p}xf>` : '/>'}`;
    const index = this.indexIn('cellXfs', 'xf', xf);
    this.dateXf[index] = numFmtId !== 0 && (BUILTIN_DATE_IDS.has(numFmtId) || (spec.numFmt !== undefined && isDateFormatCode(spec.numFmt)));
    this.cache.set(key, index);
    return index;
  }

  /** The edited styles part, or undefined when nothing was added. */
  serialize(): string | undefined {
    if (!this.changed) return undefined;
    let xml = this.xml;
    // Containers in schema order (CT_Stylesheet: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs …).
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      const c = this.containers.get(name);
      if (!c || c.items.length === c.original) continue;
      const body = c.items.join('');
      const el = element(xml, name);
      if (el) {
        const start = el.start.replace(/\s\/>$|\/>$/, '>').replace(/\scount="\d*"/, '');
        const open = start.replace(/>$/, ` count="${c.items.length}">`);
        xml = `${xml.slice(0, el.index)}${open}${body}</${this.p}${name}>${xml.slice(el.index + el.text.length)}`;
      } else {
        // Only numFmts may be missing in a real file; it goes first inside the stylesheet.
        const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(xml);
        if (!root) throw new Error('styles.xml has no styleSheet');
        const at = root.index + root[0].length;
        xml = `${xml.slice(0, at)}<${this.p}${name} count="${c.items.length}">${body}</${this.p}${name}>${xml.slice(at)}`;
      }
    }
    this.xml = xml;
    this.changed = false;
    return xml;
  }
}

/** The styles part of a new workbook: one default font, the two fills Excel requires, no borders. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
