/**
 * Reading a whole village book through the port: one readTables call for every typed-in table
 * plus the generated 结转凭证 sheet, decoded by the workbook codecs into domain data with findings.
 */
import { buildChart, type Chart, type SubAccountDef } from '../core/chart/accounts';
import { finding, type Finding } from '../core/findings';
import type { BookSettings, OpeningBalance, Voucher } from '../core/ledger/types';
import { decodeAccounts } from '../workbook/codecs/accounts';
import { decodeOpening } from '../workbook/codecs/opening';
import { decodeVouchers } from '../workbook/codecs/vouchers';
import { missingColumns } from '../workbook/codecs/columns';
import { ACCOUNTS, LAYOUT_VERSION, OPENING, SHEETS, SUPPORTED_LAYOUT_VERSIONS, VOUCHERS } from '../workbook/layout';
import type { RunOptions, TableData, TypedTableSpec, WorkbookMeta, WorkbookPort } from '../workbook/port';
import { BookStateError } from './errors';

/** 结转凭证 — the generated sheet of closing vouchers, laid out like 凭证 so the same codec reads it. */
export const CLOSING_VOUCHERS: TypedTableSpec = { sheet: SHEETS.closingVouchers, table: 'ClosingVouchers', columns: VOUCHERS.columns };

export interface Book {
  meta: WorkbookMeta;
  settings: BookSettings;
  subs: SubAccountDef[];
  chart: Chart;
  opening: OpeningBalance[];
  /** Typed vouchers (凭证), in sheet order. */
  vouchers: Voucher[];
  /** Generated closing vouchers (结转凭证), marked `generated: 'close'`. */
  closing: Voucher[];
  /** Rows as read, for use cases that need more tables (contracts). */
  extra: (TableData | undefined)[];
  /** Decoding and chart findings (validation rules are run by the use cases). */
  findings: Finding[];
  /** The header rows of 期初余额 and 凭证 as found, and their worksheet row (undefined: no such sheet), for imports to check before appending. */
  headers: { opening: TableHeader | undefined; vouchers: TableHeader | undefined };
}

/** A typed-in table's header labels as found, and the worksheet row (1-based) they are on. */
export interface TableHeader {
  labels: readonly string[];
  row: number;
}

/** Meta of an initialized village book of a layout we understand, else a BookStateError. */
export async function requireMeta(port: WorkbookPort): Promise<WorkbookMeta> {
  const meta = await port.readMeta();
  if (meta === undefined) {
    throw new BookStateError('not-initialized', '这不是村账工作簿（没有 _meta 表），请先用 init 初始化', 'Not a Cunzhang village workbook (no _meta sheet); run init first');
  }
  // Older supported versions read as they are (they only lack tables); migrate-book.ts upgrades them when a use case needs the new tables.
  if (!SUPPORTED_LAYOUT_VERSIONS.includes(meta.layoutVersion)) {
    throw new BookStateError('layout-version', `工作簿格式版本为 ${meta.layoutVersion}，本程序支持版本 ${SUPPORTED_LAYOUT_VERSIONS.join('、')}（当前 ${LAYOUT_VERSION}）`, `Workbook layout version ${meta.layoutVersion}; this program supports versions ${SUPPORTED_LAYOUT_VERSIONS.join(', ')} (current ${LAYOUT_VERSION})`);
  }
  if (meta.kind !== 'village') {
    throw new BookStateError('wrong-kind', '这是乡镇汇总工作簿，不是村账工作簿', 'This is a township consolidation workbook, not a village book');
  }
  return meta;
}

export function settingsOf(meta: WorkbookMeta): BookSettings {
  const s: BookSettings = { village: meta.village, township: meta.township, fiscalYear: meta.fiscalYear };
  if (meta.lockedThrough !== undefined) s.lockedThrough = meta.lockedThrough;
  if (meta.lockDigest !== undefined) s.lockDigest = meta.lockDigest;
  return s;
}

function checkCancel(run: RunOptions | undefined): void {
  if (run?.signal?.aborted) throw run.signal.reason instanceof Error ? run.signal.reason : new Error('cancelled');
}

/** Read and decode the whole book in one readTables call; `extraSpecs` are read in the same call. */
export async function readBook(port: WorkbookPort, run?: RunOptions, extraSpecs: readonly TypedTableSpec[] = []): Promise<Book> {
  const meta = await requireMeta(port);
  run?.onProgress?.(0, 4, '读取工作簿');
  const [acc, open, vch, clo, ...extra] = await port.readTables([ACCOUNTS, OPENING, VOUCHERS, CLOSING_VOUCHERS, ...extraSpecs]);
  checkCancel(run);
  run?.onProgress?.(1, 4, '解析数据');
  const findings: Finding[] = [];
  // A typed-in sheet renamed or deleted would otherwise read as empty: say so instead.
  for (const [t, spec] of [[acc, ACCOUNTS], [open, OPENING], [vch, VOUCHERS]] as const) {
    if (t === undefined) {
      findings.push(finding('book.missing-sheet', 'error', `缺少工作表"${spec.sheet}"（可能被改名或删除）`, `The sheet "${spec.sheet}" is missing (renamed or deleted?)`, { sheet: spec.sheet }));
    }
  }
  const subsRes = acc ? decodeAccounts(acc) : { subs: [], where: () => ({}), findings: [] };
  findings.push(...subsRes.findings);
  const { chart, findings: chartFindings } = buildChart(subsRes.subs, subsRes.where);
  findings.push(...chartFindings);
  const openRes = open ? decodeOpening(open) : { balances: [], findings: [] };
  findings.push(...openRes.findings);
  const vRes = vch ? decodeVouchers(vch) : { vouchers: [], findings: [] };
  findings.push(...vRes.findings);
  const cRes = clo ? decodeVouchers(clo) : { vouchers: [], findings: [] };
  findings.push(...cRes.findings);
  const closing = cRes.vouchers.map((v): Voucher => ({ ...v, generated: 'close' }));
  run?.onProgress?.(2, 4, '解析完成');
  const headerOf = (t: TableData | undefined): TableHeader | undefined => (t ? { labels: t.header, row: t.firstRow - 1 } : undefined);
  const headers = { opening: headerOf(open), vouchers: headerOf(vch) };
  return { meta, settings: settingsOf(meta), subs: subsRes.subs, chart, opening: openRes.balances, vouchers: vRes.vouchers, closing, extra, findings, headers };
}

/**
 * An import writes every column of its table, while reading needs only some (validate is content
 * with 日期, 凭证号, 摘要, 科目编码 and the amounts). So before appending, each column of `spec`
 * must be in the sheet's header as found; one renamed or deleted is an error naming it, and the
 * import writes nothing (the hosts could not put the rows under the right headers). No sheet at
 * all is fine: the host creates it.
 */
export function appendTargetFindings(header: TableHeader | undefined, spec: TypedTableSpec): Finding[] {
  if (header === undefined) return [];
  return missingColumns(header.labels, spec).map((h) => finding(
    'import.target-missing-column', 'error',
    `${spec.sheet}表缺少"${h}"列，导入无法写入：请把这一列的标题改回"${h}"（或把这一列加回表中），再导入`,
    `Sheet ${spec.sheet} has no "${h}" column to import into: name the column "${h}" again (or add it back), then import`,
    { sheet: spec.sheet, row: header.row, column: h },
  ));
}

export { checkCancel };
