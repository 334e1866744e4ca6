/** The 账簿 panel's archive and year-end cards: 打印记账凭证 and 新年度建账. */
import { Button, Card, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarArrowRightRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useBooksMessages } from '../books-i18n';
import { MonthPicker } from './month-picker';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  perPage: { minWidth: '6em' },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface PrintVouchersCardProps {
  fiscalYear: number;
  busy: boolean;
  onShow: (from: string, to: string, perPage: 2 | 3) => void;
}

/** Pick a month range of the fiscal year and how many vouchers to a page, then preview them. */
export function PrintVouchersCard({ fiscalYear, busy, onShow }: PrintVouchersCardProps) {
  const b = useBooksMessages();
  const s = useStyles();
  const [from, setFrom] = useState(`${fiscalYear}-01`);
  const [to, setTo] = useState(`${fiscalYear}-01`);
  const [perPage, setPerPage] = useState<2 | 3>(3);
  return (
    <Card className={s.card} data-testid="print-vouchers-card">
      <h2 className={s.h2}>{b.printTitle}</h2>
      <Text size={300} className={s.intro}>{b.printIntro}</Text>
      <div className={s.row}>
        <MonthPicker label={b.printFrom} value={from} minYear={fiscalYear} maxYear={fiscalYear} onChange={(v) => { setFrom(v); if (v > to) setTo(v); }} testId="print-from" />
        <MonthPicker label={b.printTo} value={to} minYear={fiscalYear} maxYear={fiscalYear} onChange={(v) => { setTo(v); if (v < from) setFrom(v); }} testId="print-to" />
        <Field label={b.perPage} className={s.perPage}>
          <Select size="large" value={String(perPage)} onChange={(_, d) => setPerPage(d.value === '2' ? 2 : 3)} data-testid="print-per-page">
            <option value="3">3</option>
            <option value="2">2</option>
          </Select>
        </Field>
        <Button size="large" icon={<DocumentSearchRegular />} disabled={busy} onClick={() => onShow(from, to, perPage)}>{b.printShow}</Button>
      </div>
    </Card>
  );
}

export interface NewYearCardProps {
  fiscalYear: number;
  busy: boolean;
  inExcel: boolean;
  onNewYear: () => void;
}

/**
 * 新年度建账 from a closed year. The next year's book is a new .xlsx downloaded by the browser,
 * in Excel as well (the open workbook is only read); a year not yet closed is refused with the reason.
 */
export function NewYearCard({ fiscalYear, busy, inExcel, onNewYear }: NewYearCardProps) {
  const b = useBooksMessages();
  const s = useStyles();
  return (
    <Card className={s.card} data-testid="new-year-card">
      <h2 className={s.h2}>{b.newYearTitle}</h2>
      <Text size={300} className={s.intro}>{b.newYearIntro(fiscalYear)}</Text>
      {inExcel && (
        <MessageBar intent="info" layout="multiline" data-testid="new-year-excel">
          <MessageBarBody>{b.newYearExcel}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button size="large" icon={<CalendarArrowRightRegular />} disabled={busy} onClick={onNewYear}>{b.newYearRun(fiscalYear)}</Button>
      </div>
    </Card>
  );
}
