/**
 * The chart a village actually uses: the 42 first-level accounts of the 2023 system plus the
 * village's own sub-accounts, which extend a code by two digits per level (501 → 50101 → 5010101).
 * Only leaf accounts take postings.
 */
import { CHART_2023, type AccountCategory, type AccountDef, type Side } from './chart-2023';
import { finding, type Finding } from '../findings';
import { FIRST_LEVEL_DIGITS, SUB_LEVEL_DIGITS, isAccountCode } from './account-code';

export { FIRST_LEVEL_DIGITS, SUB_LEVEL_DIGITS, isAccountCode } from './account-code';

export interface Account {
  code: string;
  name: string;
  en: string;
  category: AccountCategory;
  normalSide: Side;
  /** 1 for the 3-digit accounts, 2 for 5-digit sub-accounts, … */
  level: number;
  parent?: string;
  contraOf?: string;
}

/** A sub-account the village defines (typed into the 科目 sheet). */
export interface SubAccountDef {
  code: string;
  name: string;
}

export interface Chart {
  readonly system: '2023';
  readonly accounts: ReadonlyMap<string, Account>;
  /** Codes in display order: each first-level account followed by its sub-accounts. */
  readonly order: readonly string[];
  get(code: string): Account | undefined;
  isLeaf(code: string): boolean;
  children(code: string): readonly string[];
  /** The 3-digit first-level code of any account code. */
  root(code: string): string;
}

export function accountLevel(code: string): number {
  return 1 + (code.length - FIRST_LEVEL_DIGITS) / SUB_LEVEL_DIGITS;
}

export function parentCode(code: string): string | undefined {
  return code.length > FIRST_LEVEL_DIGITS ? code.slice(0, code.length - SUB_LEVEL_DIGITS) : undefined;
}

/**
 * Build the chart from the 2023 first-level accounts and the village's sub-accounts.
 * Bad sub-accounts are findings and are left out; the rest still form a usable chart.
 */
export function buildChart(
  subs: readonly SubAccountDef[] = [],
  where: (i: number) => { sheet?: string; row?: number } = () => ({}),
): { chart: Chart; findings: Finding[] } {
  const accounts = new Map<string, Account>();
  const kids = new Map<string, string[]>();
  const findings: Finding[] = [];
  for (const d of CHART_2023) accounts.set(d.code, fromDef(d));
  // Shorter codes first, so a parent is always known before its child.
  const sorted = subs.map((s, i) => ({ s, i })).sort((a, b) => a.s.code.length - b.s.code.length);
  for (const { s, i } of sorted) {
    const at = { ...where(i), column: '科目编码' };
    const code = s.code.trim();
    if (!isAccountCode(code) || code.length === FIRST_LEVEL_DIGITS) {
      findings.push(finding('chart.bad-code', 'error', `科目编码"${code}"无效：明细科目应在上级编码后加两位数字`, `Account code "${code}" is invalid: a sub-account adds two digits to its parent's code`, at));
      continue;
    }
    if (accounts.has(code)) {
      findings.push(finding('chart.duplicate', 'error', `科目编码${code}重复`, `Account code ${code} is defined twice`, at));
      continue;
    }
    const p = parentCode(code) as string;
    const parent = accounts.get(p);
    if (!parent) {
      findings.push(finding('chart.no-parent', 'error', `科目${code}的上级科目${p}不存在`, `Parent account ${p} of ${code} does not exist`, at));
      continue;
    }
    const name = s.name.trim();
    if (name === '') {
      findings.push(finding('chart.no-name', 'error', `科目${code}缺少名称`, `Account ${code} has no name`, { ...at, column: '科目名称' }));
      continue;
    }
    const acc: Account = { ...parent, code, name, en: parent.en, level: accountLevel(code), parent: p };
    accounts.set(code, acc);
    const list = kids.get(p) ?? [];
    list.push(code);
    kids.set(p, list);
  }
  for (const list of kids.values()) list.sort();
  const order: string[] = [];
  const walk = (c: string): void => {
    order.push(c);
    for (const k of kids.get(c) ?? []) walk(k);
  };
  for (const d of CHART_2023) walk(d.code);
  const chart: Chart = {
    system: '2023',
    accounts,
    order,
    get: (code) => accounts.get(code),
    isLeaf: (code) => accounts.has(code) && !(kids.get(code)?.length),
    children: (code) => kids.get(code) ?? [],
    root: (code) => code.slice(0, FIRST_LEVEL_DIGITS),
  };
  return { chart, findings };
}

function fromDef(d: AccountDef): Account {
  const a: Account = { code: d.code, name: d.name, en: d.en, category: d.category, normalSide: d.normalSide, level: 1 };
  if (d.contraOf !== undefined) a.contraOf = d.contraOf;
  return a;
}
