/**
 * 乡镇汇总 — consolidate many village workbooks into one township workbook. Each input is opened
 * through a function the caller supplies (the CLI opens files, the task pane dropped bytes), read
 * into plain facts and let go, so one village is in memory at a time plus the running list of
 * facts. An input that cannot be opened or is not a village book is listed with its reason and
 * left out; the core decides everything else (src/core/consolidate).
 */
import { consolidate, type Consolidation, type ConsolidateOptions, type VillageOutcome } from '../core/consolidate/consolidate';
import { DEFAULT_VILLAGE_THRESHOLDS, type VillageThresholds } from '../core/consolidate/classify';
import { villageFacts, type VillageFacts } from '../core/consolidate/facts';
import { checkLockEvidence } from './lock-check';
import { checkDisclosures } from './check-disclosures';
import { nationalTemplate } from '../core/disclosure/templates';
import { webSha256 } from './sha256';
import { KIND_OF_ZH } from '../core/income/contract';
import { monthEnd } from '../core/calendar';
import { LAYOUT_VERSION, TOWNSHIP_SHEETS } from '../workbook/layout';
import { commitWrites, type RunOptions, type SheetGrid, type WorkbookMeta, type WorkbookPort } from '../workbook/port';
import { readKeptHeads, readPreviousIncome, renderTownship } from '../workbook/township-sheets';
import { checkCancel, readBook } from './book';
import { CONTRACT_SPECS } from './contract-sheets';
import { buildContractReports } from './contracts';
import { BookStateError } from './errors';
import { assessBook } from './assess-book';

/** One village workbook to consolidate: a label (its file name) and how to open it. */
export interface VillageSource {
  label: string;
  open(): Promise<WorkbookPort>;
}

/** Read one village book into the facts consolidation needs (whole fiscal year). */
export async function readVillageFacts(port: WorkbookPort, label: string, thresholds: VillageThresholds = DEFAULT_VILLAGE_THRESHOLDS): Promise<VillageFacts> {
  const book = await readBook(port, undefined, CONTRACT_SPECS);
  const year = book.meta.fiscalYear;
  const contracts = buildContractReports({ contracts: book.extra[0], vouchers: book.vouchers, asOf: monthEnd(`${year}-12`), from: `${year}-01`, to: `${year}-12` });
  const data = {
    file: label,
    village: book.meta.village,
    township: book.meta.township,
    fiscalYear: year,
    chart: book.chart,
    opening: book.opening,
    vouchers: book.vouchers,
    closing: book.closing,
    findings: [...assessBook(book), ...contracts.findings],
    contracts: contracts.contracts.map((c) => ({ no: c.no, kind: KIND_OF_ZH[c.kind], arrears: c.arrears })),
    ...(book.meta.lockedThrough !== undefined ? { lockedThrough: book.meta.lockedThrough } : {}),
    ...(book.meta.lockDigest !== undefined ? { lockDigest: book.meta.lockDigest } : {}),
  };
  const facts = villageFacts(data, thresholds);
  // Locked months edited after 结账: the SHA-256 chain when the book has one (lock-check.ts), else the old fingerprint (in villageFacts).
  const evidence = await checkLockEvidence(book, webSha256);
  if (evidence.findings.some((f) => f.severity === 'error')) facts.lockEdited = true;
  if (evidence.head !== undefined) facts.lockHash = evidence.head;
  if (book.meta.lockChain !== undefined) facts.lockHashes = book.meta.lockChain.map((m) => m.hash);
  // Each village's 财务公开 sheets, checked as `validate` checks them (national template; completeness needs a date, so not here).
  const disclosure = await checkDisclosures(port, book, { template: nationalTemplate() });
  if (disclosure.length > 0) facts.disclosureFindings = disclosure;
  return facts;
}

/** Why an input could not be used, in both languages: the typed errors carry their own text. */
function reasonOf(e: unknown): { zh: string; en: string } {
  if (e instanceof BookStateError) return { zh: e.zh, en: e.en };
  if (typeof e === 'object' && e !== null && 'zh' in e && 'en' in e && typeof e.zh === 'string' && typeof e.en === 'string') return { zh: e.zh, en: e.en };
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `无法打开或读取（${msg}）`, en: `Cannot open or read (${msg})` };
}

/** Open and read one input; never throws for a bad input (the reason is the outcome). */
export async function readOutcome(source: VillageSource, thresholds?: VillageThresholds): Promise<VillageOutcome> {
  try {
    const port = await source.open();
    return { ok: true, facts: await readVillageFacts(port, source.label, thresholds) };
  } catch (e) {
    return { ok: false, file: source.label, ...reasonOf(e) };
  }
}

export interface ConsolidateVillagesOptions extends RunOptions, ConsolidateOptions {
  thresholds?: VillageThresholds;
  /** Reads the inputs; default one at a time. The CLI passes a worker pool for many files. */
  readAll?: (sources: readonly VillageSource[], run: RunOptions) => Promise<VillageOutcome[]>;
}

/** Read inputs one at a time, with progress and cancellation between inputs. */
export async function readSequentially(sources: readonly VillageSource[], run: RunOptions & { thresholds?: VillageThresholds } = {}): Promise<VillageOutcome[]> {
  const out: VillageOutcome[] = [];
  for (const [i, s] of sources.entries()) {
    checkCancel(run);
    run.onProgress?.(i, sources.length, s.label);
    out.push(await readOutcome(s, run.thresholds));
  }
  run.onProgress?.(sources.length, sources.length, '读取完成');
  return out;
}

/** Read every input and consolidate. Nothing is written; see writeTownshipWorkbook. */
export async function consolidateVillages(sources: readonly VillageSource[], opts: ConsolidateVillagesOptions = {}): Promise<Consolidation> {
  const outcomes = opts.readAll ? await opts.readAll(sources, opts) : await readSequentially(sources, opts);
  checkCancel(opts);
  return consolidate(outcomes, opts);
}

/** One sheet of an earlier township workbook; `what` names the file in the refusal when it is not one. */
async function townshipSheet(port: WorkbookPort, sheet: string, what: { zh: string; en: string }): Promise<SheetGrid | undefined> {
  const meta = await port.readMeta();
  if (meta?.kind !== 'township') {
    throw new BookStateError('wrong-kind', `${what.zh}不是乡镇汇总工作簿`, `${what.en} is not a township consolidation workbook`);
  }
  return port.readSheet(sheet);
}

/** Last year's operating income by village from last year's township workbook (for 同比). */
export async function readPreviousTownship(port: WorkbookPort): Promise<Map<string, number>> {
  const grid = await townshipSheet(port, TOWNSHIP_SHEETS.sources, { zh: '上年文件', en: 'The previous-year file' });
  return grid ? readPreviousIncome(grid) : new Map();
}

/** The chain heads an earlier township workbook of the same year kept (村级分类), for ConsolidateOptions.keptHeads. */
export async function readKeptHeadsFrom(port: WorkbookPort): Promise<Map<string, string>> {
  const grid = await townshipSheet(port, TOWNSHIP_SHEETS.classes, { zh: '留存哈希的文件', en: 'The file with the kept heads' });
  return grid ? readKeptHeads(grid) : new Map();
}

/** Write the township workbook into an empty workbook: meta (kind 'township') and the generated sheets in one batch. */
export async function writeTownshipWorkbook(port: WorkbookPort, c: Consolidation, opts: { previous?: ReadonlyMap<string, number>; generatedAt: string }): Promise<string[]> {
  const sheets = renderTownship(c, opts);
  const meta: WorkbookMeta = { layoutVersion: LAYOUT_VERSION, chartSystem: '2023', village: '乡镇汇总', township: c.township || '（未知乡镇）', fiscalYear: c.year || 2000, kind: 'township' };
  const existing = await port.readMeta();
  // Never turn a village book into a township workbook: its typed-in sheets would be orphaned.
  if (existing?.kind === 'village') throw new BookStateError('wrong-kind', '这是村账工作簿，不能写入乡镇汇总', 'This is a village workbook; a township consolidation cannot be written into it');
  await commitWrites(port, [existing === undefined ? { kind: 'initialize', meta, tables: [] } : { kind: 'meta', meta }, { kind: 'replace', sheets }]);
  return sheets.map((s) => s.name);
}
