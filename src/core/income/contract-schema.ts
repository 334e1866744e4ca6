/**
 * zod schema for one row of the 合同 table, after the codec has turned cells into text, ISO
 * dates and fen. Every rule — generic (types, ranges) and kind-specific (a land row needs an area
 * and a cash or grain rent; the term may not pass the remaining 承包期; a PV row needs capacity,
 * hours and tariffs; …) — reports an issue whose path is the column key, so the codec can name
 * the cell. Messages are "zh|en".
 */
import * as z from 'zod';
import type Decimal from 'decimal.js';
import { D, decToFen } from '../money';
import { isIsoDate } from '../calendar';
import { ACCOUNT_CODE_RULE, isAccountCode } from '../chart/account-code';
import { CONTRACT_KINDS, ESCALATION_YEARS, KIND_OF_ZH, LEASE_ASSETS, type Contract } from './contract';
import { parseMonths, parsePaymentRule, parseYearValues } from './contract-text';
import { lazy } from '../lazy';

export { parseMonths, parsePaymentRule, parseYearValues };

/** What the codec hands over: text cells as trimmed strings (blank → absent), dates as ISO, money as fen. */
export type ContractRowInput = Record<string, string | number | undefined>;

const msg = (zh: string, en: string): string => `${zh}|${en}`;

/** Decimal text in [min, max]; undefined stays undefined. */
function decimal(min: number, max: number, zhName: string): z.ZodType<Decimal | undefined> {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const t = s.replace(/%$/, '');
      let x: Decimal;
      try {
        x = new D(t);
      } catch {
        ctx.addIssue({ code: 'custom', message: msg(`${zhName}"${s}"不是数字`, `${zhName} "${s}" is not a number`) });
        return z.NEVER;
      }
      if (s.endsWith('%')) x = x.div(100);
      if (!x.isFinite() || x.lt(min) || x.gt(max)) {
        ctx.addIssue({ code: 'custom', message: msg(`${zhName}"${s}"应在${min}到${max}之间`, `${zhName} "${s}" must be between ${min} and ${max}`) });
        return z.NEVER;
      }
      return x;
    });
}

function integer(min: number, max: number, zhName: string): z.ZodType<number | undefined> {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: msg(`${zhName}"${s}"应为${min}到${max}之间的整数`, `${zhName} "${s}" must be a whole number from ${min} to ${max}`) });
        return z.NEVER;
      }
      return n;
    });
}

const isoDate = (zhName: string) =>
  z
    .string()
    .optional()
    .refine((s) => s === undefined || isIsoDate(s), { message: msg(`${zhName}不是有效日期`, `${zhName} is not a valid date`) });

const fen = () => z.number().int().nonnegative().optional();
const text = () => z.string().optional();
const account = () => z
  .string()
  .refine(isAccountCode, { message: msg(`科目编码应为${ACCOUNT_CODE_RULE.zh}`, `account code: ${ACCOUNT_CODE_RULE.en}`) })
  .optional();

const yearValues = (zhName: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const v = parseYearValues(s);
      if (!v) ctx.addIssue({ code: 'custom', message: msg(`${zhName}"${s}"应为数字或"2025:1.18;2026:1.20"`, `${zhName} "${s}" must be a number or "2025:1.18;2026:1.20"`) });
      return v;
    });

/** The row's fields; built on first use (lazy), like everything below that calls zod. */
const rowShape = lazy(() => z.object({
  no: z.string({ message: msg('缺少合同编号', 'contract number is missing') }),
  kind: z.enum(CONTRACT_KINDS, { message: msg(`类型应为${CONTRACT_KINDS.join('、')}之一`, `kind must be one of ${CONTRACT_KINDS.join(', ')}`) }),
  counterparty: z.string({ message: msg('缺少对方单位', 'counterparty is missing') }),
  subject: text(),
  category: text(),
  start: isoDate('开始日期'),
  end: isoDate('结束日期'),
  paymentDates: text(),
  incomeAccount: account(),
  liabilityAccount: account(),
  deposit: fen(),
  openingArrears: fen(),
  penaltyRate: decimal(0, 100, '滞纳金率'),
  escalationRate: decimal(-0.5, 1, '递增率'),
  escalationEveryYears: integer(1, 50, '递增间隔'),
  escalationYears: z.enum(ESCALATION_YEARS, { message: msg(`递增计年应为${ESCALATION_YEARS.join('或')}`, `escalation years must be ${ESCALATION_YEARS.join(' or ')}`) }).optional(),
  note: text(),
  areaMu: decimal(0, 1e6, '面积（亩）'),
  rentPerMu: decimal(0, 1e5, '每亩租金'),
  jinPerMu: decimal(0, 1e4, '每亩斤数'),
  grainPrice: yearValues('粮价'),
  repriceEveryYears: integer(1, 50, '调价间隔'),
  landTermEnd: isoDate('承包期截止'),
  passThrough: z.enum(['是', '否']).optional(),
  serviceFeePerMu: decimal(0, 1e5, '每亩服务费'),
  referencePrice: decimal(0, 1e5, '参考价'),
  capital: decimal(0, 1e12, '入股金额'),
  floorRate: decimal(0, 1, '保底收益率'),
  shareRate: decimal(0, 1, '分红比例'),
  dividendMode: z.enum(['取大', '保底加分红']).optional(),
  profit: yearValues('合作社盈余'),
  capacityKw: decimal(0, 1e6, '装机容量'),
  hours: decimal(0, 8760, '等效小时'),
  firstYearDegradation: decimal(0, 1, '首年衰减'),
  annualDegradation: decimal(0, 1, '年衰减'),
  curtailment: decimal(0, 1, '弃光率'),
  baseTariff: decimal(0, 10, '基础电价'),
  subsidyTariff: decimal(0, 10, '补贴电价'),
  subsidyLagMonths: integer(0, 36, '补贴滞后月数'),
  subsidyBatchMonths: text(),
  subsidyPayRatio: decimal(0, 1, '补贴到位率'),
  omCost: fen(),
  lifeYears: integer(1, 60, '寿命'),
  vatRate: decimal(0, 1, '增值税率'),
  restrictedShare: decimal(0, 1, '限定用途比例'),
  areaM2: decimal(0, 1e7, '面积（平方米）'),
  rentPerM2Month: decimal(0, 1e6, '月租金'),
  annualRent: decimal(0, 1e10, '年租金'),
  occupancy: decimal(0, 1, '出租率'),
}));
type Row = z.output<ReturnType<typeof rowShape>>;
type Ctx = z.core.$RefinementCtx<Row>;

function need(r: Row, ctx: Ctx, keys: readonly (keyof Row)[], kindZh: string, names: Record<string, string>): void {
  for (const k of keys) {
    if (r[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: msg(`${kindZh}合同缺少${names[k] ?? k}`, `${kindZh} contract: ${k} is missing`) });
  }
}

const NAMES: Record<string, string> = {
  start: '开始日期', end: '结束日期', paymentDates: '收款日', areaMu: '面积（亩）', capital: '入股金额', floorRate: '保底收益率',
  shareRate: '分红比例', capacityKw: '装机容量', hours: '等效小时', baseTariff: '基础电价', rentPerM2Month: '月租金', lifeYears: '寿命',
};

function checkRules(r: Row, ctx: Ctx): void {
  need(r, ctx, ['start', 'end', 'paymentDates'], r.kind, NAMES);
  if (r.start && r.end && r.end < r.start) ctx.addIssue({ code: 'custom', path: ['end'], message: msg('结束日期早于开始日期', 'end date is before start date') });
  if (r.paymentDates !== undefined && !parsePaymentRule(r.paymentDates)) {
    ctx.addIssue({ code: 'custom', path: ['paymentDates'], message: msg(`收款日"${r.paymentDates}"格式不对（如 03-01、06-15:50%;10-01:50%、每月15、次年03-31）`, `payment dates "${r.paymentDates}" not understood (e.g. 03-01, 06-15:50%;10-01:50%, 每月15, 次年03-31)`) });
  }
  if ((r.escalationRate === undefined) !== (r.escalationEveryYears === undefined) && r.escalationRate !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['escalationEveryYears'], message: msg('填了递增率就要填递增间隔（年）', 'an escalation rate needs an interval in years') });
  }
  if (r.kind === '土地流转') {
    need(r, ctx, ['areaMu'], r.kind, NAMES);
    const cash = r.rentPerMu !== undefined;
    const grain = r.jinPerMu !== undefined || r.grainPrice !== undefined;
    if (cash === grain) ctx.addIssue({ code: 'custom', path: ['rentPerMu'], message: msg('土地流转合同应填每亩租金，或填每亩斤数和粮价（二选一）', 'a land contract needs either a cash rent per mu or jin per mu with a grain price') });
    if (grain && (r.jinPerMu === undefined || r.grainPrice === undefined)) ctx.addIssue({ code: 'custom', path: [r.jinPerMu === undefined ? 'jinPerMu' : 'grainPrice'], message: msg('实物折价租金需要每亩斤数和粮价', 'grain rent needs both jin per mu and a grain price') });
    if (r.landTermEnd && r.end && r.end > r.landTermEnd) ctx.addIssue({ code: 'custom', path: ['end'], message: msg(`流转期限超过承包期剩余期限（承包期截止 ${r.landTermEnd}）`, `term passes the remaining household contract term (ends ${r.landTermEnd})`) });
    if (r.passThrough === '是' && r.serviceFeePerMu === undefined) ctx.addIssue({ code: 'custom', path: ['serviceFeePerMu'], message: msg('代收代付合同应填每亩服务费（可填0）', 'a pass-through contract needs the service fee per mu (0 allowed)') });
    if (r.serviceFeePerMu && r.rentPerMu && r.serviceFeePerMu.gt(r.rentPerMu)) ctx.addIssue({ code: 'custom', path: ['serviceFeePerMu'], message: msg('每亩服务费大于每亩租金', 'service fee per mu exceeds the rent per mu') });
  }
  if (r.kind === '合作社入股') need(r, ctx, ['capital', 'floorRate', 'shareRate'], r.kind, NAMES);
  if (r.kind === '光伏电站') {
    need(r, ctx, ['capacityKw', 'hours', 'baseTariff', 'lifeYears'], r.kind, NAMES);
    // The grid settles the base tariff monthly; the schedule needs the day it pays.
    if (r.paymentDates !== undefined && parsePaymentRule(r.paymentDates)?.kind === 'annual') ctx.addIssue({ code: 'custom', path: ['paymentDates'], message: msg('光伏电站的收款日应为"每月N"（电网按月结算基础电价）', 'a PV station is paid monthly: payment dates must be "每月N"') });
    if (r.lifeYears !== undefined && (r.lifeYears < 20 || r.lifeYears > 25)) ctx.addIssue({ code: 'custom', path: ['lifeYears'], message: msg('光伏电站寿命应为20–25年', 'PV life must be 20–25 years') });
    if (r.subsidyBatchMonths !== undefined && !parseMonths(r.subsidyBatchMonths)) ctx.addIssue({ code: 'custom', path: ['subsidyBatchMonths'], message: msg('补贴结算月应为1–12的月份，用分号隔开（如 3;9）', 'subsidy batch months: months 1–12 separated by ; (e.g. 3;9)') });
  }
  if (r.kind === '资产租赁') {
    if ((r.rentPerM2Month === undefined) === (r.annualRent === undefined)) ctx.addIssue({ code: 'custom', path: ['rentPerM2Month'], message: msg('资产租赁合同应填月租金（元/平方米），或填整体年租金（二选一）', 'a lease needs either a monthly rent per m² or an annual rent for the whole asset') });
    if (r.annualRent !== undefined && r.areaM2 !== undefined) ctx.addIssue({ code: 'custom', path: ['annualRent'], message: msg('年租金是整体租金，不要同时填面积', 'an annual rent is for the whole asset; leave the area blank') });
    if (r.category !== undefined && !(LEASE_ASSETS as readonly string[]).includes(r.category)) ctx.addIssue({ code: 'custom', path: ['category'], message: msg(`资产类别应为${LEASE_ASSETS.join('、')}之一`, `asset class must be one of ${LEASE_ASSETS.join(', ')}`) });
  }
}

function toContract(r: Row): Contract {
  const kind = KIND_OF_ZH[r.kind];
  const common = {
    no: r.no, counterparty: r.counterparty, subject: r.subject ?? '', start: r.start!, end: r.end!,
    payment: parsePaymentRule(r.paymentDates!)!,
    incomeAccount: r.incomeAccount ?? (kind === 'coop' ? '502' : '501'),
    liabilityAccount: r.liabilityAccount ?? '211',
    deposit: r.deposit ?? 0,
    escalationYears: r.escalationYears === '自然年度' ? ('calendar' as const) : ('contract' as const),
    openingArrears: r.openingArrears ?? 0,
    ...(r.category !== undefined && { category: r.category }),
    ...(r.penaltyRate !== undefined && { penaltyPerTenThousand: r.penaltyRate }),
    ...(r.escalationRate !== undefined && { escalationRate: r.escalationRate }),
    ...(r.escalationEveryYears !== undefined && { escalationEveryYears: r.escalationEveryYears }),
    ...(r.note !== undefined && { note: r.note }),
  };
  switch (kind) {
    case 'land':
      return {
        ...common, kind, areaMu: r.areaMu!, passThrough: r.passThrough === '是',
        ...(r.rentPerMu !== undefined && { rentPerMu: r.rentPerMu }),
        ...(r.jinPerMu !== undefined && { jinPerMu: r.jinPerMu }),
        ...(r.grainPrice !== undefined && { grainPrice: r.grainPrice }),
        ...(r.repriceEveryYears !== undefined && { repriceEveryYears: r.repriceEveryYears }),
        ...(r.landTermEnd !== undefined && { landTermEnd: r.landTermEnd }),
        ...(r.serviceFeePerMu !== undefined && { serviceFeePerMu: r.serviceFeePerMu }),
        ...(r.referencePrice !== undefined && { referencePricePerMu: r.referencePrice }),
      };
    case 'coop':
      return { ...common, kind, capital: r.capital!, floorRate: r.floorRate!, shareRate: r.shareRate!, mode: r.dividendMode === '保底加分红' ? 'plus' : 'max', profit: r.profit ?? { byYear: new Map() } };
    case 'pv':
      return {
        ...common, kind, capacityKw: r.capacityKw!, hours: r.hours!, lifeYears: r.lifeYears!, baseTariff: r.baseTariff!,
        firstYearDegradation: r.firstYearDegradation ?? new D(0), annualDegradation: r.annualDegradation ?? new D(0), curtailment: r.curtailment ?? new D(0),
        subsidyTariff: r.subsidyTariff ?? new D(0), subsidyLagMonths: r.subsidyLagMonths ?? 12,
        subsidyBatchMonths: r.subsidyBatchMonths !== undefined ? parseMonths(r.subsidyBatchMonths)! : [3, 9],
        subsidyPayRatio: r.subsidyPayRatio ?? new D(1), omCost: r.omCost ?? 0, vatRate: r.vatRate ?? new D('0.13'), restrictedShare: r.restrictedShare ?? new D('0.8'),
      };
    case 'lease':
      // An annual rent is a whole-asset monthly rent of annual/12 (kept exact to 40 digits, so 12 months give the annual figure to the fen).
      return { ...common, kind, rentPerM2Month: r.rentPerM2Month ?? r.annualRent!.div(12), occupancy: r.occupancy ?? new D(1), ...(r.areaM2 !== undefined && { areaM2: r.areaM2 }) };
  }
}

/** The row schema: parse, check the kind's rules, build the Contract. */
export const contractRowSchema = lazy(() => rowShape().superRefine(checkRules).transform(toContract));

/** A failed row: one issue per offending column key. */
export interface ContractRowIssue {
  key: string;
  zh: string;
  en: string;
}

export function parseContractRow(input: ContractRowInput): { ok: true; contract: Contract } | { ok: false; issues: ContractRowIssue[] } {
  const r = contractRowSchema().safeParse(input);
  if (r.success) return { ok: true, contract: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => {
      const [zh = i.message, en = i.message] = i.message.includes('|') ? i.message.split('|') : [];
      return { key: String(i.path[0] ?? 'no'), zh, en };
    }),
  };
}

const MONEY_KEYS = new Set(['deposit', 'openingArrears', 'omCost']);

/**
 * Plain values keyed by column (numbers in yuan for money columns, as in a sheet) into the
 * schema's input — for code-built rows (the sample, tests); the workbook codec reads cells itself.
 */
export function inputFromValues(values: Readonly<Record<string, string | number | null | undefined>>): ContractRowInput {
  const out: ContractRowInput = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    out[k] = MONEY_KEYS.has(k) ? decToFen(v) : String(v);
  }
  return out;
}
