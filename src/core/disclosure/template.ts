/**
 * Disclosure templates (财务公开模板) as data. A template is a JSON file validated by this zod
 * schema: its forms (公开表) in order, each with its items and labels, the ledger figure each item
 * ties to, its columns, the periods it is due for, and the posting deadline after period end.
 * A province or township changes its forms by adding a template file; no code changes.
 * The format is documented in docs/disclosure.md; the national baseline is templates/national.json.
 */
import * as z from 'zod';

/** The period kinds a disclosure covers: month, quarter, half-year, year. */
export const CADENCES = ['month', 'quarter', 'half', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

const accountCode = z.string().regex(/^\d{3}(\d{2})*$/, '科目编码应为 3 位一级科目加每级 2 位 / account code: 3 digits, then 2 per level');

/** An account feeding an item: sign × Σ net (debit-positive) amount of the account and its sub-accounts (as in statements/lines.ts). */
const FeedSchema = z.object({
  account: accountCode,
  sign: z.union([z.literal(1), z.literal(-1)]),
  only: z.enum(['debit', 'credit']).optional(),
}).strict();

/**
 * One row of an item form. Exactly one of: `feeds` (accounts), `formula` (earlier lines), `statement`
 * (a line key of the 资产负债表 / 收益及收益分配表), or `heading` (a section title with no amounts).
 */
const ItemSchema = z.object({
  /** 行次, unique within the form; formulas refer to it. */
  line: z.number().int().positive(),
  label: z.string().min(1),
  feeds: z.array(FeedSchema).min(1).optional(),
  formula: z.array(z.tuple([z.number().int().positive(), z.union([z.literal(1), z.literal(-1)])])).min(1).optional(),
  statement: z.string().min(1).optional(),
  heading: z.literal(true).optional(),
}).strict().refine((i) => [i.feeds, i.formula, i.statement, i.heading].filter((x) => x !== undefined).length === 1, {
  message: '每一项须且只须有 feeds、formula、statement、heading 之一 / each item needs exactly one of feeds, formula, statement, heading',
});

const base = {
  /** Stable key for code, tests and `--form`. */
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Printed title after the village and period, e.g. 财务公开榜. */
  title: z.string().min(1),
  /** Sheet name prefix; the period code is appended (财务公开榜2025Q3). At most 24 characters. */
  sheet: z.string().min(1).max(24).regex(/^[^[\]:*?/\\]+$/),
  /** Which of the template's categories (the 2011 规定's eight) the form discloses. */
  category: z.string().min(1),
  /** Period kinds the form is produced for. */
  due: z.array(z.enum(CADENCES)).min(1),
};

const FlowsForm = z.object({
  ...base,
  kind: z.literal('flows'),
  /** Header labels of the two amount columns: the period's activity and the year to date. */
  columns: z.tuple([z.string().min(1), z.string().min(1)]),
  items: z.array(ItemSchema).min(1),
  /** 行次 whose period amount is also written in capitals (大写) under the table. */
  capitals: z.array(z.number().int().positive()).default([]),
}).strict();

const StatementForm = z.object({
  ...base,
  kind: z.literal('statement'),
  statement: z.enum(['balanceSheet', 'incomeStatement']),
  /** Balance sheet: [年初数, 期末数]; income statement: [金额]. */
  columns: z.array(z.string().min(1)).min(1).max(2),
  items: z.array(ItemSchema).min(1),
  capitals: z.array(z.number().int().positive()).default([]),
  /** Only after the year-end close (收益分配 is disclosed once the year is closed). */
  afterClose: z.boolean().default(false),
}).strict();

const CashbookForm = z.object({ ...base, kind: z.literal('cashbook'), accounts: z.array(accountCode).min(1) }).strict();

const CounterpartiesForm = z.object({
  ...base,
  kind: z.literal('counterparties'),
  /** 债权 — receivable accounts (debit balances) and 债务 — payable accounts (credit balances). */
  receivables: z.array(accountCode).min(1),
  payables: z.array(accountCode).min(1),
}).strict();

const ContractsForm = z.object({ ...base, kind: z.literal('contracts') }).strict();

/** 专项公开: produced only for periods in which one of `accounts` has activity (or, for `pv`, a PV contract has income). */
const SpecialForm = z.object({
  ...base,
  kind: z.literal('special'),
  accounts: z.array(accountCode).default([]),
  pv: z.boolean().default(false),
}).strict();

export const FormSchema = z.discriminatedUnion('kind', [FlowsForm, StatementForm, CashbookForm, CounterpartiesForm, ContractsForm, SpecialForm]);

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** Where each rule comes from (law, regulation, practice), so a reviewer can check it. */
  sources: z.array(z.object({ title: z.string().min(1), url: z.string().optional(), note: z.string().optional() }).strict()).min(1),
  /** The content categories, in order (the national baseline: the 2011 规定's eight). */
  categories: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), note: z.string().optional() }).strict()).min(1),
  /** The cadence every due form must be disclosed at (completeness checks these periods). */
  cadence: z.enum(['month', 'quarter']),
  /** Days after period end by which the disclosure must be posted (张榜日期 ≤ period end + days). */
  deadlineDays: z.object({ month: z.number().int().nonnegative(), quarter: z.number().int().nonnegative(), half: z.number().int().nonnegative(), year: z.number().int().nonnegative() }).strict(),
  /** Signature fields printed under every form (制表, 审核, 民主理财小组 …). */
  signatures: z.array(z.string().min(1)).min(1),
  forms: z.array(FormSchema).min(1),
}).strict().superRefine((t, ctx) => {
  const cats = new Set(t.categories.map((c) => c.key));
  const keys = new Set<string>();
  t.forms.forEach((f, i) => {
    if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: ['forms', i, 'key'], message: `重复的表键 ${f.key} / duplicate form key` });
    keys.add(f.key);
    if (!cats.has(f.category)) ctx.addIssue({ code: 'custom', path: ['forms', i, 'category'], message: `未知类别 ${f.category} / unknown category` });
    if (f.kind !== 'flows' && f.kind !== 'statement') return;
    const seen = new Set<number>();
    f.items.forEach((item, j) => {
      if (seen.has(item.line)) ctx.addIssue({ code: 'custom', path: ['forms', i, 'items', j, 'line'], message: `重复行次 ${item.line} / duplicate line` });
      for (const [ref] of item.formula ?? []) {
        if (!seen.has(ref)) ctx.addIssue({ code: 'custom', path: ['forms', i, 'items', j, 'formula'], message: `行次 ${ref} 须在本行之前 / line ${ref} must come earlier` });
      }
      if (f.kind === 'flows' && item.statement !== undefined) ctx.addIssue({ code: 'custom', path: ['forms', i, 'items', j], message: '收支表不能引用报表行 / a flows form cannot refer to a statement line' });
      if (f.kind === 'statement' && item.feeds !== undefined) ctx.addIssue({ code: 'custom', path: ['forms', i, 'items', j], message: '报表项须用 statement 或 formula / statement forms use statement or formula' });
      seen.add(item.line);
    });
    for (const c of f.capitals) if (!seen.has(c)) ctx.addIssue({ code: 'custom', path: ['forms', i, 'capitals'], message: `大写行次 ${c} 不存在 / no such line` });
  });
});

export type DisclosureTemplate = z.infer<typeof TemplateSchema>;
export type DisclosureForm = z.infer<typeof FormSchema>;
export type TemplateItem = z.infer<typeof ItemSchema>;
export type ItemForm = Extract<DisclosureForm, { kind: 'flows' | 'statement' }>;

/** A template file that failed the schema: each issue with its JSON path, for the CLI and the pane. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(readonly source: string, readonly issues: readonly string[]) {
    super(`披露模板 ${source} 无效 / invalid disclosure template ${source}: ${issues.join('; ')}`);
  }
}

/** Validate parsed JSON as a template; a bad template is the file author's error, thrown with every issue. */
export function parseTemplate(json: unknown, source: string): DisclosureTemplate {
  const r = TemplateSchema.safeParse(json);
  if (r.success) return r.data;
  throw new TemplateError(source, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
}
