import { Button, Card, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Busy } from '../use-runner';
import { useMessages } from '../i18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

/** Shows a running use case with its progress; the cancel button aborts it. */
export function ProgressCard({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const m = useMessages();
  const s = useStyles();
  const value = busy.total > 0 ? busy.done / busy.total : undefined;
  return (
    <Card className={s.card} data-testid="progress" role="status" aria-live="polite">
      <div className={s.row}>
        <Text weight="semibold">{busy.label}</Text>
        <Button onClick={onCancel}>{m.cancel}</Button>
      </div>
      <ProgressBar {...(value === undefined ? {} : { value })} thickness="large" aria-label={busy.label} />
      <Text size={300}>{busy.step || m.working}</Text>
    </Card>
  );
}
