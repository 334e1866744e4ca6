/**
 * 结账哈希链 — tamper evidence for locked months. At each lock, every newly locked month gets a
 * record: the SHA-256 of each posted voucher of that month (canonical form below), and a month
 * hash over those voucher hashes chained to the previous month's hash. The records live in _meta.
 * Verifying recomputes the hashes from the vouchers on the book and names every voucher changed,
 * removed or inserted in a locked month.
 *
 * This detects edits; it does not prevent them. Whoever can edit the file can also rewrite the
 * whole chain, which is why the last month's hash (the head) is printed for the township to keep
 * and compare later.
 *
 * The core stays pure: SHA-256 is injected (node:crypto in Node, crypto.subtle in the browser,
 * which is asynchronous), as a batch function so one call hashes a whole month.
 */
import { finding, type Finding } from '../findings';
import { monthOf, nextMonth } from './balances';
import type { Voucher, YearMonth } from './types';

/** SHA-256 of each UTF-8 text, as 64 lowercase hex digits, in the same order. */
export type Sha256Batch = (texts: readonly string[]) => Promise<string[]>;

/** One voucher as recorded at lock time: its number and the first 16 hex digits of its hash. */
export interface ChainVoucher {
  number: string;
  hash: string;
}

/** The record of one locked month. */
export interface ChainMonth {
  month: YearMonth;
  /** SHA-256 over (month, previous month's hash, every voucher's full hash), 64 hex digits. */
  hash: string;
  vouchers: ChainVoucher[];
}

/** Stored voucher hashes are shortened: they only name which voucher changed; the month hash uses the full ones. */
export const SHORT_HASH = 16;

/** Version tags inside the hashed text, so a future canonical form cannot collide with this one. */
const VOUCHER_TAG = 'cunzhang-voucher-1';
const MONTH_TAG = 'cunzhang-month-1';

/**
 * The one canonical text of a voucher: every field a person typed, none of the workbook position.
 * Lines are sorted, so reordering rows is not an edit; a line without its own summary takes the
 * voucher's (the workbook writes it that way, so both spellings read back the same).
 */
export function canonicalVoucher(v: Voucher): string {
  const lines = v.lines
    .map((l) => JSON.stringify([l.account, l.debit, l.credit, l.summary ?? v.summary, l.contract ?? '', l.counterparty ?? '']))
    .sort();
  const reverses = v.reverses ? `${v.reverses.month}/${v.reverses.number}` : '';
  return JSON.stringify([VOUCHER_TAG, v.date, v.number.trim(), v.summary, v.attachments ?? null, v.preparer ?? '', v.reviewer ?? '', reverses, lines]);
}

/** Typed (posted) vouchers of one month; generated closing vouchers are rebuilt, so they are not chained. */
function vouchersOfMonth(vouchers: readonly Voucher[], month: YearMonth): Voucher[] {
  return vouchers.filter((v) => v.generated === undefined && monthOf(v.date) === month);
}

function monthText(month: YearMonth, prev: string, entries: readonly (readonly [string, string])[]): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return JSON.stringify([MONTH_TAG, month, prev, sorted]);
}

interface HashedMonth {
  record: ChainMonth;
  /** The month's vouchers with their full hashes, for naming them in findings. */
  current: { voucher: Voucher; hash: string }[];
}

async function hashMonth(vouchers: readonly Voucher[], month: YearMonth, prev: string, sha: Sha256Batch): Promise<HashedMonth> {
  const mine = vouchersOfMonth(vouchers, month);
  const hashes = await sha(mine.map(canonicalVoucher));
  const entries = mine.map((v, i) => [v.number.trim(), hashes[i] ?? ''] as const);
  const [hash] = await sha([monthText(month, prev, entries)]);
  const record: ChainMonth = { month, hash: hash ?? '', vouchers: entries.map(([number, h]) => ({ number, hash: h.slice(0, SHORT_HASH) })) };
  return { record, current: mine.map((voucher, i) => ({ voucher, hash: hashes[i] ?? '' })) };
}

/**
 * The chain extended through `through`: the months already recorded are kept as they are (a later
 * lock must not bless an earlier edit); each newly locked month from `firstMonth` on is hashed and
 * chained to the one before.
 */
export async function extendChain(
  chain: readonly ChainMonth[],
  vouchers: readonly Voucher[],
  opts: { firstMonth: YearMonth; through: YearMonth },
  sha: Sha256Batch,
): Promise<ChainMonth[]> {
  const out = [...chain];
  const last = out[out.length - 1];
  let prev = last?.hash ?? '';
  for (let m = last ? nextMonth(last.month) : opts.firstMonth; m <= opts.through; m = nextMonth(m)) {
    const { record } = await hashMonth(vouchers, m, prev, sha);
    out.push(record);
    prev = record.hash;
  }
  return out;
}

type At = { sheet: string; row?: number; column?: string };
const atVoucher = (v: Voucher, sheet: string): At => (v.lines[0]?.source ? { sheet: v.lines[0].source.sheet, row: v.lines[0].source.row, column: '凭证号' } : { sheet });

/** Pair the vouchers recorded at lock time with those on the book now; what does not pair is a finding. */
function diffMonth(stored: ChainMonth, now: HashedMonth, sheet: string): Finding[] {
  const out: Finding[] = [];
  const m = stored.month;
  // By number, so a month of thousands of vouchers pairs in linear time.
  const byNumber = new Map<string, { voucher: Voucher; hash: string }[]>();
  for (const c of now.current) {
    const n = c.voucher.number.trim();
    const list = byNumber.get(n);
    if (list) list.push(c);
    else byNumber.set(n, [c]);
  }
  const unmatched: ChainVoucher[] = [];
  for (const s of stored.vouchers) {
    const list = byNumber.get(s.number);
    const i = list ? list.findIndex((c) => c.hash.slice(0, SHORT_HASH) === s.hash) : -1;
    if (i >= 0) list!.splice(i, 1);
    else unmatched.push(s);
  }
  for (const s of unmatched) {
    const c = byNumber.get(s.number)?.shift();
    if (c) {
      out.push(finding('lock.voucher-changed', 'error', `已结账的${m}第${s.number}号凭证在结账后被修改`, `Voucher ${s.number} of locked month ${m} was changed after the lock`, atVoucher(c.voucher, sheet)));
    } else {
      out.push(finding('lock.voucher-removed', 'error', `已结账的${m}第${s.number}号凭证在结账后被删除（或改了日期、凭证号）`, `Voucher ${s.number} of locked month ${m} was removed after the lock (or its date or number changed)`, { sheet }));
    }
  }
  for (const list of byNumber.values()) {
    for (const c of list) {
      const n = c.voucher.number.trim();
      out.push(finding('lock.voucher-inserted', 'error', `已结账的${m}在结账后多出第${n}号凭证`, `Voucher ${n} was inserted into locked month ${m} after the lock`, atVoucher(c.voucher, sheet)));
    }
  }
  return out;
}

export interface ChainCheck {
  findings: Finding[];
  /** Last recorded month's hash (what the township keeps), or undefined for an empty chain. */
  head: string | undefined;
  /** Months whose vouchers and record agree with the chain. */
  intactMonths: YearMonth[];
}

/**
 * Check the vouchers on the book against the recorded chain. Each month is recomputed from the
 * vouchers now and the previous month's recorded hash: a voucher changed, removed or inserted is
 * named; a month whose vouchers agree but whose hash does not means the record itself was edited.
 * A lock that no longer matches the chain's extent (moved back, or forward without hashing) is a
 * finding too.
 */
export async function verifyChain(
  chain: readonly ChainMonth[],
  vouchers: readonly Voucher[],
  lockedThrough: YearMonth | undefined,
  sha: Sha256Batch,
  sheet = '凭证',
): Promise<ChainCheck> {
  const findings: Finding[] = [];
  const intactMonths: YearMonth[] = [];
  let prev = '';
  for (const stored of chain) {
    const now = await hashMonth(vouchers, stored.month, prev, sha);
    const diffs = diffMonth(stored, now, sheet);
    findings.push(...diffs);
    if (diffs.length === 0 && now.record.hash !== stored.hash) {
      findings.push(finding('lock.chain-broken', 'error', `${stored.month}的结账记录（_meta）与凭证不符：记录被改动或链条断开`, `The lock record of ${stored.month} (_meta) does not match its vouchers: the record was edited or the chain is broken`, { sheet: '_meta' }));
    }
    if (diffs.length === 0 && now.record.hash === stored.hash) intactMonths.push(stored.month);
    prev = stored.hash;
  }
  const last = chain[chain.length - 1]?.month;
  if (lockedThrough !== undefined && (last === undefined || last < lockedThrough)) {
    findings.push(finding('lock.chain-incomplete', 'error', `已结账至${lockedThrough}，但结账记录只到${last ?? '（无）'}；请核对后重新结账`, `Locked through ${lockedThrough}, but the lock record only reaches ${last ?? '(none)'}; check, then lock again`, { sheet: '_meta' }));
  }
  if (last !== undefined && (lockedThrough === undefined || lockedThrough < last)) {
    findings.push(finding('lock.moved-back', 'error', `结账记录到${last}，但结账月份被改为${lockedThrough ?? '（未结账）'}：结账不能倒退`, `The lock record reaches ${last}, but the lock now reads ${lockedThrough ?? '(none)'}: a lock cannot move back`, { sheet: '_meta' }));
  }
  return { findings, head: chain[chain.length - 1]?.hash, intactMonths };
}
