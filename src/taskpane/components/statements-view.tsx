import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportJson } from '../../app/report-json';
import { useMessages } from '../i18n';
import type { StatementKey } from '../model';
import { reportToTables, type DisplayTable } from '../report-tables';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, display: 'block' },
  scroller: { overflowX: 'auto', marginTop: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase400 },
  th: { textAlign: 'start', padding: '6px 10px', borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap' },
  td: { padding: '5px 10px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  lineNo: { width: '4em', textAlign: 'center', color: tokens.colorNeutralForeground3 },
  strong: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  subRow: { color: tokens.colorNeutralForeground2 },
});

/** One statement as a readable table: amounts 1,234.50, right-aligned; totals bold. */
export function StatementTable({ table }: { table: DisplayTable }) {
  const s = useStyles();
  const m = useMessages();
  const testId = `statement-${table.key}`;
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h3 className={s.title} id={`${testId}-title`}>{table.title}</h3>
      <Text className={s.sub} size={300}>{table.subtitle}</Text>
      <Text className={s.sub} size={300}>{m.unitYuan}</Text>
      <div className={s.scroller}>
        <table className={s.table} aria-labelledby={`${testId}-title`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={mergeClasses(s.th, c.money && s.num, c.key === 'line' && s.lineNo)}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, ri) => (
              <tr key={ri} className={mergeClasses(r.strong && s.strong, r.indent > 0 && s.subRow)}>
                {table.columns.map((c, ci) => (
                  <td
                    key={c.key}
                    className={mergeClasses(s.td, c.money && s.num, c.key === 'line' && s.lineNo)}
                    data-col={c.key}
                    style={ci === 1 && r.indent > 0 ? { paddingInlineStart: `${10 + r.indent * 16}px` } : undefined}
                  >
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
      <TabList selectedValue={shown} onTabSelect={(_, d) => setShown(d.value as StatementKey)} aria-label={m.statementsTitle}>
        {tables.map((t) => <Tab key={t.key} value={t.key}>{t.title}</Tab>)}
      </TabList>
      {table && <StatementTable table={table} />}
    </div>
  );
}
