import { Badge, Button, Text, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { formatAmount } from '../format';
import { useMessages } from '../i18n';
import type { ContractLine, ContractStatusKey } from '../model';
import { useNarrowStyles } from './narrow';

const STATUS_COLOR: Record<ContractStatusKey, NonNullable<BadgeProps['color']>> = { 'not-started': 'informative', active: 'success', expiring: 'warning', expired: 'subtle' };

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase400 },
  th: { textAlign: 'start', padding: '6px 10px', borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap' },
  td: { padding: '5px 10px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  nowrap: { whiteSpace: 'nowrap' },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  arrears: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  cards: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  cardHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minWidth: 0 },
  cardWho: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: 'anywhere' },
  cardOwed: { gridColumn: 2, gridRow: '1 / span 2', display: 'flex', flexDirection: 'column', alignItems: 'flex-end', justifyContent: 'center', textAlign: 'end' },
  owedLabel: { color: tokens.colorNeutralForeground3 },
  owed: { fontSize: tokens.fontSizeBase500, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  cardFigures: { gridColumn: '1 / span 2', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/** One contract as a compact card for a narrow pane: who and what on the left, 欠款 large on the right. */
function ContractCard({ c }: { c: ContractLine }) {
  const m = useMessages();
  const s = useStyles();
  return (
    <li className={s.card} data-contract={c.no}>
      <div className={s.cardHead}>
        <Text weight="semibold" size={400}>{c.no}</Text>
        <Badge appearance="tint" color={STATUS_COLOR[c.status]}>{m.status[c.status]}</Badge>
      </div>
      <Text size={300} className={s.cardWho}>{[c.kind, c.counterparty, c.subject].filter((x) => x).join(' · ')}</Text>
      <div className={s.cardOwed}>
        <Text size={200} className={s.owedLabel}>{m.colArrears}</Text>
        <Text weight="semibold" className={mergeClasses(s.owed, c.arrears > 0 && s.arrears)} data-testid="contract-arrears">{formatAmount(c.arrears)}</Text>
      </div>
      <Text size={200} className={s.cardFigures}>
        {m.colDue} {formatAmount(c.periodDue)} · {m.colReceived} {formatAmount(c.periodReceived)}{c.arrearsOverYear > 0 ? ` · ${m.colArrearsOverYear} ${formatAmount(c.arrearsOverYear)}` : ''}
      </Text>
    </li>
  );
}

/** 收入来源 — income sources: the contract register with each contract's status and arrears. */
export function ContractsPanel(props: { contracts: readonly ContractLine[] | undefined; onLoad: () => void; busy: boolean; isVillageBook: boolean }) {
  const m = useMessages();
  const s = useStyles();
  const { contracts: list, onLoad, busy } = props;
  // Computed once when the panel first opens on a workbook (not again after a failure, which
  // would loop); the button recomputes after edits.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || list !== undefined || busy || !props.isVillageBook) return;
    asked.current = true;
    onLoad();
  }, [list, busy, onLoad, props.isVillageBook]);
  if (!props.isVillageBook) return <Text size={400} data-testid="contracts-need-book">{m.contractsNeedBook}</Text>;
  const total = list?.reduce((sum, c) => sum + c.arrears, 0) ?? 0;
  const num = mergeClasses(s.td, s.num);
  const n = useNarrowStyles();
  return (
    <div className={s.stack}>
      <div className={s.head}>
        <h2 className={s.h2}>{m.contractsTitle}</h2>
        <Button size="large" icon={<ArrowClockwiseRegular />} disabled={busy} onClick={onLoad}>{m.contractsLoad}</Button>
      </div>
      {list && list.length === 0 && <Text size={400} data-testid="contracts-none">{m.contractsNone}</Text>}
      {list && list.length > 0 && (
        <>
          <Text size={400} weight="semibold" data-testid="contracts-summary">{m.contractsSummary(list.length, formatAmount(total))}</Text>
          <ul className={mergeClasses(s.cards, n.narrowOnly)} data-testid="contract-cards" aria-label={m.contractsTitle}>
            {list.map((c) => <ContractCard key={c.no} c={c} />)}
          </ul>
          <div className={mergeClasses(s.scroller, n.wideOnly)}>
            <table className={s.table} data-testid="contracts" aria-label={m.contractsTitle}>
              <thead>
                <tr>
                  {[m.colContract, m.colKind, m.colCounterparty, m.colSubject, m.colStatus].map((h) => <th key={h} className={s.th} scope="col">{h}</th>)}
                  {[m.colDue, m.colReceived, m.colArrears, m.colArrearsOverYear].map((h) => <th key={h} className={mergeClasses(s.th, s.num)} scope="col">{h}</th>)}
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.no} data-contract={c.no}>
                    <td className={mergeClasses(s.td, s.nowrap)}>{c.no}</td>
                    <td className={mergeClasses(s.td, s.nowrap)}>{c.kind}</td>
                    <td className={s.td}>{c.counterparty}</td>
                    <td className={s.td}>{c.subject}</td>
                    <td className={mergeClasses(s.td, s.nowrap)}>
                      <Badge appearance="tint" size="large" color={STATUS_COLOR[c.status]}>{m.status[c.status]}</Badge>
                    </td>
                    <td className={num}>{formatAmount(c.periodDue)}</td>
                    <td className={num}>{formatAmount(c.periodReceived)}</td>
                    <td className={mergeClasses(num, c.arrears > 0 && s.arrears)}>{formatAmount(c.arrears)}</td>
                    <td className={num}>{formatAmount(c.arrearsOverYear)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
