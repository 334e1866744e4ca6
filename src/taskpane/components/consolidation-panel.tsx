import { Badge, Button, Card, Input, Label, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent } from 'react';
import { VILLAGE_CLASSES } from '../../core/consolidate/classify';
import type { Consolidation, Problem } from '../../core/consolidate/consolidate';
import { useConsolidationMessages } from '../consolidation-i18n';
import { formatAmount } from '../format';
import type { PaneHost } from '../host';
import { useConsolidation } from '../use-consolidation';
import type { Runner } from '../use-runner';
import { NARROW, useNarrowStyles } from './narrow';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  drop: {
    display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground2, textAlign: 'center',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hidden: { display: 'none' },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase400 },
  th: { textAlign: 'start', padding: '6px 10px', borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap' },
  td: { padding: '5px 10px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  flags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  left: { color: tokens.colorNeutralForeground3 },
  /** In a narrow pane 文件 and 类别 give way; the village cell shows them under the name (CSS text, so the cell's own text stays the village). */
  villageCell: { [NARROW]: { '::after': { content: 'attr(data-note)', display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' } } },
  narrowCell: { [NARROW]: { padding: '4px 5px' } },
});

/** One line of the villages table: an included village, or a file left out. */
interface VillageRow {
  file: string;
  village: string;
  classZh: string;
  income: number | undefined;
  included: boolean;
  problems: Problem[];
}

function villageRows(c: Consolidation): VillageRow[] {
  const of = (file: string): Problem[] => c.problems.filter((p) => p.file === file);
  return [
    ...c.included.map((v) => ({ file: v.file, village: v.village, classZh: VILLAGE_CLASSES[v.classCode].zh, income: v.operatingIncome, included: true, problems: of(v.file) })),
    ...c.excluded.map((e) => ({ file: e.file, village: e.village, classZh: '', income: undefined, included: false, problems: of(e.file) })),
  ];
}

/** 乡镇汇总: pick or drop many village workbooks, consolidate (cancellable), see each village's class, income and flags, download the township workbook. */
export function ConsolidationPanel({ host, runner }: { host: PaneHost; runner: Runner }) {
  const m = useConsolidationMessages();
  const s = useStyles();
  const n = useNarrowStyles();
  const st = useConsolidation(host, runner);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const [township, setTownship] = useState('');
  const [year, setYear] = useState('');
  const [shown, setShown] = useState<{ file: string; rule: string } | undefined>();
  const busy = runner.busy !== undefined;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!busy) st.addFiles([...e.dataTransfer.files]);
  };
  const c = st.result;
  const rows = c ? villageRows(c) : [];
  const details = shown ? rows.find((r) => r.file === shown.file)?.problems.filter((p) => p.rule === shown.rule) ?? [] : [];
  return (
    <div className={s.stack}>
      <Card>
        <Text as="h2" size={500} weight="semibold">{m.title}</Text>
        {host.kind === 'excel' && <Text size={400} data-testid="consolidation-excel">{m.excelNote}</Text>}
        <div className={mergeClasses(s.drop, over && s.over)} data-testid="consolidation-drop" onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
          <DocumentTableRegular className={s.icon} />
          <Text size={500} weight="semibold">{m.drop}</Text>
          <Text size={400}>{m.hint}</Text>
          <label htmlFor={inputId} className={s.hidden}>{m.pick}</label>
          <input id={inputId} ref={input} className={s.hidden} type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="consolidation-input"
            onChange={(e) => { st.addFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
          <Button appearance="primary" size="large" icon={<FolderOpenRegular />} disabled={busy} onClick={() => input.current?.click()}>{m.pick}</Button>
        </div>
        <div className={s.row}>
          <Text size={400} data-testid="consolidation-picked">{m.picked(st.files.length)}</Text>
          <Button size="large" disabled={busy || st.files.length === 0} onClick={st.clear}>{m.clear}</Button>
        </div>
        <div className={s.row}>
          <div className={s.field}><Label htmlFor={`${inputId}-t`}>{m.township}</Label><Input id={`${inputId}-t`} size="large" value={township} onChange={(_, d) => setTownship(d.value)} /></div>
          <div className={s.field}><Label htmlFor={`${inputId}-y`}>{m.year}</Label><Input id={`${inputId}-y`} size="large" value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} /></div>
          <Button appearance="primary" size="large" disabled={busy || st.files.length === 0} data-testid="consolidation-run"
            onClick={() => void st.run({ label: m.running, ...(township.trim() ? { township: township.trim() } : {}), ...(/^\d{4}$/.test(year) ? { year: Number(year) } : {}) })}>{m.run}</Button>
        </div>
      </Card>
      {c && (
        <>
          <Text size={400} weight="semibold" data-testid="consolidation-summary">{m.summary(c.found, c.included.length, c.excluded.length, c.totals.covers)}；{m.totalIncome(formatAmount(c.totals.operatingIncome))}</Text>
          <div className={s.row}>
            {host.kind === 'excel'
              ? <Button appearance="primary" size="large" disabled={busy} data-testid="consolidation-write" onClick={() => void st.writeHere(m.writing, m.written)}>{m.writeHere}</Button>
              : <Button appearance="primary" size="large" icon={<ArrowDownloadRegular />} disabled={busy} data-testid="consolidation-download" onClick={() => void st.download(m.downloadName)}>{m.download}</Button>}
          </div>
          <div className={s.scroller}>
            <table className={s.table} data-testid="consolidation-villages" aria-label={m.title}>
              <thead>
                <tr>
                  <th className={mergeClasses(s.th, s.narrowCell)} scope="col">{m.colVillage}</th>
                  {[m.colFile, m.colClass].map((h) => <th key={h} className={mergeClasses(s.th, n.wideOnly)} scope="col">{h}</th>)}
                  <th className={mergeClasses(s.th, s.num, s.narrowCell)} scope="col">{m.colIncome}</th>
                  <th className={mergeClasses(s.th, s.narrowCell)} scope="col">{m.colFlags}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.file} data-file={r.file} className={r.included ? undefined : s.left}>
                    <td className={mergeClasses(s.td, s.narrowCell, s.villageCell)} data-note={[r.included ? r.classZh : m.excluded, r.file].join(' · ')}>{r.village}</td>
                    <td className={mergeClasses(s.td, n.wideOnly)}>{r.file}</td>
                    <td className={mergeClasses(s.td, n.wideOnly)}>{r.included ? r.classZh : <Badge appearance="outline" color="danger">{m.excluded}</Badge>}</td>
                    <td className={mergeClasses(s.td, s.num, s.narrowCell)}>{r.income === undefined ? '' : formatAmount(r.income)}</td>
                    <td className={mergeClasses(s.td, s.narrowCell)}>
                      <div className={s.flags}>
                        {r.problems.length === 0 && m.noFlags}
                        {[...new Set(r.problems.map((p) => p.rule))].map((rule) => {
                          const severity = r.problems.find((p) => p.rule === rule)?.severity;
                          return (
                            <Button key={rule} size="small" appearance={severity === 'error' ? 'primary' : 'secondary'} data-rule={rule} onClick={() => setShown({ file: r.file, rule })}>
                              {m.rules[rule.replace(/^township\./, '')] ?? rule}
                            </Button>
                          );
                        })}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown && (
            <Card data-testid="consolidation-details">
              <div className={s.row}>
                <Text size={400} weight="semibold">{m.details(rows.find((r) => r.file === shown.file)?.village || shown.file)}</Text>
                <Button size="small" onClick={() => setShown(undefined)}>{m.detailsClose}</Button>
              </div>
              {details.map((p, i) => (
                <Text key={i} size={400} block>{[p.sheet, p.cell].filter((x) => x).join(' ')}{p.sheet || p.cell ? '：' : ''}{p.zh}（{p.rule}）</Text>
              ))}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
