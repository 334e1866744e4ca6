/**
 * Voucher numbering (凭证号): numbers run per month from 1 with no gaps or duplicates (research
 * §6.3). Hot path for a million lines, so months are integers parsed from the date's char codes
 * and numbers are used as the strings they already are: no key strings built per voucher.
 */
import { finding, type Finding } from '../findings';
import type { Voucher, VoucherLine, YearMonth } from './types';

const MAX_LISTED_GAPS = 20;
const NUMBER_RE = /^(\D*?)0*(\d+)$/;

/** 'YYYY-MM…' → YYYY*100+MM, or -1 when the text does not start with a year and month. */
export function monthKey(text: string): number {
  if (text.length < 7 || text.charCodeAt(4) !== 45) return -1;
  let k = 0;
  for (let i = 0; i < 7; i++) {
    if (i === 4) continue;
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    k = k * 10 + (c - 48);
  }
  return k;
}

/** Number text as written, without surrounding blanks (allocates only when there are any). */
function clean(n: string): string {
  return n.length > 0 && n.charCodeAt(0) > 32 && n.charCodeAt(n.length - 1) > 32 ? n : n.trim();
}

/** Plain numbers above this are kept by text and not gap-checked (a typo must not allocate wildly). */
const MAX_PLAIN = 200_000;

interface MonthSlot {
  /** Digit-only numbers by value: '7' and '0007' are the same number. */
  plain: (Voucher | undefined)[];
  /** Every other number by its text ('记-12', '结-1'). */
  other: Map<string, Voucher>;
}

/**
 * (month, number) → voucher; the first voucher wins. Digit-only numbers index an array per
 * month (no string hashing on the hot path); others a Map by text.
 */
export class VoucherIndex {
  private readonly months = new Map<number, MonthSlot>();

  private slot(month: number): MonthSlot {
    let m = this.months.get(month);
    if (m === undefined) this.months.set(month, (m = { plain: [], other: new Map() }));
    return m;
  }

  /** Adds `v`; false when its (month, number) is already taken by another voucher. */
  add(v: Voucher): boolean {
    const m = this.slot(monthKey(v.date));
    const num = allDigits(v.number);
    if (num >= 0 && num <= MAX_PLAIN) {
      const had = m.plain[num];
      if (had !== undefined) return had === v;
      while (m.plain.length < num) m.plain.push(undefined); // keep the array packed, not holey
      m.plain[num] = v;
      return true;
    }
    const n = clean(v.number);
    const had = m.other.get(n);
    if (had !== undefined) return had === v;
    m.other.set(n, v);
    return true;
  }

  get(month: YearMonth, number: string): Voucher | undefined {
    const m = this.months.get(monthKey(month));
    if (m === undefined) return undefined;
    const num = allDigits(clean(number));
    return num >= 0 && num <= MAX_PLAIN ? m.plain[num] : m.other.get(clean(number));
  }

  /**
   * 'voucher.number-gap' (warning) per (month, prefix) whose numbers are not 1..max: numbers
   * like '1', '0007', '记-12' count; other numbers and generated (closing) vouchers do not.
   */
  gaps(sheet: string): Finding[] {
    const out: Finding[] = [];
    for (const [month, m] of this.months) {
      const plain: number[] = [];
      let first: Voucher | undefined;
      for (let n = 0; n < m.plain.length; n++) {
        const v = m.plain[n];
        if (v === undefined || v.generated !== undefined) continue;
        plain.push(n);
        first ??= v;
      }
      if (first) gapFinding(month, '', plain, first, sheet, out);
      const groups = new Map<string, { nums: number[]; first: Voucher }>();
      for (const [text, v] of m.other) {
        if (v.generated !== undefined) continue;
        const r = NUMBER_RE.exec(text);
        if (!r || r[1] === '') continue;
        let g = groups.get(r[1]!);
        if (!g) groups.set(r[1]!, (g = { nums: [], first: v }));
        g.nums.push(Number(r[2]));
      }
      for (const [prefix, g] of groups) gapFinding(month, prefix, g.nums, g.first, sheet, out);
    }
    return out;
  }
}

/** The value of a number made of digits only ('0007' → 7), else -1. */
function allDigits(s: string): number {
  if (s.length === 0 || s.length > 15) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

const at = (l: VoucherLine | undefined, sheet: string): { sheet: string; row?: number; column: string } =>
  l?.source ? { sheet: l.source.sheet, row: l.source.row, column: '凭证号' } : { sheet, column: '凭证号' };

function gapFinding(monthKey: number, prefix: string, nums: readonly number[], first: Voucher, sheet: string, out: Finding[]): void {
  let max = 0;
  for (const n of nums) if (n > max) max = n;
  if (max > MAX_PLAIN) return;
  const have = new Uint8Array(max + 1);
  for (const n of nums) have[n] = 1;
  const missing: number[] = [];
  for (let n = 1; n <= max; n++) if (have[n] === 0) missing.push(n);
  if (missing.length === 0) return;
  const month = `${Math.floor(monthKey / 100)}-${String(monthKey % 100).padStart(2, '0')}`;
  const list = missing.slice(0, MAX_LISTED_GAPS).map((n) => `${prefix}${n}`);
  const more = missing.length > MAX_LISTED_GAPS ? `…（共${missing.length}个）` : '';
  const moreEn = missing.length > MAX_LISTED_GAPS ? `… (${missing.length} in all)` : '';
  out.push(finding('voucher.number-gap', 'warning', `${month}月凭证号不连续，缺少：${list.join('、')}${more}`, `Voucher numbers in ${month} are not consecutive; missing: ${list.join(', ')}${moreEn}`, at(first.lines[0], sheet)));
}

/** Number gaps of a list of vouchers (see VoucherIndex.gaps). */
export function numberGaps(vouchers: readonly Voucher[], sheet: string): Finding[] {
  const ix = new VoucherIndex();
  for (const v of vouchers) ix.add(v);
  return ix.gaps(sheet);
}
