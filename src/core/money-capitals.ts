/**
 * 大写金额 — an amount in Chinese capital numerals, as printed under a total on vouchers and
 * disclosure boards (壹贰叁…, 拾佰仟, 万亿, 元角分). Works on integer fen, so it is exact.
 *
 * Conventions (those of the 支付结算办法 for written amounts): a whole-yuan amount ends with 整;
 * an amount with 角 but no 分 also ends with 整 (1,234.50 → 壹仟贰佰叁拾肆元伍角整); zeros inside
 * the yuan part read as one 零 per run; a zero 元 digit before 角/分 is read 零 (1,000.05 →
 * 壹仟元零伍分); 0 is 零元整; a negative amount is prefixed 负.
 */
import type { Fen } from './money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SMALL = ['', '拾', '佰', '仟'] as const;
const BIG = ['', '万', '亿', '万亿'] as const;

/** A group of up to four digits (0–9999) in capitals, with 零 for inner zero runs; '' for 0. */
function group(n: number): string {
  let s = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (s !== '') zero = true;
      continue;
    }
    if (zero) s += '零';
    zero = false;
    s += `${DIGITS[d]!}${SMALL[i]!}`;
  }
  return s;
}

/** Whole yuan in capitals: groups of four digits joined by 万/亿, a 零 where a group starts below 千 after a higher one. */
function yuanText(yuan: number): string {
  if (yuan === 0) return '';
  const groups: number[] = [];
  for (let n = yuan; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
  let s = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (s !== '') pendingZero = true;
      continue;
    }
    if (s !== '' && (pendingZero || g < 1000)) s += '零';
    pendingZero = false;
    s += group(g) + BIG[i];
  }
  return s;
}

/**
 * An amount in fen as Chinese capitals.
 * @example toChineseCapitals(123450) === '壹仟贰佰叁拾肆元伍角整'
 * @example toChineseCapitals(100005) === '壹仟元零伍分'
 */
export function toChineseCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  if (fen < 0) return `负${toChineseCapitals(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (fen === 0) return '零元整';
  let s = yuanText(yuan);
  if (s !== '') s += '元';
  if (jiao === 0 && fenDigit === 0) return `${s}整`;
  // A zero in the units place of the yuan (or no yuan at all) before 角/分 is read 零 when yuan exist.
  if (s !== '' && (yuan % 10 === 0 || jiao === 0)) s += '零';
  if (jiao !== 0) s += `${DIGITS[jiao]}角`;
  if (fenDigit !== 0) return `${s}${DIGITS[fenDigit]}分`;
  return `${s}整`;
}
