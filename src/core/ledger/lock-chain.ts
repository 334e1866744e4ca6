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
import type { OpeningBalance, Voucher, YearMonth } from './types';

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
  /**
   * Form-2 records (written since the chain also covers what the ledger derives from): the opening
   * balances (期初余额) by account, on the first form-2 record of a chain, and the generated closing
   * vouchers (结转凭证) dated in this month. Absent on records written before; those verify as they were.
   */
  opening?: ChainVoucher[];
  closing?: ChainVoucher[];
}

/** What else a lock covers besides the typed vouchers, and where findings point. */
export interface ChainExtras {
  /** The book's opening balances; recorded on the first new record when no earlier record holds them. */
  opening?: readonly OpeningBalance[];
  /** The generated closing vouchers (结转凭证); each lands in the record of its month. */
  closing?: readonly Voucher[];
  /** Sheets the findings name (the workbook layout's 凭证, 期初余额, 结转凭证); these defaults otherwise. */
  sheets?: { vouchers: string; opening: string; closing: string };
}
const DEFAULT_SHEETS = { vouchers: '凭证', opening: '期初余额', closing: '结转凭证' };

/** Stored voucher hashes are shortened: they only name which voucher changed; the month hash uses the full ones. */
export const SHORT_HASH = 16;

/** Version tags inside the hashed text, so a future canonical form cannot collide with this one. */
const VOUCHER_TAG = 'cunzhang-voucher-1';
const MONTH_TAG = 'cunzhang-month-1';
const MONTH_TAG_2 = 'cunzhang-month-2';
const OPENING_TAG = 'cunzhang-opening-1';

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

/** One opening balance line in canonical form: the account and both sides in fen. */
export function canonicalOpening(b: OpeningBalance): string {
  return JSON.stringify([OPENING_TAG, b.account.trim(), b.debit, b.credit]);
}

type Entry = readonly [string, string];
const sortEntries = (entries: readonly Entry[]): Entry[] =>
  [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));

function monthText(month: YearMonth, prev: string, entries: readonly Entry[], opening?: readonly Entry[], closing?: readonly Entry[]): string {
  if (opening === undefined && closing === undefined) return JSON.stringify([MONTH_TAG, month, prev, sortEntries(entries)]);
  return JSON.stringify([MONTH_TAG_2, month, prev, sortEntries(entries), opening ? sortEntries(opening) : null, closing ? sortEntries(closing) : null]);
}

/** Something the chain covers, as it is on the book now: its key, full hash and where it lives. */
interface Current<T> {
  key: string;
  item: T;
  hash: string;
}

interface HashedMonth {
  record: ChainMonth;
  /** The month's vouchers with their full hashes, for naming them in findings. */
  current: Current<Voucher>[];
  opening?: Current<OpeningBalance>[];
  closing?: Current<Voucher>[];
}

async function hashAll<T>(items: readonly T[], key: (t: T) => string, text: (t: T) => string, sha: Sha256Batch): Promise<Current<T>[]> {
  const hashes = await sha(items.map(text));
  return items.map((item, i) => ({ key: key(item), item, hash: hashes[i] ?? '' }));
}

const entriesOf = (cs: readonly Current<unknown>[]): Entry[] => cs.map((c) => [c.key, c.hash] as const);
const shortOf = (cs: readonly Current<unknown>[]): ChainVoucher[] => cs.map((c) => ({ number: c.key, hash: c.hash.slice(0, SHORT_HASH) }));
const voucherKey = (v: Voucher): string => v.number.trim();

/** Hash one month; `withOpening` / `withClosing` say whether this record covers them (form 2). */
async function hashMonth(
  vouchers: readonly Voucher[],
  month: YearMonth,
  prev: string,
  sha: Sha256Batch,
  extras: { opening?: readonly OpeningBalance[] | undefined; closing?: readonly Voucher[] | undefined } = {},
): Promise<HashedMonth> {
  const current = await hashAll(vouchersOfMonth(vouchers, month), voucherKey, canonicalVoucher, sha);
  const opening = extras.opening && (await hashAll(extras.opening, (b) => b.account.trim(), canonicalOpening, sha));
  const closing = extras.closing && (await hashAll(extras.closing.filter((v) => monthOf(v.date) === month), voucherKey, canonicalVoucher, sha));
  const [hash] = await sha([monthText(month, prev, entriesOf(current), opening && entriesOf(opening), closing && entriesOf(closing))]);
  const record: ChainMonth = { month, hash: hash ?? '', vouchers: shortOf(current) };
  if (opening) record.opening = shortOf(opening);
  if (closing) record.closing = shortOf(closing);
  return { record, current, ...(opening && { opening }), ...(closing && { closing }) };
}

/**
 * The chain extended through `through`: the months already recorded are kept as they are (a later
 * lock must not bless an earlier edit); each newly locked month from `firstMonth` on is hashed and
 * chained to the one before.
 */
export async function extendChain(
  chain: readonly ChainMonth[],
  vouchers: readonly Voucher[],
  opts: { firstMonth: YearMonth; through: YearMonth } & Omit<ChainExtras, 'sheets'>,
  sha: Sha256Batch,
): Promise<ChainMonth[]> {
  const out = [...chain];
  const last = out[out.length - 1];
  let prev = last?.hash ?? '';
  // The opening balances are recorded once; an old chain without them gets them on its next record.
  let opening = out.some((r) => r.opening !== undefined) ? undefined : opts.opening;
  for (let m = last ? nextMonth(last.month) : opts.firstMonth; m <= opts.through; m = nextMonth(m)) {
    const { record } = await hashMonth(vouchers, m, prev, sha, { opening, closing: opts.closing });
    out.push(record);
    prev = record.hash;
    opening = undefined;
  }
  return out;
}

type At = { sheet: string; row?: number; column?: string };
const atVoucher = (v: Voucher, sheet: string): At => (v.lines[0]?.source ? { sheet: v.lines[0].source.sheet, row: v.lines[0].source.row, column: '凭证号' } : { sheet });
const atOpening = (b: OpeningBalance, sheet: string): At => (b.source ? { sheet: b.source.sheet, row: b.source.row, column: '科目编码' } : { sheet });

interface Paired<T> {
  changed: { stored: ChainVoucher; now: Current<T> }[];
  removed: ChainVoucher[];
  inserted: Current<T>[];
}

/** Pair what was recorded at lock time with what is on the book now, by key then hash; what does not pair is an edit. */
function pairEntries<T>(stored: readonly ChainVoucher[], current: readonly Current<T>[]): Paired<T> {
  // By key, so a month of thousands of vouchers pairs in linear time.
  const byKey = new Map<string, Current<T>[]>();
  for (const c of current) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  const unmatched: ChainVoucher[] = [];
  for (const s of stored) {
    const list = byKey.get(s.number);
    const i = list ? list.findIndex((c) => c.hash.slice(0, SHORT_HASH) === s.hash) : -1;
    if (i >= 0) list!.splice(i, 1);
    else unmatched.push(s);
  }
  const out: Paired<T> = { changed: [], removed: [], inserted: [] };
  for (const s of unmatched) {
    const c = byKey.get(s.number)?.shift();
    if (c) out.changed.push({ stored: s, now: c });
    else out.removed.push(s);
  }
  for (const list of byKey.values()) out.inserted.push(...list);
  return out;
}

function diffMonth(stored: ChainMonth, now: HashedMonth, sheets: NonNullable<ChainExtras['sheets']>): Finding[] {
  const sheet = sheets.vouchers;
  const out: Finding[] = [];
  const m = stored.month;
  const v = pairEntries(stored.vouchers, now.current);
  for (const { stored: s, now: c } of v.changed) {
    out.push(finding('lock.voucher-changed', 'error', `已结账的${m}第${s.number}号凭证在结账后被修改`, `Voucher ${s.number} of locked month ${m} was changed after the lock`, atVoucher(c.item, sheet)));
  }
  for (const s of v.removed) {
    out.push(finding('lock.voucher-removed', 'error', `已结账的${m}第${s.number}号凭证在结账后被删除（或改了日期、凭证号）`, `Voucher ${s.number} of locked month ${m} was removed after the lock (or its date or number changed)`, { sheet }));
  }
  for (const c of v.inserted) {
    out.push(finding('lock.voucher-inserted', 'error', `已结账的${m}在结账后多出第${c.key}号凭证`, `Voucher ${c.key} was inserted into locked month ${m} after the lock`, atVoucher(c.item, sheet)));
  }
  if (stored.opening && now.opening) {
    const o = pairEntries(stored.opening, now.opening);
    const edited = [
      ...o.changed.map((x) => ({ account: x.stored.number, at: atOpening(x.now.item, sheets.opening) })),
      ...o.removed.map((x) => ({ account: x.number, at: { sheet: sheets.opening } })),
      ...o.inserted.map((x) => ({ account: x.key, at: atOpening(x.item, sheets.opening) })),
    ];
    for (const e of edited) {
      out.push(finding('lock.opening-changed', 'error', `结账后期初余额被改动：科目${e.account}（已结账月份的余额随之改变）`, `The opening balance of account ${e.account} was changed after the lock (the locked months' balances change with it)`, e.at));
    }
  }
  if (stored.closing && now.closing) {
    const c = pairEntries(stored.closing, now.closing);
    const numbers = [...c.changed.map((x) => x.stored.number), ...c.removed.map((x) => x.number), ...c.inserted.map((x) => x.key)];
    for (const n of numbers) {
      out.push(finding('lock.closing-changed', 'error', `已结账的${m}结转凭证${n}在结账后被改动（结转凭证由年终结转生成，不应手改）`, `Closing voucher ${n} of locked month ${m} was changed after the lock (closing vouchers are generated by the year-end close and must not be edited)`, { sheet: sheets.closing }));
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
  extras: ChainExtras = {},
): Promise<ChainCheck> {
  const sheets = extras.sheets ?? DEFAULT_SHEETS;
  const findings: Finding[] = [];
  const intactMonths: YearMonth[] = [];
  let prev = '';
  for (const stored of chain) {
    // A record covers the opening balances or closing vouchers only if it was written with them (form 2).
    const now = await hashMonth(vouchers, stored.month, prev, sha, {
      opening: stored.opening && (extras.opening ?? []),
      closing: stored.closing && (extras.closing ?? []),
    });
    const diffs = diffMonth(stored, now, sheets);
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

/**
 * A head kept from an earlier check (by the township, or printed by `verify`) must still be the hash
 * of one record of the chain: records are never re-hashed, so a kept head that is no longer there
 * means the chain was rewritten (or the head belongs to another book).
 */
export function checkKeptHead(monthHashes: readonly string[], kept: string): Finding[] {
  const head = kept.trim().toLowerCase();
  if (monthHashes.includes(head)) return [];
  const short = head.slice(0, 16);
  return [finding('lock.head-unknown', 'error', `留存的哈希链末端 ${short}… 不在本账簿的结账记录中：结账记录被整体重写，或不是同一本账簿`, `The kept chain head ${short}… is not in this book's lock record: the chain was rewritten, or this is another book`, { sheet: '_meta' })];
}
