/**
 * The village workbook layout (version 1): sheet names (Chinese, what users see), stable table
 * names (what code uses), columns with their header labels, number formats and validation.
 * Both hosts (ExcelJS, Office.js) build sheets from these specs; codecs read rows by header label.
 *
 * Generated sheets are laid out the same way by every host: rows 1..title.length hold the title
 * lines, the next row is the header, the body starts right after (see `generatedBodyFirstRow`).
 * Formulas in generated sheets are written against that layout.
 */
import type { ColumnSpec, GeneratedSheet, TypedTableSpec } from './port';

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

export const MONEY_FMT = '#,##0.00';
export const TEXT_FMT = '@';
export const DATE_FMT = 'yyyy-mm-dd';

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

const codeColumn = (header: string, key: string): ColumnSpec => ({
  header,
  key,
  width: 12,
  numFmt: TEXT_FMT,
  validation: { range: ACCOUNT_CODE_RANGE },
});
const money = (header: string, key: string): ColumnSpec => ({ header, key, width: 16, numFmt: MONEY_FMT });
const text = (header: string, key: string, width = 14): ColumnSpec => ({ header, key, width, numFmt: TEXT_FMT });

/** 设置 — book settings as key/value rows. */
export const SETTINGS = {
  sheet: '设置',
  table: 'Settings',
  columns: [text('项目', 'key', 14), text('值', 'value', 24)],
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
    { header: '科目编码', key: 'code', width: 12, numFmt: TEXT_FMT },
    text('科目名称', 'name', 24),
  ],
} as const satisfies TypedTableSpec;

/** 凭证 — one row per voucher line; rows with the same month and 凭证号 form one voucher. */
export const VOUCHERS = {
  sheet: '凭证',
  table: 'Vouchers',
  columns: [
    { header: '日期', key: 'date', width: 12, numFmt: DATE_FMT },
    text('凭证号', 'number', 10),
    text('摘要', 'summary', 28),
    codeColumn('科目编码', 'account'),
    money('借方金额', 'debit'),
    money('贷方金额', 'credit'),
    text('合同编号', 'contract', 14),
    text('往来单位', 'counterparty', 18),
    { header: '附件数', key: 'attachments', width: 8, numFmt: '0' },
    text('制单人', 'preparer', 10),
    text('审核人', 'reviewer', 10),
    text('冲销凭证', 'reverses', 14),
  ],
} as const satisfies TypedTableSpec;

/** 期初余额 — opening balances at the start of the fiscal year. */
export const OPENING = {
  sheet: '期初余额',
  table: 'Opening',
  columns: [codeColumn('科目编码', 'account'), text('科目名称', 'name', 24), money('借方余额', 'debit'), money('贷方余额', 'credit')],
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
 * The ledger's typed-in tables, in sheet order. (合同/Contracts belongs to the income-source
 * layout; the plan tables are PLAN_TABLES, which `init` adds after these.)
 */
export const TYPED_TABLES: readonly TypedTableSpec[] = [SETTINGS, ACCOUNTS, OPENING, VOUCHERS];

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
  /** 合同台账 / 应收计划 / 欠款明细 — income-source sheets (owned by the income-source layout) */
  contractLedger: '合同台账',
  receivablePlan: '应收计划',
  arrears: '欠款明细',
  /** 检查结果 — findings */
  findings: '检查结果',
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
  SHEETS.contractLedger,
  SHEETS.receivablePlan,
  SHEETS.arrears,
  PLAN_SHEETS.projection,
  PLAN_SHEETS.appraisal,
  PLAN_SHEETS.scenarios,
  PLAN_SHEETS.actual,
  SHEETS.chartList,
];

/** 1-based worksheet row of a generated sheet's header row. */
export function generatedHeaderRow(sheet: Pick<GeneratedSheet, 'title'>): number {
  return sheet.title.length + 1;
}

/** 1-based worksheet row of `rows[0]` of a generated sheet (for formulas such as SUM(C5:C9)). */
export function generatedBodyFirstRow(sheet: Pick<GeneratedSheet, 'title'>): number {
  return sheet.title.length + 2;
}

/** 'A', 'B', … 'Z', 'AA' … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
