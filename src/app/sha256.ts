/**
 * SHA-256 for the lock hash chain through Web Crypto (crypto.subtle), which both the browser and
 * Node 20 provide. The CLI passes node:crypto instead (src/cli/sha256-node.ts), which is
 * synchronous and faster for a whole book.
 */
import type { Sha256Batch } from '../core/ledger/lock-chain';

function hex(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] as number).toString(16).padStart(2, '0');
  return s;
}

export const webSha256: Sha256Batch = async (texts) => {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('Web Crypto (crypto.subtle) is not available: the page must be served over HTTPS or from localhost');
  const enc = new TextEncoder();
  return Promise.all(texts.map(async (t) => hex(await subtle.digest('SHA-256', enc.encode(t)))));
};
