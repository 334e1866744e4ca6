import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatAmount } from '../format';
import { useMessages } from '../i18n';
import type { ContractLine } from '../model';
import { NotBuiltPanel } from './not-built-panel';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase400 },
  th: { textAlign: 'start', padding: '6px 10px', borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap' },
  td: { padding: '5px 10px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  arrears: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** 收入来源 — income sources: the contract register with status and arrears. */
export function ContractsPanel(props: {
  available: boolean;
  contracts: readonly ContractLine[] | undefined;
  onLoad: () => void;
  busy: boolean;
}) {
  const m = useMessages();
  const s = useStyles();
  if (!props.available) return <NotBuiltPanel title={m.notAvailableTitle} body={m.notAvailableBody} testId="contracts-not-available" />;
  const list = props.contracts;
  const total = list?.reduce((sum, c) => sum + c.arrears, 0) ?? 0;
  return (
    <div className={s.stack}>
      <div>
        <Button appearance="primary" size="large" disabled={props.busy} onClick={props.onLoad}>{m.contractsLoad}</Button>
      </div>
      {list && list.length === 0 && <Text>{m.contractsNone}</Text>}
      {list && list.length > 0 && (
        <>
          <Text size={400} weight="semibold" data-testid="contracts-summary">{m.contractsSummary(list.length, formatAmount(total))}</Text>
          <div className={s.scroller}>
            <table className={s.table} data-testid="contracts" aria-label={m.contractsTitle}>
              <thead>
                <tr>
                  <th className={s.th} scope="col">{m.colContract}</th>
                  <th className={s.th} scope="col">{m.colKind}</th>
                  <th className={s.th} scope="col">{m.colCounterparty}</th>
                  <th className={s.th} scope="col">{m.colStatus}</th>
                  <th className={`${s.th} ${s.num}`} scope="col">{m.colDue}</th>
                  <th className={`${s.th} ${s.num}`} scope="col">{m.colReceived}</th>
                  <th className={`${s.th} ${s.num}`} scope="col">{m.colArrears}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id} data-contract={c.id}>
                    <td className={s.td}>{c.name}</td>
                    <td className={s.td}>{c.kind}</td>
                    <td className={s.td}>{c.counterparty}</td>
                    <td className={s.td}>{c.status}</td>
                    <td className={`${s.td} ${s.num}`}>{formatAmount(c.due)}</td>
                    <td className={`${s.td} ${s.num}`}>{formatAmount(c.received)}</td>
                    <td className={`${s.td} ${s.num} ${c.arrears > 0 ? s.arrears : ''}`}>{formatAmount(c.arrears)}</td>
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
