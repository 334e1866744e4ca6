/**
 * The lock hash chain (core/ledger/lock-chain.ts) as _meta key/value rows:
 *   lockChain.2025-03        → the month's 64-hex hash
 *   lockChain.2025-03.v1 …   → its vouchers as JSON [[凭证号, 16-hex hash], …], split in parts
 *   lockChain.2025-03.covers → form-2 records only: 'opening', 'closing' or 'opening,closing'
 *   lockChain.2025-03.o1 …   → the opening balances as [[科目编码, hash], …] (when covered)
 *   lockChain.2025-03.c1 …   → the closing vouchers as [[凭证号, hash], …] (when covered)
 * Parts keep every cell far below Excel's 32,767-character limit however many vouchers a month has.
 */
import * as z from 'zod';
import { nextMonth } from '../../core/ledger/balances';
import { SHORT_HASH, type ChainMonth, type ChainVoucher } from '../../core/ledger/lock-chain';
import type { Scalar } from '../port';

const PREFIX = 'lockChain.';
const MONTH_KEY = /^lockChain\.(\d{4}-(?:0[1-9]|1[0-2]))$/;
const PART_KEY = /^lockChain\.(\d{4}-(?:0[1-9]|1[0-2]))\.([voc])([1-9]\d{0,4})$/;
const COVERS_KEY = /^lockChain\.(\d{4}-(?:0[1-9]|1[0-2]))\.covers$/;
const COVERS = ['opening', 'closing', 'opening,closing'];
type PartKind = 'v' | 'o' | 'c';
const LIST_OF: Record<PartKind, 'vouchers' | 'opening' | 'closing'> = { v: 'vouchers', o: 'opening', c: 'closing' };
/** Characters of JSON per cell: well under Excel's limit, and short enough to read in a cell. */
export const CHAIN_PART_CHARS = 8000;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const partSchema = z.array(z.tuple([z.string().min(1), z.string().regex(new RegExp(`^[0-9a-f]{${SHORT_HASH}}$`))]));

export const isChainKey = (k: string): boolean => k.startsWith(PREFIX);

/** One list of [key, hash] pairs as rows `<month>.<kind>1`, `.<kind>2` …, each under CHAIN_PART_CHARS. */
function encodeParts(rows: Scalar[][], month: string, kind: PartKind, list: readonly ChainVoucher[]): void {
  let part: [string, string][] = [];
  let size = 2;
  let n = 0;
  const flush = (): void => {
    rows.push([`${PREFIX}${month}.${kind}${++n}`, JSON.stringify(part)]);
    part = [];
    size = 2;
  };
  for (const v of list) {
    const len = JSON.stringify([v.number, v.hash]).length + 1;
    if (part.length > 0 && size + len > CHAIN_PART_CHARS) flush();
    part.push([v.number, v.hash]);
    size += len;
  }
  if (part.length > 0) flush();
}

export function encodeChainRows(chain: readonly ChainMonth[]): Scalar[][] {
  const rows: Scalar[][] = [];
  for (const m of chain) {
    rows.push([`${PREFIX}${m.month}`, m.hash]);
    const covers = [m.opening && 'opening', m.closing && 'closing'].filter((x) => x !== undefined);
    // Written even when both lists are empty: the record's hash depends on what it covers.
    if (covers.length > 0) rows.push([`${PREFIX}${m.month}.covers`, covers.join(',')]);
    encodeParts(rows, m.month, 'v', m.vouchers);
    if (m.opening) encodeParts(rows, m.month, 'o', m.opening);
    if (m.closing) encodeParts(rows, m.month, 'c', m.closing);
  }
  return rows;
}

/**
 * Rows → chain. Months must run without a gap and every part must parse; a record that does not
 * is dropped whole (an empty chain), which verification then reports against the lock month.
 */
export function decodeChainRows(rows: readonly (readonly [string, string])[]): ChainMonth[] {
  const months = new Map<string, ChainMonth>();
  const parts: { month: string; kind: PartKind; n: number; text: string }[] = [];
  const covers: { month: string; text: string }[] = [];
  for (const [k, v] of rows) {
    const mk = MONTH_KEY.exec(k);
    const pk = PART_KEY.exec(k);
    const ck = COVERS_KEY.exec(k);
    if (mk) {
      if (!hashSchema.safeParse(v).success || months.has(mk[1]!)) return [];
      months.set(mk[1]!, { month: mk[1]!, hash: v, vouchers: [] });
    } else if (pk) parts.push({ month: pk[1]!, kind: pk[2] as PartKind, n: Number(pk[3]), text: v });
    else if (ck) covers.push({ month: ck[1]!, text: v });
    else return [];
  }
  for (const c of covers) {
    const m = months.get(c.month);
    if (m === undefined || !COVERS.includes(c.text)) return [];
    if (c.text.includes('opening')) m.opening = [];
    if (c.text.includes('closing')) m.closing = [];
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
    const list = m?.[LIST_OF[p.kind]];
    // A part for a list the record does not cover is as broken as a part that does not parse.
    if (list === undefined || !parsed.success) return [];
    for (const [number, hash] of parsed.data) list.push({ number, hash });
  }
  const chain = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (let i = 1; i < chain.length; i++) {
    if (chain[i]!.month !== nextMonth(chain[i - 1]!.month)) return [];
  }
  return chain;
}
