/**
 * Chinese (zh-CN) descriptions of the CUN.* functions and their parameters, overlaid on the
 * generated functions.json to make functions.zh-CN.json (the manifest points zh-CN Excel to it
 * with a bt:Override). Function ids and names stay English in every language: a formula typed
 * as =CUN.BALANCE(...) must keep working in a workbook opened in another language, and localised
 * names fail when formulas are written through the API (office-js issue 891).
 * Keyed by function id, then parameter name; localize.ts fails the build when one is missing.
 */
export interface FunctionText {
  description: string;
  parameters: Readonly<Record<string, string>>;
}

const LEDGER_RANGES = {
  codes: '科目编码区域，每行一条分录。',
  debits: '借方金额区域，与科目编码区域大小相同。',
  credits: '贷方金额区域，与科目编码区域大小相同。',
} as const;

export const ZH_CN: Readonly<Record<string, FunctionText>> = {
  ACCOUNTNAME: {
    description: '科目名称：返回 2023 年《农村集体经济组织会计制度》一级科目的名称。',
    parameters: { code: '科目编码，例如 501。' },
  },
  BALANCE: {
    description: '科目余额：按分录区域计算某科目的借方净额（借方减贷方），贷方余额为负数。',
    parameters: {
      ...LEDGER_RANGES,
      account: '科目编码，例如 102 或 50101。',
      include_children: '是否包含下级科目（编码以该科目开头），TRUE 为默认，FALSE 只算本科目。',
    },
  },
  OPINCOME: {
    description: '集体经营性收入：501 经营收入与 502 投资收益（含下级科目）的贷方净额。',
    parameters: { ...LEDGER_RANGES },
  },
  CLASSIFY: {
    description: '村级分类：按集体经营性收入判定空壳村、薄弱村、一般村或富裕村。',
    parameters: {
      operating_income: '集体经营性收入（元）。',
      thresholds: '两个单元格：薄弱村上限与富裕村下限（元），默认 50000 与 200000。',
    },
  },
  LANDRENT: {
    description: '土地流转租金：面积 × 每亩租金 × (1 + 递增率)^取整((年度 − 起始年度) / 递增间隔)；填起始月份则按合同年度递增，跨递增的年度按月分段计算。',
    parameters: {
      area_mu: '流转面积（亩）。',
      rent_per_mu: '起始年度每亩租金（元）。',
      start_year: '合同起始年度。',
      year: '计算年度。',
      escalation_rate: '每次递增率，例如 0.05（默认 0）。',
      escalation_every_years: '递增间隔年数（默认 1）。',
      start_month: '合同起始月份（1–12）：按合同年度递增，与合同台账默认一致；不填则按自然年度递增。',
    },
  },
  GRAINRENT: {
    description: '实物折价租金：面积 × 每亩粮食斤数 × 每斤价格。',
    parameters: {
      area_mu: '流转面积（亩）。',
      jin_per_mu: '每亩折合粮食斤数。',
      price_per_jin: '基准日每斤粮食价格（元）。',
    },
  },
  PVYIELD: {
    description: '光伏发电量：装机容量 × 利用小时数 × (1 − 首年衰减) × (1 − 弃光率) × (1 − 年衰减)^(运行年度 − 1)。',
    parameters: {
      capacity_kw: '装机容量（千瓦）。',
      hours: '年等效利用小时数。',
      year: '运行年度，第一年为 1。',
      first_year_degradation: '首年衰减率，例如 0.02（默认 0）。',
      annual_degradation: '此后每年衰减率，例如 0.005（默认 0）。',
      curtailment: '弃光率（默认 0）。',
    },
  },
  PVINCOME: {
    description: '光伏电费收入（不含增值税）：发电量 × 含税电价 ÷ (1 + 增值税率)。',
    parameters: {
      kwh: '上网电量（千瓦时）。',
      tariff: '含税电价（元/千瓦时）。',
      vat_rate: '增值税率（默认 0.13）。',
    },
  },
  COOPDIVIDEND: {
    description: '入股分红（保底）：max 为 保底收益与按股分红取高；plus 为 保底收益 + 超出部分按比例二次分红。',
    parameters: {
      capital: '入股金额（元）。',
      floor_rate: '保底收益率，例如 0.06。',
      share_rate: '可分配盈余的分红比例，例如 0.1。',
      profit: '合作社当年可分配盈余（元）。',
      mode: '分红方式："max"（默认）或 "plus"。',
    },
  },
  LEASEINCOME: {
    description: '资产租赁收入：面积 × 每平方米月租金 × 月数 × 出租率 × (1 + 递增率)^取整((年度 − 起始年度) / 递增间隔)；填起始月份则按合同年度递增。',
    parameters: {
      area_m2: '出租面积（平方米）。',
      rent_per_m2_month: '起始年度每平方米月租金（元）。',
      start_year: '租赁起始年度。',
      year: '计算年度。',
      occupancy: '出租率（默认 1）。',
      escalation_rate: '每次递增率（默认 0）。',
      escalation_every_years: '递增间隔年数（默认 1）。',
      months: '当年出租月数（默认 12）。',
      start_month: '租赁起始月份（1–12）：按合同年度递增，与合同台账默认一致；不填则按自然年度递增。',
    },
  },
  NPV: {
    description: '净现值：第 0 年（投资）不折现，与 Excel 自带 NPV 不同；社会折现率一般取 0.08。',
    parameters: {
      rate: '年折现率，例如 0.08。',
      flows: '逐年净现金流，第 0 年（投资，负数）在前。',
    },
  },
  IRR: {
    description: '内部收益率：使净现值为零的折现率；现金流没有正负变化时返回 #NUM!。',
    parameters: { flows: '逐年净现金流，第 0 年在前。' },
  },
  PAYBACK: {
    description: '静态投资回收期（年），在收回当年内插；期内未收回时返回 #NUM!。',
    parameters: { flows: '逐年净现金流，第 0 年（投资）在前。' },
  },
};
