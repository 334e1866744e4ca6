/**
 * The 发展规划 panel's two charts, drawn with Fluent UI's own chart library (@fluentui/react-charts,
 * the v9 charting package): 集体经营性收入 by source stacked by year with the target as a line,
 * and planned against booked income by quarter. They fill the pane's width (ResponsiveContainer)
 * from 320 px up; the figures themselves are in the tables beside them.
 */
import { GroupedVerticalBarChart, ResponsiveContainer, VerticalStackedBarChart, type GroupedVerticalBarChartData, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { actualTotals, fenOfAmount, hasOtherIncome, incomeSources, SOURCE_COLORS, wanOf } from '../../app/plan-view';
import type { PlanJson } from '../../app/plan-json';
import type { PlanMessages } from '../plan-i18n';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  desc: { color: tokens.colorNeutralForeground3 },
  // The chart measures this box: it must have a width of its own and not grow with its content.
  box: { width: '100%', minWidth: 0, overflow: 'hidden' },
});

const HEIGHT = 280;
const wanTick = (v: number | string): string => String(v);

/** Stacks of 集体经营性收入 by source for each plan year, the year's target as the line. */
export function incomeStacks(p: PlanJson, m: PlanMessages): VerticalStackedChartProps[] {
  const sources = incomeSources(p);
  const other = hasOtherIncome(p);
  return p.years.map((y) => ({
    xAxisPoint: String(y.year),
    chartData: [
      ...sources.map((s) => ({ legend: m.kind(s.kind, s.kindZh), data: wanOf(fenOfAmount(y.bySource[s.kind] ?? '0')), color: SOURCE_COLORS[s.kind] })),
      ...(other ? [{ legend: m.otherIncome, data: wanOf(fenOfAmount(y.otherIncome)), color: SOURCE_COLORS.otherIncome }] : []),
    ],
    ...(y.target !== null && { lineData: [{ y: wanOf(fenOfAmount(y.target)), legend: m.targetLegend, color: SOURCE_COLORS.target }] }),
  }));
}

/** Planned and booked income of each quarter, side by side. */
export function actualGroups(p: PlanJson, m: PlanMessages): GroupedVerticalBarChartData[] {
  return actualTotals(p, 'quarter').map((t) => ({
    name: t.period,
    series: [
      { key: 'plan', legend: m.planLegend, data: wanOf(t.plan), color: '#91caff' },
      { key: 'actual', legend: m.actualLegend, data: wanOf(t.actual), color: '#0958d9' },
    ],
  }));
}

export function IncomeChart({ plan, m }: { plan: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  return (
    <figure className={s.figure} data-testid="plan-income-chart">
      <Text className={s.caption}>{m.chartIncome}</Text>
      <Text size={200} className={s.desc}>{m.chartIncomeDesc}</Text>
      <div className={s.box}>
        <ResponsiveContainer height={HEIGHT}>
          <VerticalStackedBarChart data={incomeStacks(plan, m)} height={HEIGHT} chartTitle={m.chartIncome} yAxisTickFormat={wanTick} barWidth="auto" maxBarWidth={28} hideLabels enabledLegendsWrapLines />
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function ActualChart({ plan, m }: { plan: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  return (
    <figure className={s.figure} data-testid="plan-actual-chart">
      <Text className={s.caption}>{m.chartActual}</Text>
      <div className={s.box}>
        <ResponsiveContainer height={HEIGHT}>
          <GroupedVerticalBarChart data={actualGroups(plan, m)} height={HEIGHT} chartTitle={m.chartActual} yAxisTickFormat={wanTick} barWidth="auto" maxBarWidth={24} hideLabels />
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
