/**
 * 2004 → 2023 account mapping for opening the new books (财会〔2023〕20号 衔接规定, steps 1–4).
 * The official 附表 (新旧制度会计科目对照表) was not available to us; this table is built from the
 * two charts, the hkcd summary of deletions and splits, and DOMAIN.md §1 (research/domain-accounting.md
 * §1.3). Each rule says on what it rests. Where the destination depends on substance (a split account)
 * the rule lists sub-account name keywords; anything still unresolved is a finding, never a guess.
 */
export type MappingBasis = 'same' | 'renamed' | 'recoded' | 'split' | 'pnl' | 'none';

export interface MappingRule {
  from: string;
  /** Destination when no keyword decides; undefined = cannot be mapped automatically. */
  to?: string;
  basis: MappingBasis;
  /** For split accounts: a sub-account whose name contains a keyword goes to that code. */
  byName?: readonly { keywords: readonly string[]; to: string }[];
  note: string;
}

/**
 * 2004 sub-accounts carried at net book value (cost less amortisation credited to the asset) that
 * the 2023 chart carries at cost with 133 生产性生物资产累计折旧 beside: 产役畜 and 经济林木.
 */
export const AMORTISED_2004: readonly { root: string; keywords: readonly string[]; name: string }[] = [
  { root: '131', keywords: ['产役畜', '役畜', '产畜'], name: '产役畜' },
  { root: '132', keywords: ['经济林'], name: '经济林木' },
];
/** Where the grossed-up amortisation goes. */
export const ACCUMULATED_BIO_DEPRECIATION = '133';

export const MAPPING_2004_TO_2023: readonly MappingRule[] = [
  { from: '101', to: '101', basis: 'renamed', note: '现金 → 库存现金' },
  ...['102', '111', '112', '113', '121', '141', '151', '152', '161', '201', '221', '231', '241', '301', '311', '321', '322', '401'].map(
    (c): MappingRule => ({ from: c, to: c, basis: 'same', note: '同名同码' }),
  ),
  {
    from: '131', basis: 'split', note: '牲畜(禽)资产：幼畜及育肥畜 → 消耗性生物资产；产役畜 → 生产性生物资产',
    byName: [{ keywords: ['幼畜', '育肥'], to: '131' }, { keywords: ['产役畜', '役畜', '产畜'], to: '132' }],
  },
  {
    from: '132', basis: 'split', note: '林木资产：经济林木、薪炭林 → 生产性生物资产；非经济林木按用途（防护林 → 公益性生物资产，用材林 → 消耗性生物资产）',
    // 薪炭林 (fuel wood) is a productive biological asset under 财会〔2023〕14号 (132's 说明 names 经济林、薪炭林、产畜和役畜).
    byName: [{ keywords: ['经济林', '薪炭林'], to: '132' }, { keywords: ['防护', '公益'], to: '134' }, { keywords: ['用材'], to: '131' }],
  },
  { from: '153', to: '154', basis: 'recoded', note: '固定资产清理 153 → 154（与在建工程对调）' },
  { from: '154', to: '153', basis: 'recoded', note: '在建工程 154 → 153（与固定资产清理对调）' },
  { from: '171', basis: 'none', note: '拨付所属单位资金：171 在新制度是长期待摊费用，去向需人工确定（长期投资或内部往来）' },
  {
    // The transition rules treat 应付款 by substance: labour owed and taxes owed have their own 2023 accounts.
    from: '202', to: '211', basis: 'split', note: '应付款按内容拆分：劳务费 → 213 应付劳务费；税费 → 214 应交税费；其余 → 211 应付款',
    byName: [{ keywords: ['劳务'], to: '213' }, { keywords: ['税'], to: '214' }],
  },
  { from: '211', to: '212', basis: 'recoded', note: '应付工资 211 → 212' },
  { from: '212', basis: 'none', note: '应付福利费已取消，余额去向需人工确定' },
  // Income and expense accounts carry no balance after the 2023-12-31 close; these rules apply to a
  // trial balance taken before closing and say where the activity belongs under the new chart.
  { from: '501', to: '501', basis: 'pnl', note: '经营收入' },
  { from: '502', to: '511', basis: 'pnl', note: '经营支出 502 → 511' },
  {
    from: '511', basis: 'split', note: '发包及上交收入已取消：承包金/发包收入 → 经营收入；企业上交利润 → 投资收益',
    byName: [{ keywords: ['承包', '发包', '租'], to: '501' }, { keywords: ['上交', '利润', '分红'], to: '502' }],
  },
  { from: '521', basis: 'none', note: '农业税附加返还收入已取消' },
  { from: '522', to: '503', basis: 'pnl', note: '补助收入 522 → 503' },
  { from: '531', to: '504', basis: 'pnl', note: '其他收入 531 → 504' },
  { from: '541', to: '513', basis: 'pnl', note: '管理费用 541 → 513' },
  { from: '551', to: '515', basis: 'pnl', note: '其他支出 551 → 515（公益性支出应人工改入 514）' },
  { from: '561', to: '502', basis: 'pnl', note: '投资收益 561 → 502' },
];
