/**
 * One money module. Amounts are yuan held as decimal.js values rounded to the fen (0.01)
 * with ROUND_HALF_UP. Hot paths (ledger sums) work in integer fen (`Fen`, a safe integer);
 * decimal.js is for rates, division and rounding. Floats appear only at the cell boundary
 * (`moneyFromCell`), and a float with more than two decimals is reported, never rounded.
 */
import Decimal from 'decimal.js';

/** Our own Decimal constructor: 40 significant digits, ROUND_HALF_UP, so no other module's settings leak in. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;
export type Money = Decimal;

/** Integer number of fen (分). Always a safe integer; 1 yuan = 100 fen. */
export type Fen = number;

export const ZERO: Money = new D(0);

/** Why a value could not become money. */
export type MoneyIssue = 'empty' | 'not-a-number' | 'too-many-decimals' | 'too-large';

export type MoneyParse = { ok: true; fen: Fen } | { ok: false; issue: MoneyIssue };

/** Largest amount we accept: 10^13 yuan keeps every fen sum of a county's ledgers a safe integer. */
const MAX_FEN = 1e15;

/** Round any decimal to the fen, half up (0.005 → 0.01, -0.005 → -0.01). */
export function roundFen(x: Decimal.Value): Money {
  return new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Money from a trusted literal or decimal; rounds to the fen. Use `parseMoney` for user text. */
export function money(x: Decimal.Value): Money {
  return roundFen(x);
}

export function fenToMoney(fen: Fen): Money {
  return new D(fen).div(100);
}

/** Exact conversion; throws if `m` is not a whole number of fen (a programming error, not user input). */
export function moneyToFen(m: Decimal.Value): Fen {
  const f = new D(m).times(100);
  if (!f.isInteger()) throw new RangeError(`not a whole number of fen: ${String(m)}`);
  return f.toNumber();
}

/** Round any decimal to the fen and return integer fen. */
export function decToFen(x: Decimal.Value): Fen {
  return roundFen(x).times(100).toNumber();
}

const AMOUNT_RE = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parse user text ("1,234.5", "¥1234.50", "-3", "（1,000.00）" is not accepted) into fen, exactly,
 * by string arithmetic: no float ever touches the digits. More than two decimals is an issue,
 * unless the extra digits are zeros ("12.300").
 */
export function parseFen(text: string): MoneyParse {
  let s = text.trim();
  if (s === '') return { ok: false, issue: 'empty' };
  s = s.replace(/^[¥￥]/, '').replace(/[,，\s]/g, '');
  const m = AMOUNT_RE.exec(s);
  if (!m) return { ok: false, issue: 'not-a-number' };
  const sign = m[1] === '-' ? -1 : 1;
  const whole = m[2] ?? '0';
  let frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return { ok: false, issue: 'too-many-decimals' };
  frac = frac.padEnd(2, '0');
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, issue: 'too-large' };
  const fen = Number(whole) * 100 + Number(frac);
  if (fen > MAX_FEN) return { ok: false, issue: 'too-large' };
  return { ok: true, fen: sign * fen || 0 };
}

/**
 * A spreadsheet cell (number, string, null) into fen. Numbers are read as Excel shows and stores
 * them, to 15 significant digits (`cellNumberText`), so =120*35.5 (4259.999999999999 in binary)
 * is 4260.00 and =0.1+0.2 is 0.30, while a cell holding 12.345 is still 'too-many-decimals'.
 */
export function fenFromCell(v: unknown): MoneyParse {
  if (v === null || v === undefined) return { ok: false, issue: 'empty' };
  if (typeof v === 'number') {
    const f = exactFenOfNumber(v);
    if (f === f) return { ok: true, fen: f }; // not NaN
    if (!Number.isFinite(v)) return { ok: false, issue: 'not-a-number' };
    return parseFen(cellNumberText(v));
  }
  if (typeof v === 'string') return parseFen(v);
  if (v instanceof D || Decimal.isDecimal(v)) return parseFen((v as Decimal).toFixed());
  return { ok: false, issue: 'not-a-number' };
}

/**
 * The fen of a cell number that is a whole number of fen, by arithmetic instead of text: NaN for
 * any other number (more decimals, binary noise such as 4259.999999999999, 10^13 yuan or more,
 * not finite), which then takes fenFromCell's text path. It runs once per amount cell (a 10,000
 * line book reads 20,000) and gives the same fen as that path wherever it answers: when
 * f / 100 === n, n is the double nearest the decimal f/100, which has at most 15 significant
 * digits (|f| < 10^15), so its 15-digit text (cellNumberText) is that decimal and parseFen reads
 * f back. tests/core/money.test.ts checks this against the text path on arbitrary doubles.
 */
export function exactFenOfNumber(n: number): Fen {
  if (!(n > -1e13 && n < 1e13)) return NaN;
  const f = Math.round(n * 100);
  return f / 100 === n ? f || 0 : NaN; // `|| 0`: -0 is 0 fen, as String(-0) is '0'
}

/** Like `fenFromCell` but as a Money value. */
export function moneyFromCell(v: unknown): { ok: true; value: Money } | { ok: false; issue: MoneyIssue } {
  const r = fenFromCell(v);
  return r.ok ? { ok: true, value: fenToMoney(r.fen) } : r;
}

/** The number written into a cell. Exact for every fen amount below 2^53 / 100. */
export function moneyToCell(m: Money | Fen): number {
  return typeof m === 'number' ? m / 100 : m.toNumber();
}

/** "1234.50", "-0.05": exactly two decimals, no grouping. The JSON and CSV form. */
export function fenToString(fen: Fen): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const yuan = Math.floor(a / 100);
  const cents = a - yuan * 100;
  return `${neg ? '-' : ''}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

export function moneyToString(m: Money): string {
  return roundFen(m).toFixed(2);
}

/** "1,234.50": grouped thousands, two decimals; what people read. */
export function formatFen(fen: Fen): string {
  const s = fenToString(fen);
  const neg = s.startsWith('-');
  const [whole = '0', frac = '00'] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

export function formatMoney(m: Money): string {
  return formatFen(moneyToFen(roundFen(m)));
}

export function sumMoney(xs: Iterable<Money>): Money {
  let t = ZERO;
  for (const x of xs) t = t.plus(x);
  return t;
}

/**
 * Split `total` fen by `weights` so the parts always sum back to the total: each part is
 * floor(total × w / Σw) and the leftover fen go, one each, to the largest remainders
 * (ties to the earlier entry). Weights must be ≥ 0 with a positive sum.
 */
export function allocate(total: Fen, weights: readonly Decimal.Value[]): Fen[] {
  const fast = allocateByIntegers(total, weights);
  if (fast) return fast;
  const ws = weights.map((w) => new D(w));
  if (ws.some((w) => w.isNeg())) throw new RangeError('allocate: negative weight');
  const sum = ws.reduce((a, b) => a.plus(b), new D(0));
  if (sum.isZero()) throw new RangeError('allocate: weights sum to zero');
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = ws.map((w) => new D(abs).times(w).div(sum));
  const parts = exact.map((e) => e.floor().toNumber());
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e.minus(e.floor()) }))
    .sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => sign * p || 0);
}

/**
 * allocate() for whole-number weights (days of a month, equal parts) in safe-integer arithmetic:
 * the same parts as the decimal path, which divides exactly enough (40 digits) that it floors
 * and orders different remainders as the integers here do — two remainders of one split differ
 * by at least 1/Σw > 1e-16, far above the decimal's last digit. Undefined when a weight is not a
 * non-negative safe integer, a product would leave the safe range, or a tie is one the decimal
 * path may break differently: the decimal path decides.
 */
function allocateByIntegers(total: Fen, weights: readonly Decimal.Value[]): Fen[] | undefined {
  // One positive weight takes everything (a contract paying once a year).
  if (weights.length === 1) return new D(weights[0] ?? 0).gt(0) ? [total || 0] : undefined;
  let sum = 0;
  let max = 0;
  for (const w of weights) {
    if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0) return undefined;
    sum += w;
    if (w > max) max = w;
  }
  const abs = Math.abs(total);
  if (sum === 0 || !Number.isSafeInteger(sum) || !Number.isSafeInteger(abs * max)) return undefined;
  const parts: number[] = [];
  const rems: number[] = [];
  for (const w of weights as readonly number[]) {
    const p = abs * w;
    let q = Math.floor(p / sum);
    let rem = p - q * sum;
    // The float quotient can land one off the true floor; the integer remainder puts it right.
    if (rem < 0) { q -= 1; rem += sum; } else if (rem >= sum) { q += 1; rem -= sum; }
    parts.push(q);
    rems.push(rem);
  }
  // Equal remainders tie to the earlier entry only when the decimal path keeps the same number
  // of fraction digits for both (its 40 significant digits round the fraction of a larger part
  // sooner, which can break the tie the other way): otherwise let the decimal path decide.
  const digitsAt = new Map<number, number>();
  for (let i = 0; i < rems.length; i++) {
    const rem = rems[i] ?? 0;
    if (rem === 0) continue;
    const digits = parts[i] === 0 ? 0 : String(parts[i] ?? 0).length;
    const seen = digitsAt.get(rem);
    if (seen !== undefined && seen !== digits) return undefined;
    digitsAt.set(rem, digits);
  }
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = rems.map((_, i) => i).sort((a, b) => (rems[b] ?? 0) - (rems[a] ?? 0) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  const sign = total < 0 ? -1 : 1;
  return parts.map((p) => sign * p || 0);
}

const SCALER_UNIT = 1_000_000;

/**
 * fen × x rounded half up (away from zero) to a whole fen, as a function to apply to many amounts
 * (a project's years): when x has at most six decimals the product is worked in safe integers —
 * exactly decimal.js's answer, whose 40 digits hold such a product without rounding — else, and
 * for an amount whose product would leave the safe range, in decimal.js.
 * @example fenScaler(new D('0.8'))(12345) === 9876 // 9876.0
 */
export function fenScaler(x: Decimal): (f: Fen) => Fen {
  const slow = (f: Fen): Fen => x.times(f).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
  const n = x.times(SCALER_UNIT);
  if (!n.isInteger() || n.abs().gt(Number.MAX_SAFE_INTEGER)) return slow;
  const k = Math.abs(n.toNumber());
  const kNeg = n.isNeg();
  return (f) => {
    const p = Math.abs(f) * k;
    if (!Number.isSafeInteger(p)) return slow(f);
    let q = Math.floor(p / SCALER_UNIT);
    let rem = p - q * SCALER_UNIT;
    if (rem < 0) { q -= 1; rem += SCALER_UNIT; } else if (rem >= SCALER_UNIT) { q += 1; rem -= SCALER_UNIT; }
    if (2 * rem >= SCALER_UNIT) q += 1;
    // decimal.js keeps the sign of a product that rounds to zero (-0); so does this.
    return (f < 0 || Object.is(f, -0)) !== kNeg ? -q : q;
  };
}

/** Significant digits Excel keeps and shows for a number (IEEE 754 doubles carry ~15.95). */
export const EXCEL_SIGNIFICANT_DIGITS = 15;

/**
 * Decimal text of a number from a cell, rounded to Excel's 15 significant digits, without
 * exponent: the one place where a float from a spreadsheet becomes digits. A formula such as
 * =100*1.13 leaves binary noise (112.99999999999999) that Excel itself never shows; rounding it
 * here, before any two-decimal rule, makes the codecs and the CUN.* functions see 113.
 * @example cellNumberText(0.1 + 0.2) === '0.3'; cellNumberText(1e-7) === '0.0000001'
 */
export function cellNumberText(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  const s = n.toPrecision(EXCEL_SIGNIFICANT_DIGITS);
  // toPrecision pads with zeros ("113.000000000000") and may use an exponent ("1.0…e-7").
  if (s.includes('e')) return new D(s).toFixed();
  if (!s.includes('.')) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--; // '0'
  if (s.charCodeAt(end - 1) === 46) end--; // '.'
  return s.slice(0, end);
}
