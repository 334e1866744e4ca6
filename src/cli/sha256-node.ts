/** SHA-256 through node:crypto for the lock hash chain: synchronous, so a whole book hashes without a round trip per voucher. */
import { createHash } from 'node:crypto';
import type { Sha256Batch } from '../core/ledger/lock-chain';

export const nodeSha256: Sha256Batch = (texts) => Promise.resolve(texts.map((t) => createHash('sha256').update(t, 'utf8').digest('hex')));
