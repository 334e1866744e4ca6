/**
 * A growing UTF-8 buffer for writing large parts (a 明细账 of 100,000 lines is ~1.3 million cells).
 * Building one JavaScript string by concatenation and encoding it at the end costs a copy of
 * every piece and most of the run in garbage collection; writing bytes as we go costs neither.
 * Callers build one row as a short-lived string and hand it over whole; it is encoded in place.
 */
import { escapeText } from './xml';

const encoder = new TextEncoder();

export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Markup or any text already escaped, as UTF-8 (one native encodeInto per call: callers pass whole rows). */
  raw(s: string): this {
    const max = s.length * 3;
    if (this.len + max > this.buf.length) this.ensure(max);
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
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  get length(): number {
    return this.len;
  }

  finish(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
