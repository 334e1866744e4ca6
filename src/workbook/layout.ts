/**
 * The village workbook layout (version 1): sheet names (Chinese, what users see), stable table
 * names (what code uses), columns with their header labels, number formats and validation.
 * Both hosts (ExcelJS, Office.js) build sheets from these specs; codecs read rows by header label.
 *
 * Generated sheets are laid out the same way by every host: rows 1..title.length hold the title
 * lines, the next row is the header, the body starts right after (see `generatedBodyFirstRow`).
 * Formulas in generated sheets are written against that layout.
 */
import { CONTRACTS } from './contracts-layout';
import { DATE_FMT, MONEY_FMT, TEXT_FMT } from './formats';
import type { ColumnSpec, GeneratedSheet, TypedTableSpec } from './port';

export { DATE_FMT, MONEY_FMT, TEXT_FMT };

/** Bumped whenever a sheet, table or column changes incompatibly; stored in _meta. Version 2 added the plan tables (规划设置 …). */
export const LAYOUT_VERSION = 2;

/**
 * Layout versions a program of this version opens: the current one, and older ones that
 * src/app/migrate-book.ts upgrades in place (a version-1 book only lacks the plan tables, so it
 * reads as it is and gains them at the first plan run).
 */
export const SUPPORTED_LAYOUT_VERSIONS: readonly number[] = [1, 2];

/** Hidden sheet holding WorkbookMeta as key/value rows. */
export const META_SHEET = '_meta';


/**
 * 科目表 — the full chart (42 built-in first-level accounts + the village's sub-accounts), a
 * generated sheet with one title line, so codes sit in column A from row 3. Account-code columns
 * of typed-in tables validate against this range. It is rebuilt with the other generated sheets
 * (see codecs/chart-list.ts), so a sub-account just added on 科目 joins the list at the next run;
 * until then the validation only warns.
 */
export const CHART_LIST_SHEET = '科目表';
export const CHART_LIST_TITLE_LINES = 1;
export const CHART_LIST_MAX_ROWS = 3000;
export const ACCOUNT_CODE_RANGE = `='${CHART_LIST_SHEET}'!$A$${CHART_LIST_TITLE_LINES + 2}:$A$${CHART_LIST_TITLE_LINES + 1 + CHART_LIST_MAX_ROWS}`;

// Every typed-in column carries a note: a new accountant sees what goes there by selecting the header.
const codeColumn = (header: string, key: string, note: string): ColumnSpec => ({
  header,
  key,
  width: 12,
  numFmt: TEXT_FMT,
  validation: { range: ACCOUNT_CODE_RANGE },
  note,
});
const money = (header: string, key: string, note?: string): ColumnSpec => ({ header, key, width: 16, numFmt: MONEY_FMT, ...(note !== undefined && { note }) });
const text = (header: string, key: string, width: number, note?: string): ColumnSpec => ({ header, key, width, numFmt: TEXT_FMT, ...(note !== undefined && { note }) });

/** 设置 — book settings as key/value rows. */
export const SETTINGS = {
  sheet: '设置',
  table: 'Settings',
  columns: [text('项目', 'key', 14, '设置项：村名、乡镇、年度、会计制度'), text('值', 'value', 24, '该设置项的值')],
} as const satisfies TypedTableSpec;

/** Keys of the 设置 rows, in the order `init` writes them. */
export const SETTINGS_KEYS = {
  village: '村名',
  township: '乡镇',
  fiscalYear: '年度',
  chartSystem: '会计制度',
} as const;

/** 科目 — the village's own sub-accounts (明细科目); the 42 first-level accounts are built in. */
export const ACCOUNTS = {
  sheet: '科目',
  table: 'Accounts',
  columns: [
    { header: '科目编码', key: 'code', width: 12, numFmt: TEXT_FMT, note: '明细科目编码：上级科目编码加两位，如 50101（土地发包收入）' },
    text('科目名称', 'name', 24, '明细科目名称，如 土地发包收入'),
  ],
} as const satisfies TypedTableSpec;

/** 凭证 — one row per voucher line; rows with the same month and 凭证号 form one voucher. */
export const VOUCHERS = {
  sheet: '凭证',
  table: 'Vouchers',
  columns: [
    { header: '日期', key: 'date', width: 12, numFmt: DATE_FMT, note: '记账日期，如 2025-03-15；同一张凭证的各行日期相同' },
    text('凭证号', 'number', 10, '每月从 1 起编号；同月同号的各行是一张凭证'),
    text('摘要', 'summary', 28, '简要说明经济业务，如 收到张三土地承包费'),
    codeColumn('科目编码', 'account', '从下拉列表选科目编码（末级科目）'),
    money('借方金额', 'debit', '借方金额（元），最多两位小数；一行只填借方或贷方'),
    money('贷方金额', 'credit', '贷方金额（元），最多两位小数；每张凭证借贷合计相等'),
    text('合同编号', 'contract', 14, '与合同表相关的收款，填合同编号'),
    text('往来单位', 'counterparty', 18, '应收、应付款的对方单位或个人'),
    { header: '附件数', key: 'attachments', width: 8, numFmt: '0', note: '原始凭证（发票、收据）张数' },
    text('制单人', 'preparer', 10, '填制凭证的人'),
    text('审核人', 'reviewer', 10, '审核凭证的人'),
    text('冲销凭证', 'reverses', 14, '红字冲销时，填被冲销凭证的年-月/凭证号，如 2025-03/12'),
  ],
} as const satisfies TypedTableSpec;

/** 期初余额 — opening balances at the start of the fiscal year. */
export const OPENING = {
  sheet: '期初余额',
  table: 'Opening',
  columns: [
    codeColumn('科目编码', 'account', '从下拉列表选科目编码（末级科目）'),
    text('科目名称', 'name', 24, '科目名称，便于核对'),
    money('借方余额', 'debit', '年初借方余额（元）'),
    money('贷方余额', 'credit', '年初贷方余额（元）'),
  ],
} as const satisfies TypedTableSpec;

/**
 * 上年数 — the prior year's 收益及收益分配表 typed in (when last year's workbook is not at hand):
 * one row per 行次. Optional: read when present, never created or rewritten by the engine.
 */
export const PRIOR_YEAR = {
  sheet: '上年数',
  table: 'PriorYear',
  columns: [
    { header: '行次', key: 'line', width: 6, numFmt: '0', note: '收益及收益分配表的行次，如 1' },
    text('项目', 'label', 24, '该行的项目名称，如 经营收入'),
    money('上年金额', 'amount', '上年同一行的金额（元）'),
  ],
} as const satisfies TypedTableSpec;

// ---- 发展规划 (plan) tables, layout version 2; codecs in codecs/plan.ts ----
const num = (header: string, key: string, numFmt = 'General', note?: string): ColumnSpec => ({ header, key, width: 10, numFmt, ...(note !== undefined && { note }) });
const pct = (header: string, key: string, note?: string): ColumnSpec => num(header, key, '0.00%', note);

/** 规划设置 — plan settings as key/value rows (keys in PLAN_SETTING_KEYS). */
export const PLAN_SETTINGS = { sheet: '规划设置', table: 'PlanSettings', columns: [text('项目', 'key', 18), text('值', 'value', 40)] } as const satisfies TypedTableSpec;
export const PLAN_SETTING_KEYS = {
  firstYear: '规划起始年度', lastYear: '规划截止年度', baseYear: '基期年度', discountRate: '折现率', targets: '年度目标（元）',
  weakBelow: '薄弱村标准（元）', richFrom: '富裕村标准（元）', households: '户数', population: '人口', lowIncomeHouseholds: '脱贫户和监测户',
  behindMargin: '落后容许比例', otherIncome: '其他经营性收入（元）',
} as const;

/** 规划项目 — one row per project; income columns mean what they mean on 合同. */
export const PLAN_PROJECTS = {
  sheet: '规划项目',
  table: 'PlanProjects',
  columns: [
    text('项目名称', 'name', 18),
    { header: '类型', key: 'kind', width: 10, numFmt: TEXT_FMT, validation: { list: ['土地流转', '合作社入股', '光伏', '租赁', '其他'] } },
    num('开工年度', 'startYear', '0'), num('首次收益年度', 'firstIncomeYear', '0', '空白为开工年度'), num('寿命（年）', 'lifeYears', '0', '从首次收益年度起算'),
    money('中央财政', 'central'), money('省级财政', 'province'), money('市级财政', 'city'), money('县级财政', 'county'), money('乡镇财政', 'township'),
    money('衔接资金', 'bridge'), money('村自筹', 'self'), money('贷款', 'loan'), money('社会资本', 'social'),
    pct('贷款利率', 'loanRate'), num('贷款期限（年）', 'loanTermYears', '0'),
    { header: '还款方式', key: 'loanMethod', width: 10, numFmt: TEXT_FMT, validation: { list: ['等额本息', '等额本金'] } },
    money('年运营成本', 'runningCost'), pct('限定用途比例', 'restrictedShare', '光伏默认80%'), num('受益户数', 'households', '0'), num('带动就业', 'jobs', '0'),
    text('合同编号', 'contractNo', 14),
    num('面积（亩）', 'areaMu'), num('每亩租金', 'rentPerMu'), num('每亩斤数', 'jinPerMu'), num('粮价（元/斤）', 'grainPrice'),
    pct('递增率', 'escalationRate'), num('递增间隔（年）', 'escalationEveryYears', '0'),
    money('入股金额', 'capital'), pct('保底收益率', 'floorRate'), pct('分红比例', 'shareRate'),
    { header: '分红方式', key: 'dividendMode', width: 10, numFmt: TEXT_FMT, validation: { list: ['取大', '保底加分红'] } }, money('合作社盈余', 'profit'),
    num('装机容量（kW）', 'capacityKw'), num('等效小时', 'hours'), pct('首年衰减', 'firstYearDegradation'), pct('年衰减', 'annualDegradation'), pct('弃光率', 'curtailment'),
    num('基础电价', 'baseTariff', '0.0000'), num('补贴电价', 'subsidyTariff', '0.0000'), num('补贴滞后（月）', 'subsidyLagMonths', '0'), pct('补贴到位率', 'subsidyPayRatio'),
    num('面积（平方米）', 'areaM2'), num('月租金（元/平方米）', 'rentPerM2Month'), pct('出租率', 'occupancy'),
    money('年收入', 'annualIncome'), pct('年增长率', 'growthRate'), text('收款日', 'paymentDates', 12), text('备注', 'note', 20),
  ],
} as const satisfies TypedTableSpec;

/** 规划情景 — one row per override: 情景 · 参数 (a 规划项目 header) · 项目 (blank = all) · 方式 (设为/增加/乘以) · 数值. */
export const PLAN_SCENARIOS = {
  sheet: '规划情景',
  table: 'PlanScenarios',
  columns: [
    text('情景', 'scenario', 16), text('参数', 'param', 16), text('项目', 'project', 16),
    { header: '方式', key: 'op', width: 8, numFmt: TEXT_FMT, validation: { list: ['设为', '增加', '乘以'] } }, num('数值', 'value'), text('说明', 'note', 30),
  ],
} as const satisfies TypedTableSpec;

/** 历年数据 — earlier years' actuals (from earlier books, `plan --history`). */
export const PLAN_HISTORY = {
  sheet: '历年数据',
  table: 'PlanHistory',
  columns: [num('年度', 'year', '0'), money('经营收入', 'operatingRevenue'), money('投资收益', 'investmentIncome'), money('集体经营性收入', 'operatingIncome'), money('补助收入', 'subsidyIncome'), text('来源', 'source', 30)],
} as const satisfies TypedTableSpec;

export const PLAN_TABLES: readonly TypedTableSpec[] = [PLAN_SETTINGS, PLAN_PROJECTS, PLAN_SCENARIOS, PLAN_HISTORY];
/** 规划测算 / 项目评估 / 情景分析 / 计划执行 — the generated plan sheets. */
export const PLAN_SHEETS = { projection: '规划测算', appraisal: '项目评估', scenarios: '情景分析', actual: '计划执行' } as const;
// ---- end of plan tables ----


/**
 * The ledger's typed-in tables `init` creates, in sheet order (合同's 48 columns are in contracts-layout.ts;
 * the plan tables are PLAN_TABLES, which `init` adds after these).
 */
export const TYPED_TABLES: readonly TypedTableSpec[] = [SETTINGS, ACCOUNTS, OPENING, VOUCHERS, CONTRACTS];

/** Generated sheet names (rebuilt whole by the engine). */
export const SHEETS = {
  chartList: CHART_LIST_SHEET,
  /** 科目余额表 — trial balance */
  trialBalance: '科目余额表',
  /** 总账 — general ledger */
  generalLedger: '总账',
  /** 明细账 — detail ledger */
  detailLedger: '明细账',
  /** 现金日记账 — cash day book */
  cashJournal: '现金日记账',
  /** 银行日记账 — bank day book */
  bankJournal: '银行日记账',
  /** 资产负债表 — balance sheet */
  balanceSheet: '资产负债表',
  /** 收益及收益分配表 — income and distribution statement */
  incomeStatement: '收益及收益分配表',
  /** 结转凭证 — closing vouchers (generated by year-end close) */
  closingVouchers: '结转凭证',
  /** 记账凭证 — the vouchers of a month range laid out for printing (print-vouchers) */
  voucherPrint: '记账凭证',
  /** 合同台账 / 应收计划 / 欠款明细 — income-source sheets (owned by the income-source layout) */
  contractLedger: '合同台账',
  receivablePlan: '应收计划',
  arrears: '欠款明细',
  /** 检查结果 — findings */
  findings: '检查结果',
} as const;

/** 乡镇汇总 — the generated sheets of a township consolidation workbook, in order (issue 13). */
export const TOWNSHIP_SHEETS = {
  cover: '封面', balanceSheet: '汇总资产负债表', incomeStatement: '汇总收益及收益分配表', sources: '收入来源',
  classes: '村级分类', yearOverYear: '同比', problems: '问题清单', statistics: '统计报表',
} as const;

/**
 * Where generated sheets go: after every typed-in sheet, in this order; a generated sheet not
 * listed here goes after the listed ones (before _meta).
 */
export const GENERATED_SHEET_ORDER: readonly string[] = [
  SHEETS.findings,
  SHEETS.trialBalance,
  SHEETS.balanceSheet,
  SHEETS.incomeStatement,
  SHEETS.generalLedger,
  SHEETS.detailLedger,
  SHEETS.cashJournal,
  SHEETS.bankJournal,
  SHEETS.closingVouchers,
  SHEETS.voucherPrint,
  SHEETS.contractLedger,
  SHEETS.receivablePlan,
  SHEETS.arrears,
  PLAN_SHEETS.projection,
  PLAN_SHEETS.appraisal,
  PLAN_SHEETS.scenarios,
  PLAN_SHEETS.actual,
  SHEETS.chartList,
  // A township workbook (meta kind 'township') holds only these.
  ...Object.values(TOWNSHIP_SHEETS),
];

// --- Host presentation: the same tabs and widths in Excel and in the .xlsx file ---

const SHEET_RANK = new Map(GENERATED_SHEET_ORDER.map((n, i) => [n, i]));

/**
 * Where a sheet belongs among the tabs: undefined for typed-in (and the user's own) sheets, which
 * come first; generated sheets in GENERATED_SHEET_ORDER, unlisted generated ones after them; the
 * hidden _meta last. `generated` names the sheets known to be generated.
 */
export function sheetRank(name: string, generated: ReadonlySet<string>): number | undefined {
  if (name === META_SHEET) return Number.MAX_SAFE_INTEGER;
  return SHEET_RANK.get(name) ?? (generated.has(name) ? GENERATED_SHEET_ORDER.length : undefined);
}

/**
 * The 0-based tab position for a new sheet `name` among the current tabs `order`: before the first
 * sheet that should follow it (a typed-in sheet goes before every generated sheet and _meta).
 */
export function sheetInsertIndex(order: readonly string[], name: string, generated: ReadonlySet<string>): number {
  const mine = sheetRank(name, generated);
  const at = order.findIndex((other) => {
    const r = sheetRank(other, generated);
    return r !== undefined && (mine === undefined || r > mine);
  });
  return at < 0 ? order.length : at;
}

/** Column width in characters: the spec's, or room for its (Chinese) header, at least 10. */
export function columnWidthChars(column: { header: string; width?: number }): number {
  return column.width ?? Math.max(10, column.header.length * 2 + 4);
}

/** 1-based worksheet row of a generated sheet's header row. */
export function generatedHeaderRow(sheet: Pick<GeneratedSheet, 'title'>): number {
  return sheet.title.length + 1;
}

/** 1-based worksheet row of `rows[0]` of a generated sheet (for formulas such as SUM(C5:C9)). */
export function generatedBodyFirstRow(sheet: Pick<GeneratedSheet, 'title'>): number {
  return sheet.title.length + 2;
}

/** 'A', 'B', … 'Z', 'AA' … for a 0-based column index (one home, in the core, so findings use it too). */
export { columnLetter } from '../core/column-letter';
