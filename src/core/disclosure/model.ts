/**
 * What a generated disclosure is, before any sheet: a titled table whose money cells hold
 * integer fen. The workbook layer renders it as a sheet, the pane as HTML, tests as golden JSON;
 * the validator compares a typed sheet with it.
 */
import type { PvUse } from '../income/pv-use';
import type { Fen } from '../money';
import type { IsoDate } from '../ledger/types';
import type { DisclosurePeriod } from './period';
import type { DisclosureForm } from './template';

export type ColumnKind = 'text' | 'line' | 'money' | 'date';

export interface DisclosureColumn {
  header: string;
  kind: ColumnKind;
  /** Print width in characters, where the kind's default is too narrow. */
  width?: number;
}

/** A cell: text, a 行次 number, fen in a money column, an ISO date in a date column, or blank. */
export type DisclosureCell = string | number | null;

export interface DisclosureRow {
  cells: DisclosureCell[];
  /** 行次 of a template item (item forms). */
  line?: number;
  total?: boolean;
  heading?: boolean;
}

export interface DisclosureTable {
  form: DisclosureForm;
  period: DisclosurePeriod;
  /** '青山镇示范村2025年第3季度财务公开榜'. */
  title: string;
  /** '编制单位：… 公开期间：… 单位：元'. */
  subtitle: string;
  /** Sheet name: the form's prefix + the period code. */
  sheet: string;
  columns: DisclosureColumn[];
  rows: DisclosureRow[];
  /** Amounts the form prints again in capitals (大写) under the table. */
  capitals: { label: string; fen: Fen }[];
  signatures: string[];
  /** 张榜日期, when known at generation. */
  posted?: IsoDate;
}

/** The contract register as the 合同公开 form needs it (filled by the app from src/app/contracts.ts). */
export interface ContractDisclosure {
  no: string;
  kind: string;
  counterparty: string;
  subject: string;
  start: IsoDate;
  end: IsoDate;
  periodDue: Fen;
  periodReceived: Fen;
  arrears: Fen;
}

/** PV income and its restricted use over the period: the register's own figures (src/core/income/pv-use.ts). */
export type PvDisclosure = PvUse;

/** Characters that make a spreadsheet treat text as a formula (CSV/formula injection). */
export const ODD_LEAD = /^[=+\-@]/u;

/** Text made safe for a sheet: a leading = + - @ gets an apostrophe, so it is shown, never evaluated. */
export function neutralizeText(s: string): string {
  return ODD_LEAD.test(s) ? `'${s}` : s;
}
