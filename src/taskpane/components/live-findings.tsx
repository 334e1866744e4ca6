/** The live checks' findings (Excel mode): the rows just edited, each clickable to its cell. */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/findings';
import { useLiveMessages } from '../live-i18n';
import { FindingsList } from './findings-list';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
});

export interface LiveFindingsProps {
  findings: readonly Finding[];
  checking: boolean;
  onReveal: (f: Finding) => void;
  onClear: () => void;
}

export function LiveFindings({ findings, checking, onReveal, onClear }: LiveFindingsProps) {
  const t = useLiveMessages();
  const s = useStyles();
  if (findings.length === 0 && !checking) return null;
  return (
    <section className={s.root} aria-label={t.title} data-testid="live-findings">
      <div className={s.head}>
        <Text weight="semibold" size={400}>{t.title}</Text>
        {checking && <Spinner size="extra-tiny" label={t.checking} />}
        <span className={s.grow} />
        {findings.length > 0 && <Button size="small" onClick={onClear}>{t.clear}</Button>}
      </div>
      {findings.length > 0 && <FindingsList findings={findings} onReveal={onReveal} />}
    </section>
  );
}
