/**
 * What the pane's components are given: plain data and the engine's operations as callbacks.
 * The engine (engine.ts) adapts the use cases in src/app to these shapes.
 */
import type { Finding } from '../core/findings';
import type { ReportJson } from '../app/report-json';
import type { ContractStatusLine } from '../app/contract-status';
import type { PlanJson } from '../app/plan-json';
import type { RunOptions, WorkbookMeta, WorkbookPort } from '../workbook/port';

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
  /** Write the disclosure sheets of `period` ('2025Q3' …), then check every disclosure in the workbook. */
  disclose(port: WorkbookPort, period: string, template: string, opts: RunOptions): Promise<DisclosureResult>;
  /** 发展规划: project the plan (the base plan, or `scenario`), computing only. */
  plan(port: WorkbookPort, scenario: string | undefined, opts: RunOptions): Promise<PlanResult>;
  /** Write the plan sheets (规划测算, 项目评估, 情景分析, 计划执行) as `cunzhang plan` does. */
  writePlan(port: WorkbookPort, scenario: string | undefined, opts: RunOptions): Promise<PlanResult>;
  /** The 规划书 (plan document) of a plan as one self-contained HTML page. */
  planDocument(plan: PlanJson): Promise<string>;
}
