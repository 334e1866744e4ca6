/**
 * The Open Packaging Conventions layer (ECMA-376 Part 2): parts by name (case-insensitive),
 * relationships with relative or absolute targets, content types. Parts we never touch stay as
 * their original zip entries and are copied raw on save; parts we write or delete are tracked here.
 */
import { attr, elements, escapeAttr, fromUtf8, toUtf8 } from './xml';
import { entryData, readZip, writeZip, type ZipArchive, type ZipEntry, type ZipOutEntry } from './zip';
import type { XlsxLimits } from './limits';
import { FFLATE_CODEC, type DeflatedPart, type ZipCodec } from './codec';
import { ByteWriter } from './byte-writer';

/** A part written in this session: its bytes, or (big sheets) the bytes already deflated. */
type WrittenPart = { name: string; level: number } & ({ data: Uint8Array } | { deflated: DeflatedPart });

export interface Relationship {
  id: string;
  type: string;
  /** Target as written. */
  target: string;
  /** Resolved part name without leading slash (e.g. 'xl/worksheets/sheet1.xml'); undefined for external targets. */
  part: string | undefined;
  external: boolean;
}

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  strictOfficeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  coreProps: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

/** Folder of a part name ('xl/worksheets/sheet1.xml' → 'xl/worksheets'). */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** Resolves a relationship target against the source part's folder; absolute targets start at the package root. */
export function resolveTarget(sourcePart: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : `${folderOf(sourcePart)}/${target}`.replace(/^\//, '');
  const out: string[] = [];
  for (const seg of decodeURI(raw).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The relationships part of a source part ('xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'; '' → '_rels/.rels'). */
export function relsPartOf(part: string): string {
  const f = folderOf(part);
  const base = part.slice(f.length === 0 ? 0 : f.length + 1);
  return `${f === '' ? '' : `${f}/`}_rels/${base}.rels`;
}

/** A target for a relationship from `sourcePart` to `part`, relative as Excel writes it. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = folderOf(sourcePart).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export class OpcPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Parts written in this session (new or changed), by lower-case name. */
  private readonly written = new Map<string, WrittenPart>();
  private readonly removed = new Set<string>();
  private readonly order: string[] = [];
  /** Decoded text of small parts read in this session (relationships, content types, tables). */
  private readonly texts = new Map<string, string>();
  /** Inflated bytes of original parts read in this session: commands read the voucher sheet several times. */
  private readonly inflated = new Map<string, Uint8Array>();
  /** Bumped on every write or removal, so callers can cache what they derive from a part. */
  private version = 0;

  constructor(
    private readonly zip: ZipArchive | undefined,
    readonly limits: XlsxLimits,
    private readonly codec: ZipCodec = FFLATE_CODEC,
  ) {
    for (const e of zip?.entries ?? []) {
      if (e.name.endsWith('/')) continue; // folder entries carry nothing
      const key = e.name.toLowerCase();
      this.entries.set(key, e);
      this.order.push(key);
    }
  }

  static open(bytes: Uint8Array, limits: XlsxLimits, codec: ZipCodec = FFLATE_CODEC): OpcPackage {
    return new OpcPackage(readZip(bytes, limits), limits, codec);
  }

  has(part: string): boolean {
    const k = part.toLowerCase();
    return !this.removed.has(k) && (this.written.has(k) || this.entries.has(k));
  }

  /** Every part name present (original spelling). */
  partNames(): string[] {
    const out: string[] = [];
    for (const k of this.order) if (this.has(k)) out.push(this.written.get(k)?.name ?? (this.entries.get(k) as ZipEntry).name);
    return out;
  }

  read(part: string): Uint8Array | undefined {
    const k = part.toLowerCase();
    if (this.removed.has(k)) return undefined;
    const hit = this.inflated.get(k);
    if (hit) return hit;
    const w = this.written.get(k);
    if (w && 'data' in w) return w.data;
    if (w) {
      const data = this.codec.inflate(w.deflated.data, w.deflated.size);
      this.inflated.set(k, data);
      return data;
    }
    const e = this.entries.get(k);
    if (!e || !this.zip) return undefined;
    const data = entryData(this.zip, e, this.limits, this.codec);
    this.inflated.set(k, data);
    return data;
  }

  readText(part: string): string | undefined {
    const k = part.toLowerCase();
    const hit = this.texts.get(k);
    if (hit !== undefined && !this.removed.has(k)) return hit;
    const b = this.read(part);
    if (b === undefined) return undefined;
    const text = fromUtf8(b);
    this.texts.set(k, text);
    return text;
  }

  /** Changes whenever any part is written or removed. */
  get revision(): number {
    return this.version;
  }

  /** Declared uncompressed size of a part (0 when absent), without inflating it. */
  sizeOf(part: string): number {
    const k = part.toLowerCase();
    const w = this.written.get(k);
    if (w) return 'data' in w ? w.data.length : w.deflated.size;
    return this.entries.get(k)?.size ?? 0;
  }

  /** Writes a part; `level` is the deflate level (generated sheets use a fast one). */
  write(part: string, data: string | Uint8Array, level = 6): void {
    this.store(part, { data: typeof data === 'string' ? toUtf8(data) : data, level });
    // Relationships and content types are written and read again for every sheet a report adds:
    // keep the text rather than decode the bytes again. (A string with surrogates is decoded as
    // usual, so a lone one reads back as U+FFFD, as from the bytes.)
    if (typeof data === 'string' && !/[\uD800-\uDFFF]/.test(data)) this.texts.set(part.toLowerCase(), data);
  }

  /**
   * A writer for a big part: its blocks are deflated as they fill, so the part never exists whole
   * (see PartDeflater). Nothing changes in the package until `commit`; a writer dropped without
   * it (an error half way) leaves the part as it was.
   */
  streamPart(part: string, level = 6): { writer: ByteWriter; commit(): void } {
    const deflater = this.codec.deflater(level);
    const writer = new ByteWriter(deflater);
    return {
      writer,
      commit: () => {
        writer.flush();
        this.store(part, { deflated: deflater.end(), level });
      },
    };
  }

  private store(part: string, content: { data: Uint8Array; level: number } | { deflated: DeflatedPart; level: number }): void {
    const k = part.toLowerCase();
    this.removed.delete(k);
    this.texts.delete(k);
    this.inflated.delete(k);
    this.version++;
    const name = this.entries.get(k)?.name ?? part;
    this.written.set(k, { name, ...content });
    if (!this.order.includes(k)) this.order.push(k);
  }

  remove(part: string): void {
    const k = part.toLowerCase();
    this.written.delete(k);
    this.removed.add(k);
    this.texts.delete(k);
    this.inflated.delete(k);
    this.version++;
  }

  /** Whether the part's bytes changed in this session. */
  isWritten(part: string): boolean {
    return this.written.has(part.toLowerCase());
  }

  relationships(sourcePart: string): Relationship[] {
    const xml = this.readText(relsPartOf(sourcePart));
    if (xml === undefined) return [];
    return elements(xml, 'Relationship').map((r) => {
      const target = attr(r.start, 'Target') ?? '';
      const external = attr(r.start, 'TargetMode') === 'External';
      return { id: attr(r.start, 'Id') ?? '', type: attr(r.start, 'Type') ?? '', target, external, part: external ? undefined : resolveTarget(sourcePart, target) };
    });
  }

  /** Adds a relationship from `sourcePart` to `part`; returns its new Id (rIdN not used yet). */
  addRelationship(sourcePart: string, type: string, part: string): string {
    const relsPart = relsPartOf(sourcePart);
    const xml = this.readText(relsPart) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(elements(xml, 'Relationship').map((r) => attr(r.start, 'Id')));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(sourcePart, part))}"/>`;
    this.write(relsPart, insertBeforeClose(xml, 'Relationships', rel));
    if (!this.contentTypeDefaults().has('rels')) this.setContentType(relsPart, CT.rels);
    return id;
  }

  removeRelationship(sourcePart: string, id: string): void {
    const relsPart = relsPartOf(sourcePart);
    const xml = this.readText(relsPart);
    if (xml === undefined) return;
    const r = elements(xml, 'Relationship').find((x) => attr(x.start, 'Id') === id);
    if (r) this.write(relsPart, xml.slice(0, r.index) + xml.slice(r.index + r.text.length));
  }

  private contentTypeDefaults(): Set<string> {
    const xml = this.readText('[Content_Types].xml') ?? '';
    return new Set(elements(xml, 'Default').map((d) => (attr(d.start, 'Extension') ?? '').toLowerCase()));
  }

  /** Gives `part` an Override content type (replacing any it had). */
  setContentType(part: string, type: string): void {
    const name = `/${part}`;
    let xml = this.readText('[Content_Types].xml') ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';
    const old = elements(xml, 'Override').find((o) => (attr(o.start, 'PartName') ?? '').toLowerCase() === name.toLowerCase());
    if (old && attr(old.start, 'ContentType') === type) return;
    if (old) xml = xml.slice(0, old.index) + xml.slice(old.index + old.text.length);
    this.write('[Content_Types].xml', insertBeforeClose(xml, 'Types', `<Override PartName="${escapeAttr(name)}" ContentType="${type}"/>`));
  }

  removeContentType(part: string): void {
    const xml = this.readText('[Content_Types].xml');
    if (xml === undefined) return;
    const name = `/${part}`.toLowerCase();
    const old = elements(xml, 'Override').find((o) => (attr(o.start, 'PartName') ?? '').toLowerCase() === name);
    if (old) this.write('[Content_Types].xml', xml.slice(0, old.index) + xml.slice(old.index + old.text.length));
  }

  /** A part name not used yet: `prefix` + n + `suffix` (xl/worksheets/sheet + 7 + .xml). */
  freshName(prefix: string, suffix: string): string {
    let n = 1;
    while (this.has(`${prefix}${n}${suffix}`)) n++;
    return `${prefix}${n}${suffix}`;
  }

  /** The package as .xlsx bytes: untouched parts copied raw, in their original order; [Content_Types].xml first. */
  toBytes(): Uint8Array {
    const items: ZipOutEntry[] = [];
    const keys = [...this.order].sort((a, b) => Number(b === '[content_types].xml') - Number(a === '[content_types].xml'));
    for (const k of keys) {
      if (this.removed.has(k)) continue;
      const w = this.written.get(k);
      if (w && 'data' in w) items.push({ kind: 'new', name: w.name, data: w.data, level: w.level });
      else if (w) items.push({ kind: 'deflated', name: w.name, ...w.deflated });
      else if (this.zip) items.push({ kind: 'copy', entry: this.entries.get(k) as ZipEntry, from: this.zip });
    }
    return writeZip(items, this.codec);
  }
}

/** Inserts `text` right before the closing tag of the document's root element `root` (any prefix). */
export function insertBeforeClose(xml: string, root: string, text: string): string {
  const m = new RegExp(`</(?:[\\w.-]+:)?${root}>\\s*$`).exec(xml);
  if (m) return xml.slice(0, m.index) + text + xml.slice(m.index);
  // `<Relationships …/>` written as an empty element.
  const e = new RegExp(`<((?:[\\w.-]+:)?${root})(\\s[^>]*)?/>`).exec(xml);
  if (!e) throw new Error(`no <${root}> element`);
  return `${xml.slice(0, e.index)}<${e[1]}${e[2] ?? ''}>${text}</${e[1]}>${xml.slice(e.index + e[0].length)}`;
}
