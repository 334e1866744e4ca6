/**
 * Statement lines as data: each line is fed by accounts (with a sign, optionally only the
 * debit-balance or credit-balance sub-accounts), or is a formula over earlier lines, or takes
 * a named value the statement computes (e.g. distributions). One evaluator serves both
 * statements, so a new template is a data change.
 */
import type { Fen } from '../money';
import { isWithinAccount } from '../chart/account-code';

/** An account feeding a line: sign × Σ net (debit-positive) amounts of the account and its sub-accounts. */
export interface Feed {
  readonly account: string;
  readonly sign: 1 | -1;
  /** Only sub-accounts whose own balance is on this side (113 内部往来 splits by side). */
  readonly only?: 'debit' | 'credit';
}

export interface LineDef {
  /** 行次 */
  readonly line: number;
  /** Stable key for code and tests. */
  readonly key: string;
  /** Label as printed. */
  readonly label: string;
  readonly feeds?: readonly Feed[];
  /** Σ sign × amount of the given earlier lines. */
  readonly formula?: readonly (readonly [line: number, sign: 1 | -1])[];
  /** A value the statement supplies by name. */
  readonly value?: string;
  /**
   * Where the line or its label rests on inference rather than the official 2023 form, and on
   * what source: checking against the official form, when found, is then a change of this data.
   */
  readonly inferred?: string;
}

/** sign × Σ of the posted amounts in `net` whose code is `f.account` or one of its sub-accounts. */
export function feedAmount(f: Feed, net: ReadonlyMap<string, Fen>): Fen {
  let t = 0;
  for (const [code, n] of net) {
    if (!isWithinAccount(code, f.account)) continue;
    if (f.only === 'debit' && n <= 0) continue;
    if (f.only === 'credit' && n >= 0) continue;
    t += n;
  }
  return f.sign * t || 0;
}

/**
 * Evaluate a table of lines over posted net amounts. Formula lines may refer only to earlier
 * lines (checked: a reference forward is a bug in the table and throws).
 */
export function evaluateLines(defs: readonly LineDef[], net: ReadonlyMap<string, Fen>, values: Readonly<Record<string, Fen>> = {}): Map<number, Fen> {
  const out = new Map<number, Fen>();
  for (const d of defs) {
    let v = 0;
    if (d.feeds) for (const f of d.feeds) v += feedAmount(f, net);
    if (d.formula) {
      for (const [line, sign] of d.formula) {
        const x = out.get(line);
        if (x === undefined) throw new RangeError(`statement line ${d.line} refers to line ${line}, which is not defined before it`);
        v += sign * x;
      }
    }
    if (d.value !== undefined) v += values[d.value] ?? 0;
    out.set(d.line, v || 0);
  }
  return out;
}

/** Look a line up by key in a table (throws on a key that is not there: a bug, not data). */
export function lineNumber(defs: readonly LineDef[], key: string): number {
  const d = defs.find((x) => x.key === key);
  if (!d) throw new RangeError(`no statement line with key ${key}`);
  return d.line;
}
