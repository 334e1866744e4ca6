/**
 * The lock hash chain (core/ledger/lock-chain.ts) as _meta key/value rows:
 *   lockChain.2025-03        → the month's 64-hex hash
 *   lockChain.2025-03.v1 …   → its vouchers as JSON [[凭证号, 16-hex hash], …], split in parts
 * Parts keep every cell far below Excel's 32,767-character limit however many vouchers a month has.
 */
import { z } from 'zod';
import { nextMonth } from '../../core/ledger/balances';
import { SHORT_HASH, type ChainMonth } from '../../core/ledger/lock-chain';
import type { Scalar } from '../port';

const PREFIX = 'lockChain.';
const MONTH_KEY = /^lockChain\.(\d{4}-(?:0[1-9]|1[0-2]))$/;
const PART_KEY = /^lockChain\.(\d{4}-(?:0[1-9]|1[0-2]))\.v([1-9]\d{0,4})$/;
/** Characters of JSON per cell: well under Excel's limit, and short enough to read in a cell. */
export const CHAIN_PART_CHARS = 8000;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const partSchema = z.array(z.tuple([z.string().min(1), z.string().regex(new RegExp(`^[0-9a-f]{${SHORT_HASH}}$`))]));

export const isChainKey = (k: string): boolean => k.startsWith(PREFIX);

export function encodeChainRows(chain: readonly ChainMonth[]): Scalar[][] {
  const rows: Scalar[][] = [];
  for (const m of chain) {
    rows.push([`${PREFIX}${m.month}`, m.hash]);
    let part: [string, string][] = [];
    let size = 2;
    let n = 0;
    const flush = (): void => {
      rows.push([`${PREFIX}${m.month}.v${++n}`, JSON.stringify(part)]);
      part = [];
      size = 2;
    };
    for (const v of m.vouchers) {
      const len = JSON.stringify([v.number, v.hash]).length + 1;
      if (part.length > 0 && size + len > CHAIN_PART_CHARS) flush();
      part.push([v.number, v.hash]);
      size += len;
    }
    if (part.length > 0) flush();
  }
  return rows;
}

/**
 * Rows → chain. Months must run without a gap and every part must parse; a record that does not
 * is dropped whole (an empty chain), which verification then reports against the lock month.
 */
export function decodeChainRows(rows: readonly (readonly [string, string])[]): ChainMonth[] {
  const months = new Map<string, ChainMonth>();
  const parts: { month: string; n: number; text: string }[] = [];
  for (const [k, v] of rows) {
    const mk = MONTH_KEY.exec(k);
    const pk = PART_KEY.exec(k);
    if (mk) {
      if (!hashSchema.safeParse(v).success || months.has(mk[1]!)) return [];
      months.set(mk[1]!, { month: mk[1]!, hash: v, vouchers: [] });
    } else if (pk) parts.push({ month: pk[1]!, n: Number(pk[2]), text: v });
    else return [];
  }
  parts.sort((a, b) => a.n - b.n);
  for (const p of parts) {
    const m = months.get(p.month);
    let json: unknown;
    try {
      json = JSON.parse(p.text);
    } catch {
      return [];
    }
    const parsed = partSchema.safeParse(json);
    if (m === undefined || !parsed.success) return [];
    for (const [number, hash] of parsed.data) m.vouchers.push({ number, hash });
  }
  const chain = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (let i = 1; i < chain.length; i++) {
    if (chain[i]!.month !== nextMonth(chain[i - 1]!.month)) return [];
  }
  return chain;
}
