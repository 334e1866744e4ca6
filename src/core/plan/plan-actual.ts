/**
 * 计划执行 — plan versus actual for one fiscal year, by the review cadence of DOMAIN.md §5:
 * 月度检查 (month), 季度督导 (quarter), 半年评估 (half-year), 年终考核 (year).
 *
 * - Planned income of a project in a month is what its schedule makes due in that month
 *   (project-flows.ts: the register's own schedule), less the default rate; a 其他 project's
 *   yearly income is spread evenly over its twelve months.
 * - Booked income is 集体经营性收入 (statements/income-statement.ts `operatingIncome`) on the
 *   voucher lines carrying the project's 合同编号; operating income on lines of no project is
 *   shown as 未关联项目 (booked, not planned).
 * - Only elapsed periods (ending on or before `asOf`) are compared.
 * - A project whose year-to-date booked income is short of plan by more than the margin is a
 *   finding (规划项目 row, or 合同 for a carried-in contract).
 */
import type Decimal from 'decimal.js';
import { allocate, D, decToFen, formatFen, type Fen } from '../money';
import { finding, type Finding } from '../findings';
import type { Voucher, YearMonth } from '../ledger/types';
import { operatingIncome } from '../statements/income-statement';
import { contractDueItems } from '../income/schedule';
import { yearOf } from '../calendar';
import type { PlanProject, ProjectKind } from './model';
import { projectContract, scaleFen } from './project-flows';

export type Cadence = 'month' | 'quarter' | 'half' | 'year';
export const CADENCES: readonly { cadence: Cadence; zh: string; months: number }[] = [
  { cadence: 'month', zh: '月度检查', months: 1 },
  { cadence: 'quarter', zh: '季度督导', months: 3 },
  { cadence: 'half', zh: '半年评估', months: 6 },
  { cadence: 'year', zh: '年终考核', months: 12 },
];

export const UNLINKED = '未关联项目';

export interface ActualRow {
  cadence: Cadence;
  /** '2025-03', '2025Q1', '2025H1', '2025'. */
  period: string;
  /** Project name, or UNLINKED. */
  project: string;
  kind?: ProjectKind;
  plan: Fen;
  actual: Fen;
  /** actual − plan. */
  variance: Fen;
  /** variance / plan; undefined when the plan is 0. */
  variancePct?: Decimal;
}

export interface PlanActual {
  year: number;
  asOf: YearMonth;
  rows: ActualRow[];
  findings: Finding[];
}

const ym = (y: number, m: number): YearMonth => `${y}-${String(m).padStart(2, '0')}`;

function periodLabel(cadence: Cadence, year: number, k: number): string {
  if (cadence === 'month') return ym(year, k + 1);
  if (cadence === 'quarter') return `${year}Q${k + 1}`;
  if (cadence === 'half') return `${year}H${k + 1}`;
  return String(year);
}

/** Planned income by month (index 0 = January) of `year`. */
function plannedMonths(p: PlanProject, year: number): Fen[] {
  const out = new Array<Fen>(12).fill(0);
  const kept = new D(1).minus(p.params.defaultRate ?? 0);
  const c = projectContract(p);
  if (c === undefined) {
    const k = year - p.firstIncomeYear;
    if (k < 0 || k >= p.lifeYears) return out;
    const annual = decToFen(kept.times(p.params.annualIncome ?? 0).times(new D(1).plus(p.params.growthRate ?? 0).pow(k)));
    return allocate(annual, new Array<number>(12).fill(1));
  }
  if (yearOf(c.start) > year) return out;
  for (const i of contractDueItems(c, year).items) {
    if (yearOf(i.dueDate) !== year) continue;
    const m = Number(i.dueDate.slice(5, 7)) - 1;
    out[m] = (out[m] ?? 0) + i.income;
  }
  return out.map((f) => scaleFen(f, kept));
}

function bookedMonths(vouchers: readonly Voucher[], year: number, keep: (contract: string | undefined) => boolean): Fen[] {
  const mine = vouchers.map((v) => ({ ...v, lines: v.lines.filter((l) => keep(l.contract)) })).filter((v) => v.lines.length > 0);
  return Array.from({ length: 12 }, (_, m) => operatingIncome({ vouchers: mine, from: ym(year, m + 1), to: ym(year, m + 1) }));
}

function rowsFor(project: string, kind: ProjectKind | undefined, plan: Fen[], actual: Fen[], year: number, elapsed: number): ActualRow[] {
  const rows: ActualRow[] = [];
  for (const { cadence, months } of CADENCES) {
    for (let k = 0; (k + 1) * months <= elapsed; k++) {
      const sum = (xs: Fen[]): Fen => xs.slice(k * months, (k + 1) * months).reduce((a, b) => a + b, 0);
      const pl = sum(plan);
      const ac = sum(actual);
      rows.push({
        cadence, period: periodLabel(cadence, year, k), project, ...(kind !== undefined && { kind }), plan: pl, actual: ac, variance: ac - pl,
        ...(pl !== 0 && { variancePct: new D(ac - pl).div(pl) }),
      });
    }
  }
  return rows;
}

export function contractNoOf(p: PlanProject): string | undefined {
  return p.contract?.no ?? p.contractNo;
}

/** Plan versus booked income for `year`, periods ending on or before `asOf` ('YYYY-MM'). */
export function planVersusActual(projects: readonly PlanProject[], vouchers: readonly Voucher[], year: number, asOf: YearMonth, margin: Decimal): PlanActual {
  const elapsed = Number(asOf.slice(0, 4)) > year ? 12 : Number(asOf.slice(0, 4)) < year ? 0 : Number(asOf.slice(5, 7));
  const typed = vouchers.filter((v) => v.generated === undefined);
  const linked = new Set(projects.map(contractNoOf).filter((n): n is string => n !== undefined));
  const rows: ActualRow[] = [];
  const findings: Finding[] = [];
  for (const p of projects) {
    const no = contractNoOf(p);
    const plan = plannedMonths(p, year);
    const actual = no === undefined ? new Array<Fen>(12).fill(0) : bookedMonths(typed, year, (c) => c === no);
    // A project with nothing planned or booked this year (not started, or ended) has nothing to review.
    if (plan.every((f) => f === 0) && actual.every((f) => f === 0)) continue;
    rows.push(...rowsFor(p.name, p.kind, plan, actual, year, elapsed));
    const pl = plan.slice(0, elapsed).reduce((a, b) => a + b, 0);
    const ac = actual.slice(0, elapsed).reduce((a, b) => a + b, 0);
    if (pl > 0 && new D(ac).lt(new D(pl).times(new D(1).minus(margin)))) {
      const where = p.existing ? { sheet: '合同', ...(p.contract?.row !== undefined && { row: p.contract.row }) } : { sheet: '规划项目', ...(p.row !== undefined && { row: p.row }) };
      const pct = new D(pl - ac).div(pl).times(100).toFixed(1);
      findings.push(finding('plan.behind', 'warning',
        `项目"${p.name}"截至${asOf}已入账收入${formatFen(ac)}元，比计划${formatFen(pl)}元少${pct}%（超过容许的${margin.times(100).toString()}%）`,
        `project "${p.name}": booked ${formatFen(ac)} by ${asOf}, ${pct}% short of the planned ${formatFen(pl)} (margin ${margin.times(100).toString()}%)`, where));
    }
  }
  const unlinked = bookedMonths(typed, year, (c) => c === undefined || !linked.has(c));
  if (unlinked.some((f) => f !== 0)) rows.push(...rowsFor(UNLINKED, undefined, new Array<Fen>(12).fill(0), unlinked, year, elapsed));
  return { year, asOf, rows, findings };
}
