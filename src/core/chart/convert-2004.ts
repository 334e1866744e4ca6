/**
 * Convert a 2004-system trial balance (2023-12-31 科目余额表) into 2023-system opening balances.
 * Sub-accounts keep their suffix under the new first-level code (20201 → 21101). A balance that no
 * rule maps is a finding and is left out; the result then does not balance, which the opening
 * balance check reports too, so nobody opens books on a guess.
 */
import type { Fen } from '../money';
import { formatFen } from '../money';
import { finding, type Finding } from '../findings';
import type { OpeningBalance } from '../ledger/types';
import { CHART_2004 } from './chart-2004';
import { MAPPING_2004_TO_2023, type MappingRule } from './mapping-2004';

export interface OldBalance {
  code: string;
  /** Sub-account name, used for split accounts (牲畜(禽)资产-产役畜 …). */
  name?: string;
  debit: Fen;
  credit: Fen;
  row?: number;
}

export interface ConversionResult {
  opening: OpeningBalance[];
  /** Old code → new code for every balance that was mapped. */
  mapped: { from: string; to: string; note: string }[];
  findings: Finding[];
}

const RULES = new Map<string, MappingRule>(MAPPING_2004_TO_2023.map((r) => [r.from, r]));
const OLD = new Map(CHART_2004.map((a) => [a.code, a]));

export function convert2004TrialBalance(rows: readonly OldBalance[], sheet = '期初余额'): ConversionResult {
  const net = new Map<string, Fen>();
  const mapped: ConversionResult['mapped'] = [];
  const findings: Finding[] = [];
  // Only leaf rows carry balances we can move; a parent row repeats its children's sum.
  const codes = new Set(rows.map((r) => r.code));
  const isParent = (c: string) => [...codes].some((o) => o !== c && o.startsWith(c));
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
    if (amount === 0) continue;
    const to = destination(rule, r.name ?? '');
    if (to === undefined) {
      findings.push(finding('migrate.unmapped', 'error',
        `科目${r.code}${r.name ? `（${r.name}）` : ''}余额${formatFen(Math.abs(amount))}无法自动转入新制度：${rule.note}`,
        `Balance ${formatFen(Math.abs(amount))} of account ${r.code} cannot be mapped automatically: decide its 2023 account by hand`, at));
      continue;
    }
    const cat = OLD.get(root)?.category;
    if (cat === 'income' || cat === 'expense') {
      findings.push(finding('migrate.pnl-balance', 'warning',
        `损益类科目${r.code}仍有余额，应先年终结转再转换；已按新科目${to}转入`,
        `Income/expense account ${r.code} still has a balance; close the year before converting. Mapped to ${to}`, at));
    }
    const newCode = to + r.code.slice(3);
    net.set(newCode, (net.get(newCode) ?? 0) + amount);
    mapped.push({ from: r.code, to: newCode, note: rule.note });
  }
  const opening: OpeningBalance[] = [...net.entries()]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, n]) => ({ account, debit: n > 0 ? n : 0, credit: n < 0 ? -n : 0 }));
  return { opening, mapped, findings };
}

function destination(rule: MappingRule, name: string): string | undefined {
  for (const b of rule.byName ?? []) if (b.keywords.some((k) => name.includes(k))) return b.to;
  return rule.to;
}
