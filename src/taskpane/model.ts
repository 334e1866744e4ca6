/**
 * What the pane's components are given: plain data and the engine's operations as callbacks.
 * The engine (engine.ts) adapts the use cases in src/app to these shapes.
 */
import type { Finding } from '../core/findings';
import type { ReportJson } from '../app/report-json';
import type { ContractStatusLine } from '../app/contract-status';
import type { PlanJson } from '../app/plan-json';
import type { RunOptions, WorkbookMeta, WorkbookPort } from '../workbook/port';
import type { EditedRows } from '../workbook/edits';
import type { LiveCheck } from '../app/live-check';
import type { ImportSource } from '../app/import-source';
import type { VoucherSlip } from '../workbook/voucher-print';

export type StatementKey = 'balanceSheet' | 'incomeStatement' | 'trialBalance';

export type ContractStatusKey = 'not-started' | 'active' | 'expiring' | 'expired';

/** One contract of the 合同 register as the 收入来源 panel lists it (the use case's own shape). */
export type ContractLine = ContractStatusLine;

export interface VillageSetup {
  village: string;
  township: string;
  fiscalYear: number;
}

export interface ReportsResult {
  findings: Finding[];
  /** Undefined when errors stopped the build (then nothing was written). */
  report: ReportJson | undefined;
}

export interface ContractsResult {
  findings: Finding[];
  contracts: ContractLine[];
}

/** A generated disclosure as the 财务公开 panel shows and prints it: text cells, amounts already formatted. */
export interface DisclosureView {
  sheet: string;
  title: string;
  subtitle: string;
  headers: string[];
  /** Which columns are amounts (right-aligned). */
  numeric: boolean[];
  rows: { cells: string[]; total: boolean; heading: boolean }[];
  /** 大写 lines, signatures, 张榜日期. */
  footer: string[];
}

export interface DisclosureResult {
  findings: Finding[];
  views: DisclosureView[];
}

/** 新年度建账: the next year's book, or why not. */
export interface NewYearOutcome {
  findings: Finding[];
  /** The new book's year; undefined when refused (nothing to download). */
  year: number | undefined;
  balances: number;
  contracts: number;
}

/** The 记账凭证 print view: printed slips of a month range (empty when refused). */
export interface VoucherSlipsOutcome {
  findings: Finding[];
  /** The slips cut into A4 pages as the 记账凭证 sheet cuts them (empty when refused). */
  pages: VoucherSlip[][];
  count: number;
  /** '记账凭证（2025-01 至 2025-03，共 12 张）'. */
  title: string;
  perPage: 2 | 3;
}

/** 从2004年制度转换: the findings (unmapped balances as warnings) and what was converted. */
export interface From2004Outcome {
  findings: Finding[];
  ok: boolean;
  converted: number;
  unmapped: number;
}

/** 发展规划: the plan JSON (what `cunzhang plan --json` prints) and the plan findings. */
export interface PlanResult {
  findings: Finding[];
  /** Undefined when the plan tables have errors. */
  plan: PlanJson | undefined;
  /** The plan sheets written (empty when only computed). */
  sheets: string[];
}

/** The use cases the pane runs, each over a WorkbookPort. */
export interface PaneEngine {
  readMeta(port: WorkbookPort): Promise<WorkbookMeta | undefined>;
  initVillage(port: WorkbookPort, setup: VillageSetup, opts: RunOptions): Promise<Finding[]>;
  validate(port: WorkbookPort, opts: RunOptions): Promise<Finding[]>;
  buildReports(port: WorkbookPort, opts: RunOptions): Promise<ReportsResult>;
  closeYear(port: WorkbookPort, opts: RunOptions): Promise<Finding[]>;
  lockPeriod(port: WorkbookPort, month: string, opts: RunOptions): Promise<Finding[]>;
  /** 收入来源: the 合同 register with each contract's status and arrears. */
  contracts(port: WorkbookPort, opts: RunOptions): Promise<ContractsResult>;
  /** 财务公开: built-in template names, for the panel's choice. */
  disclosureTemplates(): string[];
  /** Live checks: the sheets watched, and validate's findings for the rows just edited. */
  liveSheets: readonly string[];
  liveCheck(port: WorkbookPort, edits: readonly EditedRows[]): Promise<LiveCheck>;
  /** The live findings after a check: those on the rows it checked are replaced by its own. */
  mergeLive(previous: readonly Finding[], check: LiveCheck): Finding[];
  /** Write the disclosure sheets of `period` ('2025Q3' …), then check every disclosure in the workbook. */
  disclose(port: WorkbookPort, period: string, template: string, opts: RunOptions): Promise<DisclosureResult>;
  /** Build next year's book into `next` (an empty workbook) from the closed `thisYear`, which is only read. */
  newYear(thisYear: WorkbookPort, next: WorkbookPort, opts: RunOptions): Promise<NewYearOutcome>;
  /** The vouchers of `from`..`to` ('YYYY-MM') as printed slips; writes nothing. */
  voucherSlips(port: WorkbookPort, from: string, to: string, perPage: 2 | 3, opts: RunOptions): Promise<VoucherSlipsOutcome>;
  /** Set up a new village book with opening balances converted from a 2004-system trial balance. */
  initFrom2004(port: WorkbookPort, setup: VillageSetup, src: ImportSource, opts: RunOptions): Promise<From2004Outcome>;
  /** 发展规划: project the plan (the base plan, or `scenario`), computing only. */
  plan(port: WorkbookPort, scenario: string | undefined, opts: RunOptions): Promise<PlanResult>;
  /** Write the plan sheets (规划测算, 项目评估, 情景分析, 计划执行) as `cunzhang plan` does. */
  writePlan(port: WorkbookPort, scenario: string | undefined, opts: RunOptions): Promise<PlanResult>;
  /** The 规划书 (plan document) of a plan as one self-contained HTML page. */
  planDocument(plan: PlanJson): Promise<string>;
}
