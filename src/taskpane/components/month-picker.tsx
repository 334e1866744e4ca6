/**
 * A month picker of our own: a button showing 2025年12月 (or "Dec 2025" in the English pane)
 * that opens a popover with a year stepper and a 3×4 grid of months. It replaces the native
 * <input type="month">, whose text follows the browser's language, not the pane's.
 */
import { Button, Label, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarMonthRegular, ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useBooksMessages } from '../books-i18n';
import { useMessages, type Lang } from '../i18n';
import { monthShort, monthText, monthValue, splitMonth, yearText } from '../month-text';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  trigger: { justifyContent: 'flex-start', minWidth: '9.5em', fontVariantNumeric: 'tabular-nums' },
  surface: { padding: tokens.spacingHorizontalM, maxWidth: 'calc(100vw - 24px)', boxSizing: 'border-box' },
  stepper: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(52px, 1fr))', gap: tokens.spacingHorizontalXS },
  month: { minWidth: 0, paddingInline: tokens.spacingHorizontalXS },
});

export interface MonthGridProps {
  lang: Lang;
  /** The year the grid shows. */
  year: number;
  /** 'YYYY-MM' now chosen (highlighted), if any. */
  value: string | undefined;
  minYear: number | undefined;
  maxYear: number | undefined;
  prevLabel: string;
  nextLabel: string;
  onYear: (year: number) => void;
  /** Receives the picked month as 'YYYY-MM'. */
  onPick: (value: string) => void;
}

/** The popover's content: year stepper and the twelve months. Each month button carries its value. */
export function MonthGrid(p: MonthGridProps) {
  const s = useStyles();
  return (
    <div>
      <div className={s.stepper}>
        <Button appearance="subtle" icon={<ChevronLeftRegular />} aria-label={p.prevLabel} disabled={p.minYear !== undefined && p.year <= p.minYear} onClick={() => p.onYear(p.year - 1)} />
        <Text weight="semibold" size={400} aria-live="polite" data-testid="month-picker-year">{yearText(p.year, p.lang)}</Text>
        <Button appearance="subtle" icon={<ChevronRightRegular />} aria-label={p.nextLabel} disabled={p.maxYear !== undefined && p.year >= p.maxYear} onClick={() => p.onYear(p.year + 1)} />
      </div>
      <div className={s.grid} role="group" aria-label={yearText(p.year, p.lang)}>
        {Array.from({ length: 12 }, (_, i) => {
          const v = monthValue(p.year, i + 1);
          const chosen = v === p.value;
          return (
            <Button key={v} className={s.month} appearance={chosen ? 'primary' : 'secondary'} aria-pressed={chosen} aria-label={monthText(v, p.lang)} data-value={v} onClick={() => p.onPick(v)}>
              {monthShort(i + 1, p.lang)}
            </Button>
          );
        })}
      </div>
    </div>
  );
}

export interface MonthPickerProps {
  label: string;
  /** 'YYYY-MM'. */
  value: string;
  onChange: (value: string) => void;
  minYear?: number;
  maxYear?: number;
  disabled?: boolean;
  testId?: string;
}

/** A labelled month field; the label names the button, so getByLabel(label) finds it. */
export function MonthPicker(props: MonthPickerProps) {
  const m = useMessages();
  const b = useBooksMessages();
  const s = useStyles();
  const id = useId();
  const shown = splitMonth(props.value);
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(shown?.year ?? new Date().getFullYear());
  return (
    <div className={s.field}>
      <Label htmlFor={id}>{props.label}</Label>
      <Popover open={open} onOpenChange={(_, d) => { setOpen(d.open); if (d.open && shown) setYear(shown.year); }} trapFocus positioning="below-start">
        <PopoverTrigger disableButtonEnhancement>
          <Button id={id} className={s.trigger} size="large" icon={<CalendarMonthRegular />} disabled={props.disabled === true} data-testid={props.testId} data-value={props.value} aria-haspopup="dialog">
            {shown ? monthText(props.value, m.lang) : b.pickMonth}
          </Button>
        </PopoverTrigger>
        <PopoverSurface className={s.surface} aria-label={props.label}>
          <MonthGrid
            lang={m.lang} year={year} value={props.value} minYear={props.minYear} maxYear={props.maxYear}
            prevLabel={b.prevYear} nextLabel={b.nextYear} onYear={setYear}
            onPick={(v) => { props.onChange(v); setOpen(false); }}
          />
        </PopoverSurface>
      </Popover>
    </div>
  );
}
