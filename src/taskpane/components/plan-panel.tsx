/**
 * 发展规划 — the plan of the open book as the engine projects it (the same plan JSON as
 * `cunzhang plan --json`): the summary figures, the income chart and the year-by-year table, the
 * scenarios side by side, the project appraisal, plan versus actual, the plan findings (each one
 * shows its cell), and the two outputs: the 规划书 download and the plan sheets written into the
 * book. Laid out for Excel's 320 px task pane first; on a wide screen sections sit side by side.
 */
import { Button, Field, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DocumentArrowDownRegular, TableAddRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import type { Finding } from '../../core/findings';
import { D, formatFen } from '../../core/money';
import type { PlanJson } from '../../app/plan-json';
import { actualTotals, fenOfAmount } from '../../app/plan-view';
import { usePlanMessages, type PlanMessages } from '../plan-i18n';
import type { PlanState } from '../use-plan';
import { FindingsList } from './findings-list';
import { ActualChart, IncomeChart } from './plan-charts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  select: { minWidth: '140px' },
  // Two columns at 320 px, as many as fit on a wide screen.
  stats: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
  stat: {
    display: 'flex', flexDirection: 'column', gap: '2px', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, minWidth: 0,
  },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  statValue: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  // One column in the pane; two side by side once each can have 440 px.
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))', gap: tokens.spacingVerticalXL, alignItems: 'start' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  th: { textAlign: 'start', padding: '4px 6px', borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  // Rows stay one line high and the table scrolls sideways; only a name column wraps.
  td: { padding: '4px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap' },
  wrap: { whiteSpace: 'normal', minWidth: '6em', maxWidth: '12em' },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  note: { color: tokens.colorNeutralForeground3 },
});

const amount = (s: string): string => formatFen(fenOfAmount(s));
/** "0.08" → "8.00%" (decimal, half up). */
const percent = (rate: string | null, none: string): string => (rate === null ? none : `${new D(rate).times(100).toFixed(2)}%`);

interface Column {
  header: string;
  numeric?: boolean;
  /** A name that may wrap (project names are long). */
  wrap?: boolean;
}

/** A compact table that scrolls sideways in a narrow pane. Cells are text; a cell may carry a tone. */
function PlanTable({ columns, rows, testId, label }: { columns: Column[]; rows: { key: string; cells: (string | { text: string; tone: 'good' | 'bad' })[] }[]; testId: string; label: string }) {
  const s = useStyles();
  return (
    <div className={s.scroller}>
      <table className={s.table} data-testid={testId} aria-label={label}>
        <thead>
          <tr>{columns.map((c) => <th key={c.header} scope="col" className={mergeClasses(s.th, c.numeric && s.num)}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => {
                const text = typeof c === 'string' ? c : c.text;
                const tone = typeof c === 'string' ? undefined : s[c.tone];
                return <td key={i} className={mergeClasses(s.td, columns[i]?.numeric && s.num, columns[i]?.wrap && s.wrap, tone)}>{text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  const s = useStyles();
  return (
    <div className={s.stat} data-testid={`plan-stat-${testId}`}>
      <span className={s.statLabel}>{label}</span>
      <span className={s.statValue}>{value}</span>
    </div>
  );
}

function Summary({ p, m }: { p: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  const last = p.years.at(-1);
  return (
    <section className={s.section} aria-label={m.summaryTitle}>
      <h3 className={s.h3}>{m.summaryTitle}</h3>
      <div className={s.stats}>
        <Stat testId="final-target" label={m.finalTarget} value={p.finalTarget === null ? m.noTarget : m.yuan(amount(p.finalTarget))} />
        <Stat testId="target-year" label={m.targetYear} value={p.finalTarget === null ? m.none : p.targetYear === null ? m.notReached : String(p.targetYear)} />
        {last && <Stat testId="last-income" label={m.lastIncome(last.year)} value={m.yuan(amount(last.operatingIncome))} />}
        <Stat testId="investment" label={m.investment} value={m.yuan(amount(p.plan.investment))} />
        <Stat testId="npv" label={m.npv} value={m.yuan(amount(p.plan.npv))} />
        <Stat testId="irr" label={m.irr} value={percent(p.plan.irr, m.none)} />
        <Stat testId="payback" label={m.payback} value={p.plan.payback === null ? m.none : m.years(p.plan.payback)} />
        <Stat testId="yield" label={m.simpleYield} value={percent(p.plan.simpleYield, m.none)} />
        <Stat testId="per-household" label={m.perHousehold} value={p.plan.perHousehold === null ? m.none : m.yuan(amount(p.plan.perHousehold))} />
        <Stat testId="coverage" label={m.coverage} value={percent(p.plan.coverage, m.none)} />
      </div>
    </section>
  );
}

function Projection({ p, m }: { p: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  const rows = p.years.map((y) => ({
    key: String(y.year),
    cells: [
      String(y.year), amount(y.operatingIncome), y.target === null ? m.none : amount(y.target),
      y.meetsTarget === null ? m.none : { text: y.meetsTarget ? m.meets : m.misses, tone: y.meetsTarget ? 'good' as const : 'bad' as const },
      m.className(y.class, y.classZh),
    ],
  }));
  return (
    <section className={s.section} aria-label={m.projectionTitle}>
      <h3 className={s.h3}>{m.projectionTitle}</h3>
      <IncomeChart plan={p} m={m} />
      <PlanTable testId="plan-years" label={m.projectionTitle} rows={rows}
        columns={[{ header: m.colYear }, { header: m.colIncome, numeric: true }, { header: m.colTarget, numeric: true }, { header: m.colMeets }, { header: m.colClass }]} />
      <Text size={300} className={s.note} data-testid="plan-class-changes">{m.classChanges(p.classChanges)}</Text>
    </section>
  );
}

function Scenarios({ p, m }: { p: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  const rows = p.scenarios.map((x) => ({
    key: x.name,
    cells: [x.name, amount(x.npv), percent(x.irr, m.none), x.targetYear === null ? m.unreached : String(x.targetYear), amount(x.lastYearIncome)],
  }));
  return (
    <section className={s.section} aria-label={m.scenariosTitle}>
      <h3 className={s.h3}>{m.scenariosTitle}</h3>
      <PlanTable testId="plan-scenarios" label={m.scenariosTitle} rows={rows}
        columns={[{ header: m.colScenario, wrap: true }, { header: m.colNpv, numeric: true }, { header: m.colIrr, numeric: true }, { header: m.colTargetYear }, { header: m.colLastIncome, numeric: true }]} />
    </section>
  );
}

function Appraisal({ p, m }: { p: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  const rows = p.projects.filter((x) => !x.existing).map((x) => ({
    key: x.name,
    cells: [x.name, m.kind(x.kind, x.kindZh), amount(x.investment), amount(x.npv), percent(x.irr, m.none), x.payback ?? m.none, percent(x.simpleYield, m.none)],
  }));
  return (
    <section className={s.section} aria-label={m.appraisalTitle}>
      <h3 className={s.h3}>{m.appraisalTitle}</h3>
      <PlanTable testId="plan-projects" label={m.appraisalTitle} rows={rows}
        columns={[{ header: m.colProject, wrap: true }, { header: m.colKind }, { header: m.colInvestment, numeric: true }, { header: m.colNpv, numeric: true }, { header: m.colIrr, numeric: true }, { header: m.colPayback, numeric: true }, { header: m.colYield, numeric: true }]} />
    </section>
  );
}

function Actual({ p, m }: { p: PlanJson; m: PlanMessages }) {
  const s = useStyles();
  const totals = actualTotals(p, 'quarter');
  if (!p.actual || totals.length === 0) {
    return (
      <section className={s.section} aria-label={m.actualTitle}>
        <h3 className={s.h3}>{m.actualTitle}</h3>
        <Text size={300} className={s.note}>{m.noActual}</Text>
      </section>
    );
  }
  const rows = totals.map((t) => {
    const v = t.actual - t.plan;
    return { key: t.period, cells: [t.period, formatFen(t.plan), formatFen(t.actual), { text: formatFen(v), tone: v < 0 ? 'bad' as const : 'good' as const }] };
  });
  return (
    <section className={s.section} aria-label={m.actualTitle}>
      <h3 className={s.h3}>{m.actualTitle}</h3>
      <Text size={300} className={s.note}>{m.actualNote(p.actual.year, p.actual.asOf)}</Text>
      <ActualChart plan={p} m={m} />
      <PlanTable testId="plan-actual" label={m.actualTitle} rows={rows}
        columns={[{ header: m.colPeriod }, { header: m.colPlan, numeric: true }, { header: m.colActual, numeric: true }, { header: m.colVariance, numeric: true }]} />
    </section>
  );
}

export interface PlanPanelProps {
  state: PlanState;
  /** False when the open workbook is not a village book (nothing to plan). */
  isVillageBook: boolean;
  busy: boolean;
  onReveal: (f: Finding) => void;
  /** The sheet preview a clicked finding opens (standalone). */
  preview: ReactNode;
}

export function PlanPanel({ state, isVillageBook, busy, onReveal, preview }: PlanPanelProps) {
  const m = usePlanMessages();
  const s = useStyles();
  const { ensure } = state;
  useEffect(() => {
    if (isVillageBook) ensure(m.computing);
  });
  if (!isVillageBook) return <Text size={400} data-testid="plan-need-book">{m.needBook}</Text>;
  const r = state.result;
  const p = r?.plan;
  const scenarios = p?.scenarios.slice(1) ?? [];
  return (
    <div className={s.stack} data-testid="plan-panel">
      <h2 className={s.h2}>{m.title}</h2>
      <Text size={300}>{m.intro}</Text>
      <div className={s.controls}>
        {scenarios.length > 0 && (
          <Field label={m.scenario}>
            <Select className={s.select} value={state.scenario ?? ''} disabled={busy} data-testid="plan-scenario" onChange={(_, d) => state.setScenario(m.computing, d.value === '' ? undefined : d.value)}>
              <option value="">{m.baseScenario}</option>
              {scenarios.map((x) => <option key={x.name} value={x.name}>{x.name}</option>)}
            </Select>
          </Field>
        )}
        <Button icon={<ArrowClockwiseRegular />} disabled={busy} onClick={() => state.compute(m.computing, state.scenario)}>{m.refresh}</Button>
      </div>
      {p && (
        <div className={s.controls} role="group" aria-label={m.actionsTitle}>
          <Button appearance="primary" icon={<DocumentArrowDownRegular />} disabled={busy} title={m.downloadDocHint} data-testid="plan-download-doc" onClick={() => state.downloadDocument(m.downloadDoc, m.docFileName)}>{m.downloadDoc}</Button>
          <Button icon={<TableAddRegular />} disabled={busy} title={m.writeSheetsHint} data-testid="plan-write-sheets" onClick={() => state.write(m.writing, m.written)}>{m.writeSheets}</Button>
        </div>
      )}
      {p && <Summary p={p} m={m} />}
      {r && r.findings.length > 0 && (
        <section className={s.section} aria-label={m.findingsTitle}>
          <h3 className={s.h3}>{m.findingsTitle}</h3>
          <FindingsList findings={r.findings} onReveal={onReveal} />
        </section>
      )}
      {preview}
      {p && (
        <>
          <div className={s.columns}>
            <Projection p={p} m={m} />
            <div className={s.stack}>
              <Scenarios p={p} m={m} />
              <Actual p={p} m={m} />
            </div>
          </div>
          <Appraisal p={p} m={m} />
        </>
      )}
    </div>
  );
}
