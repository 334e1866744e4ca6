/**
 * Disclosure generation: for one period and one template, every form that is due, as
 * DisclosureTables. Pure: the ledger, the contract register and the PV use come in as data.
 *
 * Amounts: income and expense items are the period's activity excluding the generated closing
 * vouchers (so a closed year reads the same as an open one); 本年累计 is January to the period's
 * last month. Balance items come from the 资产负债表 and the 收益及收益分配表 of src/core/statements,
 * so a disclosed figure is the statement's figure by construction.
 */
import type { Chart } from '../chart/accounts';
import { finding, type Finding } from '../findings';
import type { Fen } from '../money';
import { accountBalances } from '../ledger/balances';
import type { IsoDate, OpeningBalance, Voucher } from '../ledger/types';
import { buildBalanceSheet } from '../statements/balance-sheet';
import { buildIncomeStatement } from '../statements/income-statement';
import { evaluateLines, type Feed, type LineDef } from '../statements/lines';
import { cashbookTable, contractsTable, counterpartiesTable, pvTable, specialTable } from './generate-lists';
import type { ContractDisclosure, DisclosureRow, DisclosureTable, PvDisclosure } from './model';
import type { DisclosurePeriod } from './period';
import type { DisclosureForm, DisclosureTemplate, ItemForm } from './template';

export interface DisclosureInput {
  template: DisclosureTemplate;
  period: DisclosurePeriod;
  village: string;
  township: string;
  chart: Chart;
  opening: readonly OpeningBalance[];
  /** Every posted voucher, closing vouchers included. */
  vouchers: readonly Voucher[];
  /** The contract register for the period; undefined when the book has no 合同 sheet. */
  contracts?: readonly ContractDisclosure[];
  pv?: readonly PvDisclosure[];
  /** 张榜日期 to print, when known. */
  posted?: IsoDate;
}

export interface DisclosureSet {
  tables: DisclosureTable[];
  findings: Finding[];
}

/** The table's frame: titles, sheet name, signatures; the caller fills columns and rows. */
export function frame(input: DisclosureInput, form: DisclosureForm): Omit<DisclosureTable, 'columns' | 'rows'> {
  const p = input.period;
  const t: Omit<DisclosureTable, 'columns' | 'rows'> = {
    form,
    period: p,
    title: `${input.township}${input.village}${p.label}${form.title}`,
    subtitle: `编制单位：${input.township}${input.village}    公开期间：${p.from} 至 ${p.to}    单位：元`,
    sheet: `${form.sheet}${p.code}`,
    capitals: [],
    signatures: [...input.template.signatures],
  };
  if (input.posted !== undefined) t.posted = input.posted;
  return t;
}

/** Item rows as statement line definitions; a heading evaluates to nothing and is left out. */
function lineDefs(form: ItemForm): LineDef[] {
  return form.items.filter((i) => i.heading !== true).map((i): LineDef => ({
    line: i.line,
    key: String(i.line),
    label: i.label,
    ...(i.feeds ? { feeds: i.feeds.map((f): Feed => (f.only ? { account: f.account, sign: f.sign, only: f.only } : { account: f.account, sign: f.sign })) } : {}),
    ...(i.formula ? { formula: i.formula } : {}),
    ...(i.statement ? { value: i.statement } : {}),
  }));
}

/** The amounts of an item form, one map of 行次 → fen per column. Exported for the validator. */
export function itemColumns(input: DisclosureInput, form: ItemForm): Map<number, Fen>[] {
  const defs = lineDefs(form);
  const { period: p } = input;
  if (form.kind === 'flows') {
    const flows = (from: string): Map<number, Fen> => evaluateLines(defs, accountBalances({ vouchers: input.vouchers, from, to: p.to, excludeGenerated: true }));
    return [flows(p.from), flows(`${p.year}-01`)];
  }
  const ledger = { chart: input.chart, opening: input.opening, vouchers: input.vouchers };
  if (form.statement === 'balanceSheet') {
    const bs = buildBalanceSheet({ ...ledger, to: p.to });
    const col = (pick: 'begin' | 'end'): Map<number, Fen> => evaluateLines(defs, new Map(), Object.fromEntries(bs.rows.map((r) => [r.key, r[pick]])));
    return [col('begin'), col('end')].slice(0, form.columns.length);
  }
  const is = buildIncomeStatement({ ...ledger, from: `${p.year}-01`, to: p.to });
  return [evaluateLines(defs, new Map(), Object.fromEntries(is.rows.map((r) => [r.key, r.amount])))];
}

function itemTable(input: DisclosureInput, form: ItemForm): DisclosureTable {
  const cols = itemColumns(input, form);
  const totals = new Set(form.items.filter((i) => i.formula).map((i) => i.line));
  const rows: DisclosureRow[] = form.items.map((i) => {
    if (i.heading) return { cells: [i.label, i.line, ...cols.map(() => null)], line: i.line, heading: true };
    const r: DisclosureRow = { cells: [i.label, i.line, ...cols.map((c) => c.get(i.line) ?? 0)], line: i.line };
    if (totals.has(i.line)) r.total = true;
    return r;
  });
  const labelOf = (line: number): string => form.items.find((i) => i.line === line)?.label ?? '';
  return {
    ...frame(input, form),
    columns: [{ header: '项目', kind: 'text' }, { header: '行次', kind: 'line' }, ...form.columns.map((h) => ({ header: h, kind: 'money' as const }))],
    rows,
    capitals: form.capitals.map((line) => ({ label: labelOf(line), fen: cols[0]!.get(line) ?? 0 })),
  };
}

/** Does any of `accounts` (or their sub-accounts) have a posted line in the period? */
function active(input: DisclosureInput, accounts: readonly string[]): boolean {
  const { from, to } = input.period;
  return input.vouchers.some((v) => v.generated === undefined && v.date >= from && v.date.slice(0, 7) <= to && v.lines.some((l) => accounts.some((a) => l.account.startsWith(a))));
}

/** Is the fiscal year closed (a generated 结转 voucher present)? */
function isClosed(vouchers: readonly Voucher[]): boolean {
  return vouchers.some((v) => v.generated === 'close');
}

/** One form for the period, or undefined (with a reason finding when the form was due but cannot be built). */
function buildForm(input: DisclosureInput, form: DisclosureForm, out: Finding[]): DisclosureTable | undefined {
  switch (form.kind) {
    case 'flows':
      return itemTable(input, form);
    case 'statement':
      if (form.afterClose && !isClosed(input.vouchers)) {
        out.push(finding('disclosure.not-closed', 'warning', `${form.title}须在年终结转后公开：本年度尚未结转`, `${form.title} is disclosed after the year-end close; the year is not closed yet`));
        return undefined;
      }
      return itemTable(input, form);
    case 'cashbook':
      return cashbookTable(input, form);
    case 'counterparties':
      return counterpartiesTable(input, form);
    case 'contracts':
      return input.contracts === undefined ? undefined : contractsTable(input, form, input.contracts);
    case 'special':
      if (form.pv) return (input.pv ?? []).some((u) => u.income !== 0) ? pvTable(input, form, input.pv ?? []) : undefined;
      return active(input, form.accounts) ? specialTable(input, form) : undefined;
  }
}

/** Every form of the template due for the period's cadence, in template order. */
export function generateDisclosures(input: DisclosureInput): DisclosureSet {
  const findings: Finding[] = [];
  const tables: DisclosureTable[] = [];
  for (const form of input.template.forms) {
    if (!form.due.includes(input.period.cadence)) continue;
    const t = buildForm(input, form, findings);
    if (t) tables.push(t);
  }
  return { tables, findings };
}

export { isClosed, active as isActiveIn };
