/**
 * An .xlsx as its zip entries (decompressed with fflate), and the few facts about its parts that
 * the fidelity suite needs: which part holds which sheet, a part's relationships, and the
 * records of the shared-string and style tables. Regular expressions over the XML are enough
 * here: the suite reads parts that LibreOffice, openpyxl and ExcelJS wrote, in test code only.
 */
import { unzipSync } from 'fflate';
import { posix } from 'node:path';

export type Entries = Map<string, Uint8Array>;

/** Every file entry of the zip by name (directory entries left out), decompressed. */
export function zipEntries(bytes: Uint8Array): Entries {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

export function text(entries: Entries, name: string): string {
  const bytes = entries.get(name);
  return bytes === undefined ? '' : new TextDecoder().decode(bytes);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five named entities, decoded. */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );
}

/** The attributes of one start tag, prefixes kept (`r:id`), values unescaped. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]!] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

export interface Rel {
  id: string;
  type: string;
  /** The part the relationship points at (package path without a leading slash), or the URL when external. */
  target: string;
  external: boolean;
}

/** The relationships of `part`; targets resolved against the part's folder, or from the root when absolute. */
export function relsOf(entries: Entries, part: string): Rel[] {
  const xml = text(entries, relsPathOf(part));
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    const external = a.TargetMode === 'External';
    const raw = a.Target ?? '';
    const target = external ? raw : raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(posix.dirname(part), raw));
    return { id: a.Id ?? '', type: (a.Type ?? '').replace(/^.*\//, ''), target, external };
  });
}

/** Each sheet of the workbook by name: its worksheet part. */
export function sheetParts(entries: Entries): Map<string, string> {
  const rels = new Map(relsOf(entries, 'xl/workbook.xml').map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const m of text(entries, 'xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const target = rels.get(a['r:id'] ?? '');
    if (a.name !== undefined && target !== undefined) out.set(a.name, target);
  }
  return out;
}

/** The raw XML of each `<tag>…</tag>` or `<tag/>` record inside `<parent>` of a part, in order. */
export function records(xml: string, parent: string, tag: string): string[] {
  const body = new RegExp(`<${parent}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${parent}>)`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(new RegExp(`<${tag}\\b(?:[^>]*?/>|[\\s\\S]*?</${tag}>)`, 'g'))].map((m) => m[0]);
}
