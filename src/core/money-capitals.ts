/**
 * 大写金额 — an amount in Chinese capital numerals, as written on vouchers, receipts and cheques
 * (人民币壹仟贰佰叁拾肆元伍角整). Written from integer fen by string arithmetic, so it is exact
 * for every amount the money module accepts.
 *
 * The rules of 《支付结算办法》 (附件一《正确填写票据和结算凭证的基本规定》):
 * - 整 ends an amount that stops at 元 or 角; an amount with 分 has no 整;
 * - a run of zeros inside the number is one 零 (1,004 → 壹仟零肆元); zeros at the end of a
 *   group are not written (1,000 → 壹仟元), and a 万/亿 group of zeros writes no unit;
 * - 元 ending in 0 followed by 角, or a 角 of 0 followed by 分, writes 零 (1,680.32 →
 *   壹仟陆佰捌拾元零叁角贰分; 325.04 → 叁佰贰拾伍元零肆分), the first of the forms it allows;
 * - 拾 keeps its 壹 (10 → 壹拾元整).
 */
import type { Fen } from './money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

/** The yuan part (a string of digits without leading zeros, not '0') in capitals, without 元. */
function yuanCapitals(digits: string): string {
  let out = '';
  let zero = false;
  let groupHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const pos = digits.length - 1 - i;
    const d = Number(digits[i]);
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += `${DIGITS[d]}${PLACES[pos % 4]}`;
      groupHasDigit = true;
    }
    if (pos % 4 === 0 && groupHasDigit) {
      out += GROUPS[pos / 4] ?? '';
      groupHasDigit = false;
      // Zeros that end a group are not written: 壹拾万柒仟, not 壹拾万零柒仟.
      zero = false;
    }
  }
  return out;
}

/**
 * Integer fen → 大写金额. Negative amounts get 负 in front (a red-ink reversal's total).
 * @example fenToCapitals(123450) === '壹仟贰佰叁拾肆元伍角整'
 * @example fenToCapitals(32504) === '叁佰贰拾伍元零肆分'
 */
export function fenToCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  if (fen < 0) return `负${fenToCapitals(-fen)}`;
  const digits = String(fen).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/^0+/, '');
  const jiao = Number(digits.at(-2));
  const fen1 = Number(digits.at(-1));
  if (yuan === '' && jiao === 0 && fen1 === 0) return '零元整';
  let out = yuan === '' ? '' : `${yuanCapitals(yuan)}元`;
  if (jiao > 0) out += `${yuan !== '' && yuan.endsWith('0') ? '零' : ''}${DIGITS[jiao]}角`;
  else if (fen1 > 0 && yuan !== '') out += '零';
  out += fen1 > 0 ? `${DIGITS[fen1]}分` : '整';
  return out;
}

/** The disclosure forms' name for the same conversion (one implementation: fenToCapitals). */
export const toChineseCapitals = fenToCapitals;
