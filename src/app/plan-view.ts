/**
 * The plan JSON shaped for charts, shared by the 规划书 (ECharts, plan-document.ts) and the task
 * pane's 发展规划 panel (Fluent UI charts): which income sources appear, their colours, and plan
 * versus booked income summed by period. Sums are in integer fen; 万元 only for drawing.
 */
import { moneyToFen, type Fen } from '../core/money';
import type { PlanJson } from './plan-json';

type Kind = PlanJson['plan']['sources'][number]['kind'];

/** One colour per income source (and for income outside the projects, and the target line). */
export const SOURCE_COLORS: Record<Kind | 'otherIncome' | 'target', string> = {
  land: '#5b8c00', coop: '#d48806', pv: '#1677ff', lease: '#722ed1', other: '#8c8c8c', otherIncome: '#bfbfbf', target: '#cf1322',
};

/** 其他经营性收入 — income outside the projects, a series of its own when any year has it. */
export const OTHER_INCOME_ZH = '其他经营性收入';

/** Amount string of the plan JSON ("1234.50") → fen. */
export const fenOfAmount = (amount: string): Fen => moneyToFen(amount);

/** Fen → 万元 to two decimals, for a chart (drawing only; the figures stay exact in the tables). */
export const wanOf = (fen: Fen): number => Math.round(fen / 10_000) / 100;

/** The income sources with income in some plan year, in the plan's order. */
export function incomeSources(p: PlanJson): PlanJson['plan']['sources'] {
  return p.plan.sources.filter((s) => p.years.some((y) => fenOfAmount(y.bySource[s.kind] ?? '0') !== 0));
}

/** Whether any year has income outside the projects. */
export function hasOtherIncome(p: PlanJson): boolean {
  return p.years.some((y) => fenOfAmount(y.otherIncome) !== 0);
}

/** Planned and booked income of every project summed per period of one cadence, in period order. */
export function actualTotals(p: PlanJson, cadence: 'month' | 'quarter' | 'half' | 'year' = 'quarter'): { period: string; plan: Fen; actual: Fen }[] {
  const out = new Map<string, { period: string; plan: Fen; actual: Fen }>();
  for (const r of p.actual?.rows ?? []) {
    if (r.cadence !== cadence) continue;
    const t = out.get(r.period) ?? { period: r.period, plan: 0, actual: 0 };
    t.plan += fenOfAmount(r.plan);
    t.actual += fenOfAmount(r.actual);
    out.set(r.period, t);
  }
  return [...out.values()];
}
