import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import type { Finding, Severity } from '../../core/findings';
import { useMessages, type Messages } from '../i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex', width: '100%', justifyContent: 'flex-start', textAlign: 'start', alignItems: 'flex-start', gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS, paddingInline: tokens.spacingHorizontalM, fontWeight: tokens.fontWeightRegular,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  where: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  icon: { fontSize: '22px', flexShrink: 0, display: 'inline-flex', paddingTop: '2px' },
});

const SEVERITY_LABEL: Record<Severity, (m: Messages) => string> = {
  error: (m) => m.severityError,
  warning: (m) => m.severityWarning,
  info: (m) => m.severityInfo,
};

export function findingPlace(f: Finding, m: Messages): string {
  const parts: string[] = [];
  if (f.sheet) parts.push(m.locSheet(f.sheet));
  if (f.row !== undefined) parts.push(m.locRow(f.row));
  if (f.column) parts.push(m.locColumn(f.column));
  return parts.join(' · ');
}

function SeverityIcon({ severity, className }: { severity: Severity; className: string }) {
  const Icon = severity === 'error' ? ErrorCircleRegular : severity === 'warning' ? WarningRegular : InfoRegular;
  return (
    <span className={className} aria-hidden="true">
      <Icon />
    </span>
  );
}

/**
 * Findings, worst first. Each one that names a sheet and row is a button that shows that cell
 * (in Excel it selects it; standalone it opens the sheet preview at that row).
 */
export function FindingsList({ findings, onReveal }: { findings: readonly Finding[]; onReveal: (f: Finding) => void }) {
  const m = useMessages();
  const s = useStyles();
  if (findings.length === 0) return <Text size={400} data-testid="findings-none">{m.findingsNone}</Text>;
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className={s.list} aria-label={m.findingsTitle} data-testid="findings">
      {sorted.map((f, i) => {
        const place = findingPlace(f, m);
        const text = m.lang === 'en-US' ? f.en : f.zh;
        const content = (
          <span className={s.body}>
            <Text weight="semibold" size={400}>{text}</Text>
            {place && <Text size={300} className={s.where}>{place}</Text>}
          </span>
        );
        const icon = <SeverityIcon severity={f.severity} className={mergeClasses(s.icon, s[f.severity])} />;
        const label = `${SEVERITY_LABEL[f.severity](m)}：${text}${place ? `（${place}）` : ''}`;
        return (
          <li key={`${f.rule}-${i}`} data-severity={f.severity}>
            {f.sheet && f.row !== undefined ? (
              <Button appearance="subtle" className={s.item} onClick={() => onReveal(f)} aria-label={`${label} — ${m.findingGoTo}`}>
                {icon}
                {content}
              </Button>
            ) : (
              <div className={s.item} aria-label={label}>
                {icon}
                {content}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
