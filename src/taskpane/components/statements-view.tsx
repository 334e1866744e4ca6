import { Tab, TabList, Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import type { ReportJson } from '../../app/report-json';
import { useBooksMessages } from '../books-i18n';
import { useMessages } from '../i18n';
import type { StatementKey } from '../model';
import { reportToTables, type DisplayColumn, type DisplayTable } from '../report-tables';
import { NARROW, useNarrowStyles } from './narrow';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  tabs: { flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, display: 'block' },
  switch: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  scroller: { overflowX: 'auto', marginTop: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase400, [NARROW]: { fontSize: tokens.fontSizeBase300 } },
  th: {
    textAlign: 'start', padding: '6px 10px', borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap',
    [NARROW]: { padding: '4px 5px' },
  },
  // A long name (with Latin letters or digits, which do not wrap by themselves) may break anywhere in a narrow pane.
  td: { padding: '5px 10px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, [NARROW]: { padding: '4px 5px', overflowWrap: 'anywhere' } },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  lineNo: { width: '3em', textAlign: 'center', color: tokens.colorNeutralForeground3, [NARROW]: { width: '2em' } },
  /** The 科目编码 column gives way in a narrow pane; the name cell then shows the code above the name. */
  codeAbove: { display: 'none', [NARROW]: { display: 'block', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' } },
  /** Sub-accounts indent by level (the --indent variable), less in a narrow pane where every pixel is a character. */
  indented: { paddingInlineStart: 'calc(6px + var(--indent) * 12px)', [NARROW]: { paddingInlineStart: 'calc(5px + var(--indent) * 6px)' } },
  strong: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  subRow: { color: tokens.colorNeutralForeground2 },
});

/** The groups of amount columns, in column order ('begin', 'end' …). */
function groupsOf(columns: readonly DisplayColumn[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const c of columns) if (c.group && !seen.has(c.group.key)) seen.set(c.group.key, c.group.label);
  return [...seen].map(([key, label]) => ({ key, label }));
}

/**
 * One statement as a readable table: amounts 1,234.50, right-aligned; totals bold. In a narrow pane
 * one group of amount columns shows at a time (期末 first), picked with a switch above the table,
 * so 项目 keeps room to read on one or two lines and nothing scrolls sideways.
 */
export function StatementTable({ table }: { table: DisplayTable }) {
  const s = useStyles();
  const n = useNarrowStyles();
  const m = useMessages();
  const b = useBooksMessages();
  const testId = `statement-${table.key}`;
  const groups = groupsOf(table.columns);
  const [shown, setShown] = useState(groups.at(-1)?.key);
  const hidden = (c: DisplayColumn) => (c.group !== undefined && c.group.key !== shown) || c.key === 'code';
  const colClass = (c: DisplayColumn) => mergeClasses(c.money && s.num, c.key === 'line' && s.lineNo, hidden(c) && n.wideOnly);
  const codeAt = table.columns.findIndex((c) => c.key === 'code');
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h3 className={s.title} id={`${testId}-title`}>{table.title}</h3>
      <Text className={s.sub} size={300}>{table.subtitle}</Text>
      <Text className={s.sub} size={300}>{m.unitYuan}</Text>
      {groups.length > 1 && (
        <div className={mergeClasses(s.switch, n.narrowOnly)} role="group" aria-label={b.showColumn} data-testid={`${testId}-switch`}>
          <Text size={300}>{b.showColumn}</Text>
          {groups.map((g) => (
            <ToggleButton key={g.key} size="small" checked={g.key === shown} appearance={g.key === shown ? 'primary' : 'secondary'} onClick={() => setShown(g.key)}>{g.label}</ToggleButton>
          ))}
        </div>
      )}
      <div className={s.scroller}>
        <table className={s.table} aria-labelledby={`${testId}-title`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" data-col={c.key} className={mergeClasses(s.th, colClass(c))}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, ri) => (
              <tr key={ri} className={mergeClasses(r.strong && s.strong, r.indent > 0 && s.subRow)}>
                {table.columns.map((c, ci) => (
                  <td
                    key={c.key}
                    className={mergeClasses(s.td, colClass(c), ci === 1 && r.indent > 0 && s.indented)}
                    data-col={c.key}
                    style={ci === 1 && r.indent > 0 ? ({ '--indent': r.indent } as CSSProperties) : undefined}
                  >
                    {c.key === 'name' && codeAt >= 0 && r.cells[codeAt] && <span className={s.codeAbove} aria-hidden="true">{r.cells[codeAt]}</span>}
                    {r.cells[ci]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 资产负债表, 收益及收益分配表 and 科目余额表 after 生成报表. */
export function StatementsView({ report }: { report: ReportJson }) {
  const s = useStyles();
  const m = useMessages();
  const tables = reportToTables(report, m);
  const [shown, setShown] = useState<StatementKey>('balanceSheet');
  const table = tables.find((t) => t.key === shown);
  return (
    <div className={s.stack} data-testid="statements">
      <TabList selectedValue={shown} onTabSelect={(_, d) => setShown(d.value as StatementKey)} aria-label={m.statementsTitle} size="small" className={s.tabs}>
        {tables.map((t) => <Tab key={t.key} value={t.key}>{t.title}</Tab>)}
      </TabList>
      {table && <StatementTable key={table.key} table={table} />}
    </div>
  );
}
