import { Button, Card, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentAddRegular, DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useMessages } from '../i18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
  drop: {
    display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2, textAlign: 'center',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', justifyContent: 'center' },
  hidden: { display: 'none' },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
});

/** Standalone mode: pick or drop an .xlsx, or open the sample. Files stay on this computer. */
export function FileOpener(props: { onFile: (file: File) => void; onSample: () => void; onNew: () => void; disabled: boolean }) {
  const m = useMessages();
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !props.disabled) props.onFile(file);
  };
  return (
    <Card className={s.card}>
      <Text as="h2" size={500} weight="semibold">{m.openTitle}</Text>
      <div
        className={mergeClasses(s.drop, over && s.over)}
        data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <DocumentTableRegular className={s.icon} />
        <Text size={500} weight="semibold">{m.openDrop}</Text>
        <Text size={400}>{m.openHint}</Text>
        <div className={s.buttons}>
          <label htmlFor={inputId} className={s.hidden}>{m.openPick}</label>
          <input
            id={inputId}
            ref={input}
            className={s.hidden}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) props.onFile(file);
              e.target.value = '';
            }}
          />
          <Button appearance="primary" size="large" icon={<FolderOpenRegular />} disabled={props.disabled} onClick={() => input.current?.click()}>
            {m.openPick}
          </Button>
          <Button size="large" disabled={props.disabled} onClick={props.onSample}>{m.openSample}</Button>
          <Button size="large" icon={<DocumentAddRegular />} disabled={props.disabled} onClick={props.onNew}>{m.openNew}</Button>
        </div>
      </div>
    </Card>
  );
}
