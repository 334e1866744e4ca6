/**
 * Convert a 2004-system trial balance (2023-12-31 科目余额表) into 2023-system opening balances and
 * the sub-accounts they need. A balance that no rule maps is a finding and is left out; the result
 * then does not balance, which the opening balance check reports too, so nobody opens books on a guess.
 *
 * Codes: a sub-account keeps its place under its new parent (20201 → 21101; 2020101 under 20201 →
 * 2110101). A split account (131, 132, 202) decides by the names of the row and its parents
 * (劳务 → 213, 税 → 214 …). When two old codes land on one new code (13102 产役畜 and 13202 薪炭林
 * both → 13202), the later one takes the next free code under the same parent, in input order.
 *
 * 产役畜 and 经济林木 were carried at net book value in 2004 (amortisation credited to the asset);
 * the 2023 chart keeps cost in 132 and the amortisation in 133. When the input gives a row's
 * 累计摊销, the 132 balance is grossed up by it and 133 credited the same; when it does not, the
 * net is carried and a finding says what to supply.
 */
import type { Fen } from '../money';
import { fenToString, formatFen } from '../money';
import { finding, type Finding } from '../findings';
import type { OpeningBalance } from '../ledger/types';
import { CHART_2004 } from './chart-2004';
import { isProfitAndLoss } from './chart-2023';
import { ACCUMULATED_BIO_DEPRECIATION, AMORTISED_2004, MAPPING_2004_TO_2023, type MappingRule } from './mapping-2004';

export interface OldBalance {
  code: string;
  /** Sub-account name, used for split accounts (牲畜(禽)资产-产役畜 …). */
  name?: string;
  debit: Fen;
  credit: Fen;
  /** 累计摊销 of an amortised 2004 asset (产役畜, 经济林木), when the input has the column. */
  amortisation?: Fen;
  row?: number;
}

export interface ConversionResult {
  opening: OpeningBalance[];
  /** Sub-accounts of the new chart the opening balances use, with their 2004 names. */
  subAccounts: { code: string; name: string }[];
  /** Old code → new code for every balance that was mapped. */
  mapped: { from: string; to: string; note: string }[];
  findings: Finding[];
}

const RULES = new Map<string, MappingRule>(MAPPING_2004_TO_2023.map((r) => [r.from, r]));
const OLD = new Map(CHART_2004.map((a) => [a.code, a]));

/**
 * New codes for every old code of the input, parents before children (see the header). Codes that
 * stay under their own first-level code go first, so they keep their numbers; moved ones fill in.
 */
function assignCodes(rows: readonly OldBalance[]): Map<string, string | undefined> {
  const names = new Map(rows.map((r) => [r.code, r.name ?? '']));
  const roots = new Map<string, string | undefined>();
  for (const code of new Set(rows.map((r) => r.code))) {
    const rule = RULES.get(code.slice(0, 3));
    const chain: string[] = [];
    for (let c = code; c.length >= 3; c = c.slice(0, -2)) chain.push(names.get(c) ?? '');
    roots.set(code, rule ? destination(rule, chain) : undefined);
  }
  const moved = (c: string): number => (roots.get(c) === c.slice(0, 3) ? 0 : 1);
  const out = new Map<string, string | undefined>();
  const taken = new Map<string, string>();
  for (const code of [...roots.keys()].sort((a, b) => a.length - b.length || moved(a) - moved(b))) {
    const root = roots.get(code);
    if (root === undefined) {
      out.set(code, undefined);
      continue;
    }
    const parent = code.length > 3 ? out.get(code.slice(0, -2)) : undefined;
    let to = code.length === 3 ? root : parent?.startsWith(root) ? parent + code.slice(-2) : root + code.slice(3);
    while (taken.has(to) && taken.get(to) !== code) to = to.slice(0, -2) + String(Number(to.slice(-2)) + 1).padStart(2, '0');
    taken.set(to, code);
    out.set(code, to);
  }
  return out;
}

/** The rule's destination: the first keyword found in the row's name, then its parents' names; else the default. */
function destination(rule: MappingRule, names: readonly string[]): string | undefined {
  for (const name of names) for (const b of rule.byName ?? []) if (b.keywords.some((k) => name.includes(k))) return b.to;
  return rule.to;
}

export function convert2004TrialBalance(rows: readonly OldBalance[], sheet = '期初余额'): ConversionResult {
  const net = new Map<string, Fen>();
  const mapped: ConversionResult['mapped'] = [];
  const findings: Finding[] = [];
  const codes = assignCodes(rows);
  // Only leaf rows carry balances we can move; a parent row repeats its children's sum.
  const all = new Set(rows.map((r) => r.code));
  const isParent = (c: string) => [...all].some((o) => o !== c && o.startsWith(c));
  const add = (code: string, n: Fen): void => void net.set(code, (net.get(code) ?? 0) + n);
  for (const r of rows) {
    if (isParent(r.code)) continue;
    const at = { sheet, ...(r.row !== undefined ? { row: r.row } : {}), column: '科目编码' };
    const root = r.code.slice(0, 3);
    const rule = RULES.get(root);
    if (!OLD.has(root) || !rule) {
      findings.push(finding('migrate.unknown-account', 'error', `旧制度科目${r.code}不存在`, `Account ${r.code} is not in the 2004 chart`, at));
      continue;
    }
    const amount = r.debit - r.credit;
    if (amount === 0 && !r.amortisation) continue;
    const newCode = codes.get(r.code);
    if (newCode === undefined) {
      findings.push(finding('migrate.unmapped', 'error',
        `科目${r.code}${r.name ? `（${r.name}）` : ''}余额${formatFen(Math.abs(amount))}无法自动转入新制度：${rule.note}`,
        `Balance ${formatFen(Math.abs(amount))} of account ${r.code} cannot be mapped automatically: decide its 2023 account by hand`, at));
      continue;
    }
    if (isProfitAndLoss(OLD.get(root)?.category)) {
      findings.push(finding('migrate.pnl-balance', 'warning',
        `损益类科目${r.code}仍有余额，应先年终结转再转换；已按新科目${newCode}转入`,
        `Income/expense account ${r.code} still has a balance; close the year before converting. Mapped to ${newCode}`, at));
    }
    const amortised = AMORTISED_2004.find((a) => a.root === root && a.keywords.some((k) => (r.name ?? '').includes(k)));
    if (amortised && r.amortisation === undefined) {
      findings.push(finding('migrate.amortisation-missing', 'warning',
        `科目${r.code}（${r.name ?? amortised.name}）按净值${fenToString(amount)}转入${newCode}；请在输入文件"累计摊销"列填写其累计摊销额，以便原值转入${newCode}、累计摊销转入133生产性生物资产累计折旧`,
        `${r.code} (${amortised.name}) carried at its net ${fenToString(amount)} into ${newCode}; supply its accumulated amortisation in a "累计摊销" column to carry cost into ${newCode} and the amortisation into 133`, at));
    }
    const grossUp = amortised ? (r.amortisation ?? 0) : 0;
    add(newCode, amount + grossUp);
    if (grossUp !== 0) add(ACCUMULATED_BIO_DEPRECIATION, -grossUp);
    mapped.push({ from: r.code, to: newCode, note: rule.note });
  }
  const opening: OpeningBalance[] = [...net.entries()]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, n]) => ({ account, debit: n > 0 ? n : 0, credit: n < 0 ? -n : 0 }));
  return { opening, subAccounts: subAccountsOf(rows, codes, opening), mapped, findings };
}

/** The new sub-accounts (and their parents) the opening uses, named as in the 2004 book. */
function subAccountsOf(rows: readonly OldBalance[], codes: ReadonlyMap<string, string | undefined>, opening: readonly OpeningBalance[]): { code: string; name: string }[] {
  const nameOf = new Map<string, string>();
  for (const r of rows) {
    const to = codes.get(r.code);
    if (to !== undefined && to.length > 3) nameOf.set(to, r.name ?? to);
  }
  const used = new Set<string>();
  for (const o of opening) for (let c = o.account; c.length > 3; c = c.slice(0, -2)) used.add(c);
  return [...used].sort().map((code) => ({ code, name: nameOf.get(code) ?? code }));
}
