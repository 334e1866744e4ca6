import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { Scalar } from '../../workbook/port';
import { formatPlainCell } from '../format';
import { useMessages } from '../i18n';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  scroller: { maxHeight: '320px', overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300, whiteSpace: 'nowrap' },
  th: { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, padding: '4px 8px', fontWeight: tokens.fontWeightSemibold, border: `1px solid ${tokens.colorNeutralStroke2}` },
  rowNo: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'end', padding: '2px 8px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: '2px 8px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  hit: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
});

/** "A", "B", … "AA": worksheet column letters. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A read-only view of one sheet, scrolled to and highlighting the row a finding points at. */
export function SheetPreview(props: { sheet: string; rows: readonly Scalar[][]; highlightRow: number; onClose: () => void }) {
  const m = useMessages();
  const s = useStyles();
  const hit = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    hit.current?.scrollIntoView({ block: 'center' });
  }, [props.sheet, props.highlightRow, props.rows]);
  const width = props.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  return (
    <section aria-label={m.previewTitle(props.sheet)} data-testid="sheet-preview">
      <div className={s.head}>
        <Text weight="semibold" size={400}>{m.previewTitle(props.sheet)}</Text>
        <Button appearance="subtle" icon={<DismissRegular />} onClick={props.onClose} aria-label={m.previewClose} />
      </div>
      {props.rows.length === 0 ? (
        <Text>{m.previewEmpty}</Text>
      ) : (
        <div className={s.scroller} tabIndex={0}>
          <table className={s.table}>
            <thead>
              <tr>
                <th className={s.th} />
                {letters.map((l) => <th key={l} className={s.th} scope="col">{l}</th>)}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r, i) => {
                const rowNo = i + 1;
                const isHit = rowNo === props.highlightRow;
                return (
                  <tr key={rowNo} ref={isHit ? hit : undefined} className={isHit ? s.hit : undefined} data-testid={isHit ? 'preview-hit' : undefined} aria-current={isHit ? 'true' : undefined}>
                    <th className={s.rowNo} scope="row">{rowNo}</th>
                    {letters.map((l, c) => <td key={l} className={s.td}>{formatPlainCell(r[c] ?? null)}</td>)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
