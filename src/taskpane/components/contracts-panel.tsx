import { Badge, Button, Text, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { formatAmount } from '../format';
import { useMessages } from '../i18n';
import type { ContractLine, ContractStatusKey } from '../model';

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
});

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
          <div className={s.scroller}>
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
