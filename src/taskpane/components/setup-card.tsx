import { Button, Card, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { useBooksMessages } from '../books-i18n';
import { useMessages } from '../i18n';
import type { VillageSetup } from '../model';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  from2004: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, gridColumn: '1 / -1' },
  pickRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  fileName: { overflowWrap: 'anywhere', minWidth: 0 },
  hidden: { display: 'none' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface SetupCardProps {
  busy: boolean;
  defaultYear: number;
  onSetup: (setup: VillageSetup) => void;
  /** 新建账簿 with the opening balances converted from a 2004-system trial balance. */
  onSetupFrom2004: (setup: VillageSetup, file: File) => void;
}

/** 新建村账簿: village, township, year; optionally 从2004年制度科目余额表转换 (the same use case as `cunzhang init --from-2004`). */
export function SetupCard({ busy, defaultYear, onSetup, onSetupFrom2004 }: SetupCardProps) {
  const m = useMessages();
  const b = useBooksMessages();
  const s = useStyles();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [village, setVillage] = useState('');
  const [township, setTownship] = useState('');
  const [year, setYear] = useState(String(defaultYear));
  const [migrate, setMigrate] = useState(false);
  const [file, setFile] = useState<File | undefined>();
  const ok = village.trim() !== '' && township.trim() !== '' && /^\d{4}$/.test(year) && (!migrate || file !== undefined);
  const submit = () => {
    const setup = { village: village.trim(), township: township.trim(), fiscalYear: Number(year) };
    if (migrate && file) onSetupFrom2004(setup, file);
    else onSetup(setup);
  };
  return (
    <Card className={s.card}>
      <h2 className={s.h2}>{m.setupTitle}</h2>
      <form className={s.form} onSubmit={(e) => { e.preventDefault(); if (ok) submit(); }}>
        <Field label={m.setupVillage} required><Input size="large" value={village} onChange={(_, d) => setVillage(d.value)} /></Field>
        <Field label={m.setupTownship} required><Input size="large" value={township} onChange={(_, d) => setTownship(d.value)} /></Field>
        <Field label={m.setupYear} required><Input size="large" inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} /></Field>
        <div className={s.from2004}>
          <Checkbox size="large" label={b.from2004} checked={migrate} onChange={(_, d) => setMigrate(d.checked === true)} data-testid="setup-from-2004" />
          {migrate && (
            <>
              <Text size={300} className={s.hint}>{b.from2004Hint}</Text>
              <div className={s.pickRow}>
                <label htmlFor={fileId} className={s.hidden}>{b.from2004Pick}</label>
                <input id={fileId} ref={input} className={s.hidden} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="setup-from-2004-file"
                  onChange={(e) => { setFile(e.target.files?.[0]); e.target.value = ''; }} />
                <Button size="large" icon={<DocumentArrowUpRegular />} disabled={busy} onClick={() => input.current?.click()}>{b.from2004Pick}</Button>
                <Text size={300} className={s.fileName} data-testid="setup-from-2004-name">{file ? b.from2004Chosen(file.name) : b.from2004None}</Text>
              </div>
            </>
          )}
        </div>
        <Button type="submit" appearance="primary" size="large" disabled={busy || !ok}>{m.setupRun}</Button>
      </form>
    </Card>
  );
}
