/**
 * The zip container of an .xlsx, read and written at the entry level so that parts we do not own
 * are copied as their original compressed bytes (same CRC, same deflate stream) without being
 * inflated. fflate does the deflate/inflate; it has no API for copying an entry's raw compressed
 * bytes into a new archive, so the directory records (a few fixed-size headers, PKWARE APPNOTE
 * 4.3.7, 4.3.12, 4.3.16 and zip64 4.3.14–4.3.15) are read and written here.
 * No Node or DOM APIs: the same code runs in the CLI and the standalone page.
 */
import { FFLATE_CODEC, type ZipCodec } from './codec';
import { XlsxLimitError, type XlsxLimits } from './limits';

export interface ZipEntry {
  /** Name as stored (case kept); OPC part names compare case-insensitively. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date words, kept so a copied entry is unchanged. */
  time: number;
  date: number;
  /** General-purpose flags (bit 11 = UTF-8 name). */
  flags: number;
  /** Offset of the compressed data in the archive. */
  dataOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16)) + (b[o + 3] as number) * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder('utf-8');

/** Reads the central directory (entries only; nothing is inflated). Checks entry count and declared sizes against `limits` first. */
export function readZip(bytes: Uint8Array, limits: XlsxLimits): ZipArchive {
  const eocd = findEocd(bytes);
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_EOCD64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== SIG_EOCD64) throw new ZipFormatError('zip64 end record missing');
    count = u64(bytes, z + 32);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > limits.maxEntries) throw new XlsxLimitError('entries', count, limits.maxEntries);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new ZipFormatError('central directory damaged');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // zip64 extended information (0x0001): only the fields that overflowed, in this order.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
        }
        e += 4 + len;
      }
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) throw new ZipFormatError(`local header of ${name} missing`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw new ZipFormatError(`${name} runs past the end of the file`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name}: compression method ${method} is not supported`);
    if (flags & 1) throw new ZipFormatError(`${name} is encrypted`);
    total += size;
    if (total > limits.maxTotalBytes) throw new XlsxLimitError('total', total, limits.maxTotalBytes);
    entries.push({ name, method, crc, compressedSize, size, time, date, flags, dataOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes, entries };
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  throw new ZipFormatError('not a zip archive (no end-of-central-directory record)');
}

/**
 * An entry's content. The declared size bounds the output buffer: a stream that inflates to more
 * (a zip bomb that lies about its size) or to less is refused, never allowed to grow memory.
 */
export function entryData(zip: ZipArchive, e: ZipEntry, limits: XlsxLimits, codec: ZipCodec = FFLATE_CODEC): Uint8Array {
  // Only parts we read are inflated; a huge part we merely copy (a user's video, a bomb) costs nothing.
  if (e.size > limits.maxPartBytes) throw new XlsxLimitError('part', e.size, limits.maxPartBytes, e.name);
  const raw = zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) return raw;
  try {
    return codec.inflate(raw, e.size);
  } catch (err) {
    throw new ZipFormatError(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** An entry for writeZip: copied from an archive as it is, new content to deflate, or content deflated already. */
export type ZipOutEntry =
  | { kind: 'copy'; entry: ZipEntry; from: ZipArchive }
  | { kind: 'new'; name: string; data: Uint8Array; level?: number }
  | { kind: 'deflated'; name: string; data: Uint8Array; crc: number; size: number };

function dosTimeDate(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const utf8Encode = new TextEncoder();

/** One entry as written. */
interface Rec {
  name: Uint8Array;
  method: number;
  crc: number;
  csize: number;
  size: number;
  time: number;
  date: number;
  flags: number;
  data: Uint8Array;
  offset: number;
}

/** The fields local and central headers share, in the same order (APPNOTE 4.3.7, 4.3.12): version needed … name length. */
function putEntryFields(dv: DataView, at: number, r: Rec): void {
  dv.setUint16(at, 20, true);
  dv.setUint16(at + 2, r.flags, true);
  dv.setUint16(at + 4, r.method, true);
  dv.setUint16(at + 6, r.time, true);
  dv.setUint16(at + 8, r.date, true);
  dv.setUint32(at + 10, r.crc, true);
  dv.setUint32(at + 14, r.csize, true);
  dv.setUint32(at + 18, r.size, true);
  dv.setUint16(at + 22, r.name.length, true);
}

/** Writes a new archive: copied entries keep their compressed bytes, CRC and timestamps. */
export function writeZip(items: readonly ZipOutEntry[], codec: ZipCodec = FFLATE_CODEC, now = new Date()): Uint8Array {
  const stamp = dosTimeDate(now);
  const recs: Rec[] = [];
  let offset = 0;
  for (const it of items) {
    let rec: Rec;
    if (it.kind === 'copy') {
      const e = it.entry;
      rec = {
        name: utf8Encode.encode(e.name),
        method: e.method,
        crc: e.crc,
        csize: e.compressedSize,
        size: e.size,
        time: e.time,
        date: e.date,
        // Sizes now sit in the local header, so no data descriptor follows (bit 3 off); UTF-8 names (bit 11).
        flags: (e.flags & ~0x8) | 0x800,
        data: it.from.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
        offset,
      };
    } else if (it.kind === 'deflated') {
      rec = { name: utf8Encode.encode(it.name), method: 8, crc: it.crc, csize: it.data.length, size: it.size, ...stamp, flags: 0x800, data: it.data, offset };
    } else {
      const data = codec.deflate(it.data, it.level ?? 6);
      rec = { name: utf8Encode.encode(it.name), method: 8, crc: codec.crc32(it.data), csize: data.length, size: it.data.length, ...stamp, flags: 0x800, data, offset };
    }
    if (rec.size > 0xfffffffe || rec.csize > 0xfffffffe || offset > 0xfffffffe) throw new ZipFormatError('workbook too large to write (over 4 GB)');
    recs.push(rec);
    offset += 30 + rec.name.length + rec.csize;
  }
  const cdSize = recs.reduce((n, r) => n + 46 + r.name.length, 0);
  const out = new Uint8Array(offset + cdSize + 22);
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const r of recs) {
    dv.setUint32(p, SIG_LOCAL, true);
    putEntryFields(dv, p + 4, r);
    dv.setUint16(p + 28, 0, true);
    out.set(r.name, p + 30);
    out.set(r.data, p + 30 + r.name.length);
    p += 30 + r.name.length + r.csize;
  }
  const cdStart = p;
  for (const r of recs) {
    dv.setUint32(p, SIG_CENTRAL, true);
    dv.setUint16(p + 4, 20, true); // version made by
    putEntryFields(dv, p + 6, r);
    dv.setUint32(p + 42, r.offset, true);
    out.set(r.name, p + 46);
    p += 46 + r.name.length;
  }
  dv.setUint32(p, SIG_EOCD, true);
  dv.setUint16(p + 8, recs.length, true);
  dv.setUint16(p + 10, recs.length, true);
  dv.setUint32(p + 12, cdSize, true);
  dv.setUint32(p + 16, cdStart, true);
  if (recs.length > 0xffff) throw new ZipFormatError('too many parts to write');
  return out;
}
