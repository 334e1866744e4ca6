import {
  Button, Card, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, DocumentTableSearchRegular, LockClosedRegular, CalendarCheckmarkRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { Finding } from '../../core/findings';
import type { WorkbookMeta } from '../../workbook/port';
import { useMessages } from '../i18n';
import type { ReportJson } from '../../app/report-json';
import { isYearMonth } from '../../core/calendar';
import type { VillageSetup, VoucherSlipsOutcome } from '../model';
import { FindingsList } from './findings-list';
import { MonthPicker } from './month-picker';
import { NARROW } from './narrow';
import { SetupCard } from './setup-card';
import { StatementsView } from './statements-view';
import { VoucherPrintView } from './voucher-print-view';
import { NewYearCard, PrintVouchersCard } from './year-end-cards';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, [NARROW]: { padding: tokens.spacingHorizontalS } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  lockForm: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface BooksPanelProps {
  meta: WorkbookMeta | undefined;
  busy: boolean;
  findings: readonly Finding[] | undefined;
  report: ReportJson | undefined;
  /** The sheet preview (standalone) shown next to the findings. */
  preview: ReactNode;
  defaultYear: number;
  /** Running inside Excel (the new year's book is still a download there). */
  inExcel: boolean;
  slips: VoucherSlipsOutcome | undefined;
  onSetup: (setup: VillageSetup) => void;
  onSetupFrom2004: (setup: VillageSetup, file: File) => void;
  onValidate: () => void;
  onBuildReports: () => void;
  onCloseYear: () => void;
  onLock: (month: string) => void;
  onReveal: (f: Finding) => void;
  onShowSlips: (from: string, to: string, perPage: 2 | 3) => void;
  onCloseSlips: () => void;
  onNewYear: () => void;
}

/** Last month before today, kept inside the fiscal year: what an accountant usually locks next. */
export function defaultLockMonth(fiscalYear: number, today: Date): string {
  const y = today.getFullYear();
  const lastMonth = today.getMonth(); // getMonth() is 0-based, so this is last month counted from 1
  if (y > fiscalYear) return `${fiscalYear}-12`;
  if (y < fiscalYear || lastMonth === 0) return `${fiscalYear}-01`;
  return `${fiscalYear}-${String(lastMonth).padStart(2, '0')}`;
}

function StepsCard(props: BooksPanelProps & { meta: WorkbookMeta }) {
  const m = useMessages();
  const s = useStyles();
  const [month, setMonth] = useState(() => props.meta.lockedThrough ?? defaultLockMonth(props.meta.fiscalYear, new Date()));
  const monthOk = isYearMonth(month);
  return (
    <Card className={s.card}>
      <h2 className={s.h2}>{m.stepsTitle}</h2>
      <div className={s.actions}>
        <Button size="large" icon={<CheckmarkCircleRegular />} disabled={props.busy} onClick={props.onValidate}>{m.validate}</Button>
        <Button size="large" appearance="primary" icon={<DocumentTableSearchRegular />} disabled={props.busy} onClick={props.onBuildReports}>{m.buildReports}</Button>
        <CloseYearButton year={props.meta.fiscalYear} disabled={props.busy} onConfirm={props.onCloseYear} />
      </div>
      <form className={s.lockForm} onSubmit={(e) => { e.preventDefault(); if (monthOk) props.onLock(month); }}>
        <MonthPicker label={m.lockMonth} value={month} onChange={setMonth} testId="lock-month" />
        <Button type="submit" size="large" icon={<LockClosedRegular />} disabled={props.busy || !monthOk}>{m.lockRun}</Button>
      </form>
    </Card>
  );
}

/** 年终结账 writes the closing vouchers, so it asks first. */
function CloseYearButton({ year, disabled, onConfirm }: { year: number; disabled: boolean; onConfirm: () => void }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="large" icon={<CalendarCheckmarkRegular />} disabled={disabled}>{m.closeYear}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{m.closeYear}</DialogTitle>
          <DialogContent>
            <Text size={400}>{m.closeYearConfirmBody(year)}</Text>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button size="large">{m.cancel}</Button>
            </DialogTrigger>
            <Button size="large" appearance="primary" onClick={() => { setOpen(false); onConfirm(); }}>{m.closeYearConfirm}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** 账簿 — the books: set up, check, build the statements, close the year, lock months. */
export function BooksPanel(props: BooksPanelProps) {
  const m = useMessages();
  const s = useStyles();
  return (
    <div className={s.stack}>
      {props.meta ? <StepsCard {...props} meta={props.meta} /> : <SetupCard {...props} />}
      {props.findings && (
        <Card className={s.card}>
          <h2 className={s.h2}>{m.findingsTitle}</h2>
          <Text size={400}>{m.findingsCount(props.findings.filter((f) => f.severity === 'error').length, props.findings.filter((f) => f.severity === 'warning').length)}</Text>
          <FindingsList findings={props.findings} onReveal={props.onReveal} />
        </Card>
      )}
      {props.preview}
      {props.report && (
        <Card className={s.card}>
          <h2 className={s.h2}>{m.statementsTitle}</h2>
          <StatementsView report={props.report} />
        </Card>
      )}
      {props.meta && (
        <>
          <PrintVouchersCard fiscalYear={props.meta.fiscalYear} busy={props.busy} onShow={props.onShowSlips} />
          {props.slips && <VoucherPrintView view={props.slips} onClose={props.onCloseSlips} />}
          <NewYearCard fiscalYear={props.meta.fiscalYear} busy={props.busy} inExcel={props.inExcel} onNewYear={props.onNewYear} />
        </>
      )}
    </div>
  );
}
