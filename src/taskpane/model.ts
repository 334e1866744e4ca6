/**
 * What the pane's components are given: plain data and the engine's operations as callbacks.
 * The engine (engine.ts) adapts the use cases in src/app to these shapes.
 */
import type { Finding } from '../core/findings';
import type { Fen } from '../core/money';
import type { ReportJson } from '../app/report-json';
import type { RunOptions, WorkbookMeta, WorkbookPort } from '../workbook/port';

export type StatementKey = 'balanceSheet' | 'incomeStatement' | 'trialBalance';

export interface ContractLine {
  id: string;
  name: string;
  kind: string;
  counterparty: string;
  status: string;
  due: Fen;
  received: Fen;
  arrears: Fen;
}

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

/** The use cases the pane runs, each over a WorkbookPort. */
export interface PaneEngine {
  readMeta(port: WorkbookPort): Promise<WorkbookMeta | undefined>;
  initVillage(port: WorkbookPort, setup: VillageSetup, opts: RunOptions): Promise<Finding[]>;
  validate(port: WorkbookPort, opts: RunOptions): Promise<Finding[]>;
  buildReports(port: WorkbookPort, opts: RunOptions): Promise<ReportsResult>;
  closeYear(port: WorkbookPort, opts: RunOptions): Promise<Finding[]>;
  lockPeriod(port: WorkbookPort, month: string, opts: RunOptions): Promise<Finding[]>;
  /** Undefined while the contracts use case is not available in this build. */
  contracts: ((port: WorkbookPort, opts: RunOptions) => Promise<ContractsResult>) | undefined;
}
