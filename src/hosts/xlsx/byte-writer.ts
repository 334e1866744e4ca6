/**
 * A UTF-8 buffer for writing large parts (a 明细账 of 100,000 lines is ~1.3 million cells, 50 MB).
 * Building one JavaScript string by concatenation and encoding it at the end costs a copy of
 * every piece and most of the run in garbage collection; writing bytes as we go costs neither.
 * Callers build one row as a short-lived string and hand it over whole; it is encoded in place.
 * The bytes go into fixed 1 MB blocks joined once at the end: a buffer that doubles as it grows
 * allocates and copies about twice the part (measured: 0.47 s against 0.26 s for 42 MB of rows).
 * With a sink (a part deflater), each full block goes to the sink instead and its memory is
 * written again: the part never exists whole, and the writer touches one block of fresh memory
 * instead of two copies of the part (on this project's VM first touching memory costs ~5 ms per
 * MB; a 50 MB 明细账 written through a sink took half the time).
 */
import { escapeText } from './xml';

const encoder = new TextEncoder();
const BLOCK = 1 << 20;

/**
 * Node's Buffer, when the host runs in Node: its utf8Write encodes in place several times faster
 * than TextEncoder.encodeInto on a subarray, which also allocates a view per call (measured on
 * Node 20: 83 MB of sheet rows in 0.12 s against 1.0 s; encodeInto was an eighth of `report`'s
 * CPU at 100k lines), and allocUnsafe skips zero-filling blocks we overwrite anyway. The browser
 * has no Buffer (webpack 5 adds none) and takes TextEncoder; both write the same UTF-8.
 */
interface NodeBytes extends Uint8Array {
  utf8Write(s: string, offset: number): number;
}
type NodeBufferClass = { allocUnsafe(n: number): NodeBytes; prototype?: { utf8Write?: unknown } };
const GlobalBuffer = (globalThis as unknown as { Buffer?: NodeBufferClass }).Buffer;
// A page that polyfills a global Buffer (the `buffer` package has no utf8Write method) takes TextEncoder.
const NodeBuffer = typeof GlobalBuffer?.prototype?.utf8Write === 'function' ? GlobalBuffer : undefined;
const alloc = (n: number): Uint8Array => (NodeBuffer ? NodeBuffer.allocUnsafe(n) : new Uint8Array(n));
/** A plain Uint8Array over the same memory (callers and tests compare plain arrays). */
const plain = (b: Uint8Array, length: number): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, length);

/** Where a writer's full blocks go; `push` must be done with the block when it returns. */
export interface BlockSink {
  push(block: Uint8Array): void;
}

export class ByteWriter {
  private readonly full: Uint8Array[] = [];
  private fullBytes = 0;
  private buf: Uint8Array;
  private len = 0;

  /** `blockSize`: bytes per block (tests use tiny ones to cross block edges). */
  constructor(
    private readonly blockSize = BLOCK,
    private readonly sink?: BlockSink,
  ) {
    this.buf = alloc(blockSize);
  }

  /** Makes room for at least `extra` more bytes: a new block, or with a sink the same one emptied. */
  private next(extra: number): void {
    if (this.len > 0) {
      if (this.sink) this.sink.push(plain(this.buf, this.len));
      else this.full.push(plain(this.buf, this.len));
      this.fullBytes += this.len;
      this.len = 0;
    }
    if (this.sink === undefined || this.buf.length < extra) this.buf = alloc(Math.max(this.blockSize, extra));
  }

  /** Markup or any text already escaped, as UTF-8 (one native encodeInto per call: callers pass whole rows). */
  raw(s: string): this {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const max = s.length * 3;
    if (this.len + max > this.buf.length) this.next(max);
    this.len += NodeBuffer ? (this.buf as NodeBytes).utf8Write(s, this.len) : encoder.encodeInto(s, this.buf.subarray(this.len)).written;
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

  /** With a sink: hands it what is left in the current block (call once, at the end). */
  flush(): void {
    if (!this.sink) throw new Error('ByteWriter.flush needs a sink');
    this.next(0);
  }

  /** The bytes written, in one array (without a sink). */
  finish(): Uint8Array {
    if (this.sink) throw new Error('ByteWriter.finish: the bytes went to the sink');
    if (this.full.length === 0) return plain(this.buf, this.len);
    const out = plain(alloc(this.length), this.length);
    let at = 0;
    for (const b of this.full) {
      out.set(b, at);
      at += b.length;
    }
    out.set(this.buf.subarray(0, this.len), at);
    return out;
  }
}
