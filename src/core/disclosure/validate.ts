/**
 * Validating disclosures against a template and the books. Every sheet whose title names one of
 * the template's forms and a period is checked: structure and ties (item forms), the balance
 * chain (收支逐笔), 张榜日期 against the deadline, and text that would run as a formula. With an
 * `asOf` date, completeness too: every form due for every period whose deadline has passed,
 * special disclosures included whenever their accounts were active.
 */
import { finding, type Finding } from '../findings';
import { fenFromCell, formatFen, type Fen } from '../money';
import type { IsoDate } from '../ledger/types';
import { checkItemSheet } from './check-items';
import { generateDisclosures, itemColumns, type DisclosureInput } from './generate';
import { at, findLabel, identify, isFooterText, oddText, parseTypedDate, postedDate, textOf, type Grid } from './grid';
import { sameLabel } from './labels';
import type { DisclosureTable } from './model';
import { periodsOfYear, postingDeadline, yearPeriod, type DisclosurePeriod } from './period';
import type { DisclosureForm, DisclosureTemplate } from './template';

export interface DisclosureCheckInput {
  template: DisclosureTemplate;
  /** The generation input (books, contracts, PV use) for a period: what the sheets are checked against. */
  inputFor: (period: DisclosurePeriod) => DisclosureInput;
  fiscalYear: number;
  grids: readonly Grid[];
  /** With a date, also check that every disclosure due by then exists. */
  asOf?: IsoDate;
}

interface Found {
  grid: Grid;
  form: DisclosureForm;
  period: DisclosurePeriod;
  titleRow: number;
}

/** 张榜日期: present, a date, and no later than the template's deadline after period end. */
function checkPosted(f: Found, days: DisclosureTemplate['deadlineDays']): Finding[] {
  const p = postedDate(f.grid);
  const title = `${f.period.label}${f.form.title}`;
  if (!p || p.text === '') {
    return [finding('disclosure.no-post-date', 'warning', `${title}没有填写张榜日期`, `${title} has no posting date (张榜日期)`, p ? at(f.grid, p.row, p.col) : { sheet: f.grid.name })];
  }
  const date = parseTypedDate(p.text);
  if (date === undefined) return [finding('disclosure.bad-date', 'warning', `张榜日期"${p.text}"无法识别`, `Posting date "${p.text}" is not a date`, at(f.grid, p.row, p.col))];
  const deadline = postingDeadline(f.period, days);
  if (date <= deadline) return [];
  return [finding('disclosure.late', 'error', `${title}张榜日期${date}晚于公开期限${deadline}（期末后${days[f.period.cadence]}天内）`, `${title} was posted on ${date}, after the deadline ${deadline} (${days[f.period.cadence]} days after period end)`, at(f.grid, p.row, p.col))];
}

const fenAt = (g: Grid, r: number, c: number): Fen | undefined => {
  const v = g.rows[r]?.[c] ?? null;
  if (textOf(v) === '') return 0;
  const p = fenFromCell(v);
  return p.ok ? p.fen : undefined;
};

/** 收支逐笔: 上期结转 ties to the books, each 结存 follows from the one before, 本期合计 adds up and ties. */
function checkCashbook(f: Found, expected: DisclosureTable, signatures: readonly string[]): Finding[] {
  const g = f.grid;
  const head = findLabel(g, '结存', f.titleRow + 1);
  if (!head) return [finding('disclosure.no-header', 'error', '找不到表头（"结存"列）', 'No header row (no "结存" column)', { sheet: g.name })];
  const cells = g.rows[head.row] ?? [];
  const col = (label: string): number => cells.findIndex((v) => sameLabel(textOf(v), label));
  const [inC, outC, balC] = [col('收入'), col('支出'), head.col];
  const out: Finding[] = [];
  const want = (i: number): Fen => Number(expected.rows.at(i)?.cells[5] ?? 0);
  let bal: Fen | undefined;
  let sumIn = 0;
  let sumOut = 0;
  for (let r = head.row + 1; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    if (row.some((v) => isFooterText(textOf(v), signatures))) break;
    if (row.every((v) => textOf(v) === '')) continue;
    const label = row.map(textOf).find((t) => t === '上期结转' || t === '本期合计');
    const b = fenAt(g, r, balC);
    const inflow = inC >= 0 ? fenAt(g, r, inC) ?? 0 : 0;
    const outflow = outC >= 0 ? fenAt(g, r, outC) ?? 0 : 0;
    if (label === '上期结转') {
      if (b !== want(0)) out.push(finding('disclosure.tie', 'error', `上期结转${formatFen(b ?? 0)}，账面为${formatFen(want(0))}`, `Balance brought forward ${formatFen(b ?? 0)}; the books give ${formatFen(want(0))}`, at(g, r, balC)));
      bal = b;
      continue;
    }
    if (label === '本期合计') {
      if (inflow !== sumIn || outflow !== sumOut) out.push(finding('disclosure.total', 'error', `本期合计收入${formatFen(inflow)}、支出${formatFen(outflow)}，逐笔合计为${formatFen(sumIn)}、${formatFen(sumOut)}`, `Period totals ${formatFen(inflow)} in, ${formatFen(outflow)} out; the rows add up to ${formatFen(sumIn)}, ${formatFen(sumOut)}`, at(g, r, inC)));
      else if (b !== want(-1)) out.push(finding('disclosure.tie', 'error', `期末结存${formatFen(b ?? 0)}，账面为${formatFen(want(-1))}`, `Balance carried forward ${formatFen(b ?? 0)}; the books give ${formatFen(want(-1))}`, at(g, r, balC)));
      break;
    }
    sumIn += inflow;
    sumOut += outflow;
    if (bal !== undefined && b !== bal + inflow - outflow) {
      out.push(finding('disclosure.chain', 'error', `结存${formatFen(b ?? 0)}与上一行结存加收入减支出（${formatFen(bal + inflow - outflow)}）不符`, `Balance ${formatFen(b ?? 0)} does not follow from the row above (${formatFen(bal + inflow - outflow)})`, at(g, r, balC)));
    }
    bal = b;
  }
  return out;
}

/** 本年累计 of each quarter's board equals the sum of the quarters' 本期 when every earlier quarter's board is there. */
function checkYearToDate(boards: readonly { f: Found; typed: Map<number, Fen>[] }[]): Finding[] {
  const out: Finding[] = [];
  const byQuarter = new Map(boards.filter((b) => b.f.period.cadence === 'quarter').map((b) => [Number(b.f.period.code.slice(-1)), b]));
  for (const [q, b] of byQuarter) {
    const earlier = [1, 2, 3, 4].filter((k) => k <= q).map((k) => byQuarter.get(k));
    if (earlier.some((e) => e === undefined)) continue;
    for (const [line, ytd] of b.typed[1] ?? new Map<number, Fen>()) {
      const sum = earlier.reduce((t, e) => t + (e!.typed[0]?.get(line) ?? 0), 0);
      if (sum === ytd) continue;
      out.push(finding('disclosure.ytd', 'error', `${b.f.period.label}行次${line}本年累计${formatFen(ytd)}，不等于各季本期数之和${formatFen(sum)}`, `${b.f.period.label} line ${line}: year to date ${formatFen(ytd)} is not the sum of the quarters, ${formatFen(sum)}`, { sheet: b.f.grid.name }));
    }
  }
  return out;
}

/** Every form the books make due for the periods whose deadline is before `asOf`, that no sheet discloses. */
function checkCompleteness(input: DisclosureCheckInput, found: readonly Found[], asOf: IsoDate): Finding[] {
  const t = input.template;
  const has = (form: DisclosureForm, p: DisclosurePeriod): boolean => found.some((f) => f.form.key === form.key && f.period.code === p.code);
  const out: Finding[] = [];
  const periods = [...periodsOfYear(input.fiscalYear, t.cadence), yearPeriod(input.fiscalYear)];
  for (const period of periods) {
    if (postingDeadline(period, t.deadlineDays) >= asOf) continue;
    const due = generateDisclosures(input.inputFor(period)).tables.map((x) => x.form);
    // A year-end period only adds the forms that are annual only (收益分配); the rest come quarterly.
    const forms = period.cadence === 'year' ? due.filter((f) => !f.due.includes(t.cadence)) : due;
    for (const form of forms) {
      if (has(form, period)) continue;
      const special = form.kind === 'special';
      out.push(finding(special ? 'disclosure.special-missing' : 'disclosure.missing', 'error', `缺少${period.label}${form.title}${special ? '（相关科目本期有发生额，应专项公开）' : ''}`, `${period.label} ${form.title} is missing${special ? ' (its accounts were active: a special disclosure is due)' : ''}`));
    }
  }
  return out;
}

export function validateDisclosures(input: DisclosureCheckInput): Finding[] {
  const t = input.template;
  const out: Finding[] = [];
  const found: Found[] = [];
  for (const grid of input.grids) {
    const id = identify(grid, t);
    if (id) found.push({ grid, ...id });
  }
  const boards: { f: Found; typed: Map<number, Fen>[] }[] = [];
  for (const f of found) {
    out.push(...oddText(f.grid), ...checkPosted(f, t.deadlineDays));
    if (f.period.year !== input.fiscalYear) {
      out.push(finding('disclosure.other-year', 'warning', `${f.grid.name}公开的是${f.period.label}，不是本账套年度`, `${f.grid.name} discloses ${f.period.label}, outside this book's year`, { sheet: f.grid.name }));
      continue;
    }
    const pin = input.inputFor(f.period);
    if (f.form.kind === 'flows' || f.form.kind === 'statement') {
      const r = checkItemSheet({ grid: f.grid, form: f.form, expected: itemColumns(pin, f.form), titleRow: f.titleRow, signatures: t.signatures });
      out.push(...r.findings);
      if (f.form.kind === 'flows') boards.push({ f, typed: r.typed });
    } else if (f.form.kind === 'cashbook') {
      const expected = generateDisclosures(pin).tables.find((x) => x.form.key === f.form.key);
      if (expected) out.push(...checkCashbook(f, expected, t.signatures));
    }
  }
  out.push(...checkYearToDate(boards));
  if (input.asOf !== undefined) out.push(...checkCompleteness(input, found, input.asOf));
  return out;
}
