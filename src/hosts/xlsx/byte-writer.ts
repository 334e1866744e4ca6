/**
 * A UTF-8 buffer for writing large parts (a 明细账 of 100,000 lines is ~1.3 million cells, 50 MB).
 * Building one JavaScript string by concatenation and encoding it at the end costs a copy of
 * every piece and most of the run in garbage collection; writing bytes as we go costs neither.
 * Callers build one row as a short-lived string and hand it over whole; it is encoded in place.
 * The bytes go into fixed 1 MB blocks joined once at the end: a buffer that doubles as it grows
 * allocates and copies about twice the part (measured: 0.47 s against 0.26 s for 42 MB of rows).
 */
import { escapeText } from './xml';

const encoder = new TextEncoder();
const BLOCK = 1 << 20;

export class ByteWriter {
  private readonly full: Uint8Array[] = [];
  private fullBytes = 0;
  private buf: Uint8Array;
  private len = 0;

  /** `blockSize`: bytes per block (tests use tiny ones to cross block edges). */
  constructor(private readonly blockSize = BLOCK) {
    this.buf = new Uint8Array(blockSize);
  }

  /** Starts a new block that holds at least `extra` more bytes. */
  private next(extra: number): void {
    if (this.len > 0) {
      this.full.push(this.buf.subarray(0, this.len));
      this.fullBytes += this.len;
    }
    this.buf = new Uint8Array(Math.max(this.blockSize, extra));
    this.len = 0;
  }

  /** Markup or any text already escaped, as UTF-8 (one native encodeInto per call: callers pass whole rows). */
  raw(s: string): this {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const max = s.length * 3;
    if (this.len + max > this.buf.length) this.next(max);
    this.len += encoder.encodeInto(s, this.buf.subarray(this.len)).written;
    return this;
  }

  /** Element text, escaped (&, <, > and characters XML cannot carry). */
  text(s: string): this {
    return this.raw(escapeText(s));
  }

  /** A number as the shortest text that reads back as the same double. */
  num(n: number): this {
    return this.raw(Number.isFinite(n) ? String(n) : '0');
  }

  bytes(b: Uint8Array): this {
    if (this.len + b.length > this.buf.length) this.next(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  get length(): number {
    return this.fullBytes + this.len;
  }

  /** The bytes written, in one array. */
  finish(): Uint8Array {
    if (this.full.length === 0) return this.buf.subarray(0, this.len);
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const b of this.full) {
      out.set(b, at);
      at += b.length;
    }
    out.set(this.buf.subarray(0, this.len), at);
    return out;
  }
}
