/**
 * The pane's engine: the use cases of src/app adapted to what the components show. This is the
 * only taskpane module that imports src/app; both hosts hand it a WorkbookPort.
 */
import { requireMeta } from '../app/book';
import { contractStatus, localToday, type Clock } from '../app/contract-status';
import { initVillage } from '../app/init-village';
import { validateWorkbook } from '../app/validate-workbook';
import { LIVE_SHEETS, checkEditedRows, mergeLiveFindings } from '../app/live-check';
import { buildReports } from '../app/build-reports';
import { closeYear } from '../app/close-year';
import { lockPeriod } from '../app/lock-period';
import { newYear } from '../app/new-year';
import { voucherSlips } from '../app/print-vouchers';
import { initFrom2004 } from '../app/init-from-2004';
import { buildDisclosure } from '../app/disclose';
import { buildPlan } from '../app/plan';
import { builtInTemplate, builtInTemplateNames } from '../core/disclosure/templates';
import type { DisclosureTable } from '../core/disclosure/model';
import { formatFen } from '../core/money';
import { footerLines } from '../workbook/disclosure-sheets';
import { voucherPageStarts, voucherPrintTitle } from '../workbook/voucher-print';
import type { DisclosureView, PaneEngine } from './model';

/** A generated table as display text: amounts grouped with two decimals, blanks for headings. */
export function disclosureView(t: DisclosureTable): DisclosureView {
  const numeric = t.columns.map((c) => c.kind === 'money');
  const text = (v: string | number | null, i: number): string => (v === null ? '' : numeric[i] && typeof v === 'number' ? formatFen(v) : String(v));
  return {
    sheet: t.sheet, title: t.title, subtitle: t.subtitle, headers: t.columns.map((c) => c.header), numeric,
    rows: t.rows.map((r) => ({ cells: r.cells.map(text), total: r.total === true, heading: r.heading === true })),
    footer: footerLines(t),
  };
}

/** @param today the local-date clock, passed in so tests can fix "today" */
export function createAppEngine(today: Clock = localToday): PaneEngine {
  return {
    // An uninitialized workbook has no meta: the pane then offers to set it up.
    readMeta: async (port) => ((await port.readMeta()) === undefined ? undefined : requireMeta(port)),
    initVillage: async (port, s, opts) => (await initVillage(port, { village: s.village, township: s.township, year: s.fiscalYear }, opts)).findings,
    validate: async (port, opts) => (await validateWorkbook(port, opts)).findings,
    buildReports: async (port, opts) => {
      const r = await buildReports(port, opts);
      return { findings: r.findings, report: r.report };
    },
    closeYear: async (port, opts) => (await closeYear(port, opts)).findings,
    lockPeriod: async (port, month, opts) => (await lockPeriod(port, { ...opts, through: month })).findings,
    contracts: (port, opts) => contractStatus(port, today, opts),
    liveSheets: LIVE_SHEETS,
    liveCheck: (port, edits) => checkEditedRows(port, edits),
    mergeLive: mergeLiveFindings,
    disclosureTemplates: () => builtInTemplateNames(),
    disclose: async (port, period, name, opts) => {
      const template = builtInTemplate(name);
      if (!template) throw new RangeError(`unknown disclosure template ${name}`);
      const r = await buildDisclosure(port, { ...opts, period, template });
      if (!r.ok) return { findings: r.findings, views: [] };
      // Then every disclosure in the workbook, the new ones included, against the template and the books.
      const checked = (await validateWorkbook(port, { ...opts, template })).findings.filter((f) => f.rule.startsWith('disclosure.'));
      return { findings: checked, views: r.tables.map(disclosureView) };
    },
    newYear: async (thisYear, next, opts) => {
      const r = await newYear(thisYear, next, opts);
      return { findings: r.findings, year: r.ok ? r.year : undefined, balances: r.balances, contracts: r.contracts };
    },
    voucherSlips: async (port, from, to, perPage, opts) => {
      const r = await voucherSlips(port, { ...opts, from, to, perPage });
      const cuts = [0, ...voucherPageStarts(r.slips.map((sl) => sl.lines.length), perPage), r.slips.length];
      const pages = cuts.slice(1).map((end, i) => r.slips.slice(cuts[i], end)).filter((p) => p.length > 0);
      return { findings: r.findings, pages, count: r.slips.length, title: voucherPrintTitle({ from, to }, r.slips.length), perPage };
    },
    initFrom2004: async (port, s, src, opts) => {
      const r = await initFrom2004(port, { village: s.village, township: s.township, year: s.fiscalYear }, src, opts);
      return { findings: r.findings, ok: r.ok, converted: r.converted, unmapped: r.unmapped };
    },
    plan: async (port, scenario, opts) => {
      const r = await buildPlan(port, { ...opts, readOnly: true, ...(scenario !== undefined && { scenario }) });
      return { findings: r.findings, plan: r.plan, sheets: [] };
    },
    writePlan: async (port, scenario, opts) => {
      const r = await buildPlan(port, { ...opts, ...(scenario !== undefined && { scenario }) });
      return { findings: r.findings, plan: r.plan, sheets: r.sheets };
    },
    // Loaded when first asked for: the document draws its charts with ECharts, which the pane
    // itself does not need (webpack puts it in a chunk of its own, served from the same origin).
    planDocument: async (plan) => (await import('../app/plan-document')).planDocumentHtml(plan),
  };
}
