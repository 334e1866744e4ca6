/**
 * Label matching for disclosure rows: tolerant in form, strict in meaning. Two labels match when
 * they are equal after removing what a typist varies without changing the meaning — spaces,
 * full-width versus half-width characters, list numbering (一、 (一) 1. 1、 ①) and the 加：/减：
 * sign words of statement rows. Nothing else is forgiven: 管理费 is not 管理费用.
 */

/** Leading list numbering: 一、 (一) （一） 1. 1、 1) ① … possibly repeated ("一、1."). */
const NUMBERING = /^(?:\([一二三四五六七八九十\d]+\)[、.]?|[一二三四五六七八九十]+[、.]|\d+[、.)])/u;
/** Sign words that only say whether a statement row adds or subtracts. */
const SIGN_WORD = /^(?:加|减)[:]/u;

/** The label reduced to what it means; `normalizeLabel(a) === normalizeLabel(b)` is the match. */
export function normalizeLabel(text: string): string {
  // NFKC folds full-width letters, digits, parentheses and colons into their half-width forms
  // (and ① into 1, so circled numbers go first).
  let s = text.trim().replace(/^[①-⑳]/u, '').normalize('NFKC').replace(/\s+/gu, '').replace(/[．。]/gu, '.');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(NUMBERING, '').replace(SIGN_WORD, '');
    if (s === before) break;
  }
  return s.replace(/[:]+$/u, '');
}

export function sameLabel(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}
