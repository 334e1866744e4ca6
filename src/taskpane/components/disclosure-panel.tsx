import { Button, Field, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, PrintRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import type { Finding } from '../../core/findings';
import { useDisclosureMessages, type DisclosureMessages } from '../disclosure-i18n';
import type { DisclosureView } from '../model';
import type { DisclosureState } from '../use-disclosure';
import { FindingsList } from './findings-list';
import { NARROW } from './narrow';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, [NARROW]: { gap: tokens.spacingHorizontalM } },
  /** A long template name must not push its Select past a narrow pane's edge. */
  field: { minWidth: 0, maxWidth: '100%' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sheet: { backgroundColor: '#fff', color: '#000', padding: '16px 20px', border: `1px solid ${tokens.colorNeutralStroke1}`, boxShadow: tokens.shadow4, overflowX: 'auto', [NARROW]: { padding: '8px 6px' } },
  sheetTitle: { margin: '0 0 4px', textAlign: 'center', fontSize: '20px', fontWeight: 700 },
  subtitle: { textAlign: 'center', fontSize: '14px', marginBottom: '8px' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: '14px', [NARROW]: { fontSize: '12px' } },
  // In a narrow pane the heads wrap, so the 项目 column keeps the room to read its words.
  th: { border: '1px solid #444', padding: '4px 8px', backgroundColor: '#f0f0f0', fontWeight: 700, whiteSpace: 'nowrap', [NARROW]: { whiteSpace: 'normal', padding: '2px 3px' } },
  td: { border: '1px solid #444', padding: '3px 8px', [NARROW]: { padding: '2px 3px' } },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  bold: { fontWeight: 700 },
  footer: { margin: '8px 0 0', fontSize: '14px', lineHeight: 1.8 },
});

/** The periods of a fiscal year the panel offers: quarters first (the usual cadence), then the year, halves and months. */
function periodOptions(year: number, m: DisclosureMessages): { value: string; label: string }[] {
  return [
    ...[1, 2, 3, 4].map((q) => ({ value: `${year}Q${q}`, label: m.quarter(year, q) })),
    { value: String(year), label: m.year(year) },
    ...[1, 2].map((h) => ({ value: `${year}H${h}`, label: m.half(year, h) })),
    ...Array.from({ length: 12 }, (_, i) => ({ value: `${year}-${String(i + 1).padStart(2, '0')}`, label: m.month(year, i + 1) })),
  ];
}

/** One disclosure as it prints: title, 公开期间, the table, then the 大写, signature and 张榜日期 lines. */
function PrintedSheet({ view }: { view: DisclosureView }) {
  const s = useStyles();
  return (
    <section className={s.sheet} data-testid="disclosure-sheet" data-sheet={view.sheet} aria-label={view.title}>
      <h3 className={s.sheetTitle}>{view.title}</h3>
      <div className={s.subtitle}>{view.subtitle}</div>
      <table className={s.table}>
        <thead>
          <tr>{view.headers.map((h, i) => <th key={`${h}-${i}`} className={mergeClasses(s.th, view.numeric[i] && s.num)} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {view.rows.map((r, k) => (
            <tr key={k} className={mergeClasses((r.total || r.heading) && s.bold)}>
              {r.cells.map((c, i) => <td key={i} className={mergeClasses(s.td, view.numeric[i] && s.num)}>{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <div className={s.footer}>{view.footer.map((line) => <div key={line}>{line}</div>)}</div>
    </section>
  );
}

export interface DisclosurePanelProps {
  state: DisclosureState;
  fiscalYear: number | undefined;
  busy: boolean;
  onReveal: (f: Finding) => void;
  /** The sheet preview a clicked finding opens (standalone). */
  preview: ReactNode;
}

/** 财务公开 — choose period and template, generate the disclosure sheets, see their findings and the print view. */
export function DisclosurePanel({ state, fiscalYear, busy, onReveal, preview }: DisclosurePanelProps) {
  const m = useDisclosureMessages();
  const s = useStyles();
  const { setPeriod, period } = state;
  useEffect(() => {
    if (fiscalYear !== undefined && (period === undefined || !period.startsWith(String(fiscalYear)))) setPeriod(`${fiscalYear}Q1`);
  }, [fiscalYear, period, setPeriod]);
  if (fiscalYear === undefined) return <Text size={400} data-testid="disclosure-need-book">{m.needBook}</Text>;
  return (
    <div className={s.stack}>
      <h2 className={s.h2}>{m.title}</h2>
      <Text size={400}>{m.intro}</Text>
      <div className={s.controls}>
        <Field label={m.period} className={s.field}>
          <Select size="large" value={state.period ?? ''} onChange={(_, d) => state.setPeriod(d.value)} data-testid="disclosure-period">
            {periodOptions(fiscalYear, m).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        </Field>
        <Field label={m.template} className={s.field}>
          <Select size="large" value={state.template} onChange={(_, d) => state.setTemplate(d.value)} data-testid="disclosure-template">
            {state.templates.map((t) => <option key={t} value={t}>{m.templateName(t)}</option>)}
          </Select>
        </Field>
        <Button appearance="primary" size="large" icon={<DocumentTableRegular />} disabled={busy || state.period === undefined} onClick={() => state.generate(m.generating, m.done)}>
          {m.generate}
        </Button>
      </div>
      {state.findings && (
        <section aria-label={m.findingsTitle}>
          <h2 className={s.h2}>{m.findingsTitle}</h2>
          <FindingsList findings={state.findings} onReveal={onReveal} />
        </section>
      )}
      {preview}
      {state.views && state.views.length > 0 && (
        <section className={s.stack} aria-label={m.printView}>
          <div className={s.controls}>
            <h2 className={s.h2}>{m.printView}</h2>
            <Button size="large" icon={<PrintRegular />} onClick={() => window.print()}>{m.print}</Button>
          </div>
          {state.views.map((v) => <PrintedSheet key={v.sheet} view={v} />)}
        </section>
      )}
    </div>
  );
}
