/**
 * 记账凭证 print view: the slips of a month range in the standard form, on screen as a preview
 * and, for window.print(), as A4 pages of two or three slips. Every box's text comes from the
 * one slip model (src/workbook/voucher-print.ts) that also fills the 记账凭证 sheet, and the pages
 * are cut where that sheet cuts them.
 *
 * Printing: a copy of the pages is portalled to <body> and shown only in print, while the rest of
 * the page is hidden — so the printout is the vouchers alone, not the pane around them. It lives
 * outside the FluentProvider, so its styles use plain colours, not theme tokens.
 */
import { Button, Text, makeStaticStyles, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DismissRegular, PrintRegular } from '@fluentui/react-icons';
import { createPortal } from 'react-dom';
import { formatFen } from '../../core/money';
import { VOUCHER_LINES, type VoucherSlip } from '../../workbook/voucher-print';
import { useBooksMessages } from '../books-i18n';
import type { VoucherSlipsOutcome } from '../model';
import { NARROW } from './narrow';

const PRINT_ROOT = 'cz-voucher-print';

/** The printable A4 page: 210 × 297 mm less 10 mm margins. */
const usePrintRules = makeStaticStyles(`
  body > .${PRINT_ROOT} { display: none; }
  @media print {
    @page { size: A4 portrait; margin: 10mm; }
    body:has(> .${PRINT_ROOT}) > :not(.${PRINT_ROOT}) { display: none !important; }
    body > .${PRINT_ROOT} { display: block !important; }
  }
`);

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 0 },
  // On a wide screen the preview keeps the proportions of the paper rather than stretching.
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalM, maxWidth: '800px' },
  screenPage: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: '8px', backgroundColor: '#fff', border: '1px solid #bbb', boxShadow: tokens.shadow4 },
  pageNo: { color: tokens.colorNeutralForeground3, textAlign: 'end' },
  // Print: one A4 page per group, slips spread over it with a dashed line to cut along.
  printPage: { display: 'flex', flexDirection: 'column', breakAfter: 'page', ':last-child': { breakAfter: 'auto' } },
  printSlip3: { height: '90mm', boxSizing: 'border-box', breakInside: 'avoid', borderBottom: '1px dashed #888', paddingBlock: '3mm' },
  printSlip2: { height: '135mm', boxSizing: 'border-box', breakInside: 'avoid', borderBottom: '1px dashed #888', paddingBlock: '5mm' },
  printLong: { height: 'auto', minHeight: '90mm' },
  // A standard slip (five lines) is about 65 mm tall at these sizes, so three fit an A4 page with room for wrapped 摘要.
  slip: { color: '#000', fontSize: '10pt', lineHeight: 1.25, fontFamily: '"SimSun", "Songti SC", serif', [NARROW]: { fontSize: '12px' } },
  title: { textAlign: 'center', fontSize: '14pt', fontWeight: 700, letterSpacing: '0.3em', margin: '0 0 2mm', textDecorationLine: 'underline', textDecorationStyle: 'double', [NARROW]: { fontSize: '17px' } },
  meta: { display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: '4mm', marginBottom: '1mm' },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  cell: { border: '1px solid #000', padding: '0.6mm 1.5mm', height: '6mm', verticalAlign: 'middle', overflowWrap: 'anywhere', [NARROW]: { padding: '2px 3px' } },
  th: { fontWeight: 700, textAlign: 'center' },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', [NARROW]: { fontSize: '11px' } },
  // On paper 摘要 and 会计科目 get the room; in a narrow pane the amounts need a whole line each.
  wSummary: { width: '28%', [NARROW]: { width: '22%' } },
  wAccount: { width: '36%', [NARROW]: { width: '28%' } },
  wAmount: { width: '18%', [NARROW]: { width: '25%' } },
  total: { fontWeight: 700 },
  sign: { display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: '4mm', marginTop: '1mm' },
});

const amount = (fen: number): string => (fen === 0 ? '' : formatFen(fen));

/** One 记账凭证 in the standard form. */
function Slip({ slip }: { slip: VoucherSlip }) {
  const s = useStyles();
  const cell = (...extra: (string | false)[]) => mergeClasses(s.cell, ...extra);
  return (
    <article className={s.slip} data-testid="voucher-slip" aria-label={`${slip.number} ${slip.date}`}>
      <h4 className={s.title}>{slip.title}</h4>
      <div className={s.meta}><span>{slip.unit}</span><span>{slip.date}</span><span>{slip.number}</span></div>
      <table className={s.table}>
        <colgroup><col className={s.wSummary} /><col className={s.wAccount} /><col className={s.wAmount} /><col className={s.wAmount} /></colgroup>
        <thead>
          <tr>{slip.heads.map((h) => <th key={h} scope="col" className={cell(s.th)}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {slip.lines.map((l, i) => (
            <tr key={i}>
              <td className={cell()}>{l?.summary}</td>
              <td className={cell()}>{l?.account}</td>
              <td className={cell(s.num)}>{l && amount(l.debit)}</td>
              <td className={cell(s.num)}>{l && amount(l.credit)}</td>
            </tr>
          ))}
          <tr className={s.total} data-testid="voucher-total">
            <td className={cell()} colSpan={2}>{slip.totalText}</td>
            <td className={cell(s.num)}>{formatFen(slip.totalDebit)}</td>
            <td className={cell(s.num)}>{formatFen(slip.totalCredit)}</td>
          </tr>
        </tbody>
      </table>
      <div className={s.sign}><span>{slip.signatures}</span><span>{slip.attachments}</span></div>
    </article>
  );
}

/** The pages for paper: fixed A4 heights, two or three slips each. */
function PrintPages({ view }: { view: VoucherSlipsOutcome }) {
  const s = useStyles();
  const slipClass = view.perPage === 3 ? s.printSlip3 : s.printSlip2;
  return (
    <>
      {view.pages.map((page, p) => (
        <section key={p} className={s.printPage} data-testid="voucher-print-page">
          {page.map((slip, i) => (
            <div key={i} className={mergeClasses(slipClass, page.length === 1 && slip.lines.length > VOUCHER_LINES && s.printLong)}>
              <Slip slip={slip} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export function VoucherPrintView({ view, onClose }: { view: VoucherSlipsOutcome; onClose: () => void }) {
  usePrintRules();
  const s = useStyles();
  const b = useBooksMessages();
  return (
    <section aria-label={b.printTitle} data-testid="voucher-print">
      <div className={s.head}>
        <Text weight="semibold" size={400} className={s.grow}>{view.title}</Text>
        <Button appearance="primary" size="large" icon={<PrintRegular />} onClick={() => window.print()}>{b.print}</Button>
        <Button size="large" icon={<DismissRegular />} onClick={onClose}>{b.printClose}</Button>
      </div>
      <div className={s.screen}>
        {view.pages.map((page, p) => (
          <div key={p} className={s.screenPage} data-testid="voucher-screen-page">
            {page.map((slip, i) => <Slip key={i} slip={slip} />)}
            <Text size={200} className={s.pageNo}>{`${p + 1} / ${view.pages.length}`}</Text>
          </div>
        ))}
      </div>
      {createPortal(<div className={PRINT_ROOT} data-testid="voucher-print-root"><PrintPages view={view} /></div>, document.body)}
    </section>
  );
}
