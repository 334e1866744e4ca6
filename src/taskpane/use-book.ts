/**
 * The pane's state and actions: which workbook is open, the latest findings, statements and
 * contracts, and the sheet preview. Every action runs through the runner (progress, cancel, one
 * error message). Components receive the result as props.
 */
import { formatAmount } from './format';
import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../core/findings';
import type { RunOptions, Scalar, WorkbookMeta } from '../workbook/port';
import { atomically } from './atomic';
import { PaneError } from './errors';
import type { OpenBook, PaneHost } from './host';
import type { Messages } from './i18n';
import type { ReportJson } from '../app/report-json';
import type { ContractLine, PaneEngine, VillageSetup, VoucherSlipsOutcome } from './model';
import { booksMessages } from './books-i18n';
import { useRunner, type Runner } from './use-runner';

export interface Preview {
  sheet: string;
  row: number;
  rows: Scalar[][];
}

export interface BookState {
  runner: Runner;
  book: OpenBook | undefined;
  meta: WorkbookMeta | undefined;
  findings: Finding[] | undefined;
  report: ReportJson | undefined;
  contracts: ContractLine[] | undefined;
  preview: Preview | undefined;
  reportsBuilt: boolean;
  /** The 记账凭证 print view, when shown. */
  slips: VoucherSlipsOutcome | undefined;
  openFile(file: File): void;
  openSample(): void;
  createBlank(): void;
  closeBook(): void;
  setup(s: VillageSetup): void;
  /** 新建账簿 from a 2004-system trial balance file. */
  setupFrom2004(s: VillageSetup, file: File): void;
  validate(): void;
  buildReports(): void;
  closeYear(): void;
  lock(month: string): void;
  loadContracts(): void;
  reveal(f: Finding): void;
  closePreview(): void;
  download(): void;
  /** 新年度建账: next year's book, downloaded; this year's book is only read. */
  newYear(): void;
  showSlips(from: string, to: string, perPage: 2 | 3): void;
  closeSlips(): void;
}

export function useBook(host: PaneHost, engine: PaneEngine, m: Messages): BookState {
  const runner = useRunner();
  const [book, setBook] = useState<OpenBook | undefined>(host.kind === 'excel' ? host.book : undefined);
  const [meta, setMeta] = useState<WorkbookMeta | undefined>();
  const [findings, setFindings] = useState<Finding[] | undefined>();
  const [report, setReport] = useState<ReportJson | undefined>();
  const [contracts, setContracts] = useState<ContractLine[] | undefined>();
  const [preview, setPreview] = useState<Preview | undefined>();
  const [reportsBuilt, setReportsBuilt] = useState(false);
  const [slips, setSlips] = useState<VoucherSlipsOutcome | undefined>();
  const { run, say } = runner;

  const adopt = useCallback((b: OpenBook | undefined, mt: WorkbookMeta | undefined) => {
    setBook(b);
    setMeta(mt);
    setFindings(undefined);
    setReport(undefined);
    setContracts(undefined);
    setPreview(undefined);
    setReportsBuilt(false);
    setSlips(undefined);
  }, []);

  const open = useCallback(
    (load: (signal: AbortSignal | undefined) => Promise<OpenBook>) =>
      void run(m.loading, async (opts) => {
        const b = await load(opts.signal);
        adopt(b, await engine.readMeta(b.port));
      }),
    [run, m, engine, adopt],
  );

  /** Runs a use case on the open workbook; nothing happens without one. */
  const withBook = useCallback(
    <T>(label: string, work: (b: OpenBook, opts: RunOptions) => Promise<T>) =>
      run(label, async (opts) => {
        if (!book) throw new PaneError('no-workbook');
        return work(book, opts);
      }),
    [run, book],
  );

  /** withBook for an action that writes: a throw leaves the book as it was (standalone; see atomic.ts). */
  const writeBook = useCallback(
    <T>(label: string, work: (b: OpenBook, opts: RunOptions) => Promise<T>) =>
      withBook(label, (b, opts) => atomically(b, host.kind === 'standalone' ? host.snapshot : undefined, (x) => work(x, opts), setBook)),
    [withBook, host],
  );

  useEffect(() => {
    if (host.kind === 'excel') {
      void run(m.loading, async () => setMeta(await engine.readMeta(host.book.port)));
    } else if (host.wantsSample) {
      open((signal) => host.openSample(signal));
    }
    // Once, when the pane starts.
  }, []);

  const afterFindings = (fs: Finding[], okText: (mm: Messages) => string) => {
    setFindings(fs);
    setPreview(undefined);
    // A refusal says its first reason (e.g. the book is locked), not only that there are errors.
    const errors = fs.filter((f) => f.severity === 'error');
    const first = errors[0];
    say(first
      ? { kind: 'error', text: (mm) => mm.refusedBecause(mm.lang === 'en-US' ? first.en : first.zh, errors.length - 1) }
      : { kind: 'success', text: okText });
  };

  return {
    runner, book, meta, findings, report, contracts, preview, reportsBuilt, slips,
    openFile: (file) => host.kind === 'standalone' && open(() => host.openFile(file)),
    openSample: () => host.kind === 'standalone' && open((signal) => host.openSample(signal)),
    createBlank: () => host.kind === 'standalone' && open(() => host.createBlank(m.newFileName)),
    closeBook: () => adopt(undefined, undefined),
    setup: (s) => void writeBook(m.setupRun, async (b, opts) => {
      const fs = await engine.initVillage(b.port, s, opts);
      setMeta(await engine.readMeta(b.port));
      afterFindings(fs, (mm) => `${mm.setupDone}${s.village}`);
    }),
    setupFrom2004: (s, file) => void writeBook(m.setupRun, async (b, opts) => {
      const r = await engine.initFrom2004(b.port, s, await host.readTable(file), opts);
      setMeta(await engine.readMeta(b.port));
      afterFindings(r.findings, (mm) => booksMessages(mm.lang).from2004Done(s.village, r.converted, r.unmapped));
    }),
    validate: () => void withBook(m.validate, async (b, opts) => afterFindings(await engine.validate(b.port, opts), (mm) => mm.validateDone)),
    buildReports: () => void writeBook(m.buildReports, async (b, opts) => {
      const r = await engine.buildReports(b.port, opts);
      setReport(r.report);
      if (r.report) setReportsBuilt(true);
      afterFindings(r.findings, (mm) => mm.reportsDone);
    }),
    closeYear: () => void writeBook(m.closeYear, async (b, opts) => {
      const fs = await engine.closeYear(b.port, opts);
      // The closing vouchers change the ledger the shown statements came from: build them again.
      if (!fs.some((f) => f.severity === 'error')) setReport(undefined);
      afterFindings(fs, (mm) => mm.closeYearDone);
    }),
    lock: (month) => void writeBook(m.lockThrough, async (b, opts) => {
      const fs = await engine.lockPeriod(b.port, month, opts);
      setMeta(await engine.readMeta(b.port));
      afterFindings(fs, (mm) => `${mm.lockDone}${month}`);
    }),
    loadContracts: () => void withBook(m.contractsLoad, async (b, opts) => {
      const r = await engine.contracts(b.port, opts);
      setContracts(r.contracts);
      if (r.findings.length > 0) setFindings(r.findings);
      const arrears = r.contracts.reduce((t, c) => t + c.arrears, 0);
      say({ kind: 'success', text: (mm) => mm.contractsDone(r.contracts.length, formatAmount(arrears), r.contracts.length > 0) });
    }),
    reveal: (f) => {
      if (!f.sheet || f.row === undefined) return;
      const { sheet, row } = f;
      if (host.kind === 'excel') void run(m.findingGoTo, () => host.selectCell(sheet, row, f.column));
      else {
        void withBook(m.findingGoTo, async (b) => {
          // A finding on an import file (the trial balance of 从2004年制度转换) names that file, not a sheet of this book.
          const grid = await b.port.readSheet(sheet);
          if (grid) setPreview({ sheet, row, rows: grid.rows });
        });
      }
    },
    closePreview: () => setPreview(undefined),
    newYear: () => void withBook(booksMessages(m.lang).newYearBusy, async (b, opts) => {
      const year = (meta?.fiscalYear ?? 0) + 1;
      const next = await host.createBlank(booksMessages(m.lang).newYearFileName(meta?.village ?? '', year));
      const r = await engine.newYear(b.port, next.port, opts);
      if (r.year === undefined) return afterFindings(r.findings, () => '');
      await host.download(next, next.fileName);
      say({ kind: 'success', text: (mm) => booksMessages(mm.lang).newYearDone(year, r.balances, r.contracts) });
    }),
    showSlips: (from, to, perPage) => void withBook(booksMessages(m.lang).printBusy, async (b, opts) => {
      const r = await engine.voucherSlips(b.port, from, to, perPage, opts);
      setSlips(r.count > 0 ? r : undefined);
      if (r.count === 0) return afterFindings(r.findings, () => '');
      say({ kind: 'success', text: (mm) => booksMessages(mm.lang).printReady(r.count) });
    }),
    closeSlips: () => setSlips(undefined),
    download: () => {
      if (host.kind !== 'standalone' || !book) return;
      const name = meta ? m.downloadFileName(meta.village, meta.fiscalYear, reportsBuilt) : book.fileName;
      void run(m.download, () => host.download(book, name));
    },
  };
}
