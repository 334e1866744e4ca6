/**
 * 统计报表 — the 农经 statistical table of village income distribution (村集体经济组织收益分配,
 * 农市(经)年综6表, 2008 edition, 国统制[2008]27号), as data: line codes, what feeds each line
 * from our 2023 statements, and the edition's balance rules (7=1+2+3−4−5 …), so a newer edition
 * is a data change. Source: research/disclosure-and-statistics.md §3.1 (the rules and lines
 * 22–28 are the notice's text; codes 1–21 are inferred from the rules and the indicator list).
 */
import type { Fen } from '../money';
import type { IncomeStatementKey } from '../statements/income-statement';

/** What feeds a money line: Σ sign × income-statement line (by key), or a named village value. */
export interface StatFeed {
  readonly key: IncomeStatementKey | 'landIncome' | 'cadrePay';
  readonly sign: 1 | -1;
}

export interface StatLine {
  readonly code: number;
  readonly label: string;
  /** 'money' lines in fen; 'count' lines count villages. */
  readonly unit: 'money' | 'count';
  /** Money lines: Σ of these per village. A line without feeds or band is defined by its rule. */
  readonly feeds?: readonly StatFeed[];
  /** Count lines: the villages in this band (see StatEdition.bands). */
  readonly band?: string;
}

export interface StatRule {
  /** The line the rule balances, e.g. 7. */
  readonly code: number;
  readonly terms: readonly (readonly [code: number, sign: 1 | -1])[];
  /** When set, the line must also equal this income-statement line (a cross-check with our statement). */
  readonly equalsStatement?: IncomeStatementKey;
}

/** A village's figures a band looks at: 本年收益 (net result) and 经营收益, in fen. */
export interface BandFigures {
  netResult: Fen;
  operatingResult: Fen;
}

/** A band counts a village when every bound given holds: min inclusive, below exclusive, in fen. */
export interface StatBand {
  readonly key: string;
  readonly netResult?: { readonly min?: Fen; readonly below?: Fen };
  readonly operatingResult?: { readonly min?: Fen; readonly below?: Fen };
}

export interface StatEdition {
  readonly name: string;
  readonly source: string;
  /** In evaluation order: a line defined by a rule comes after the lines it sums. */
  readonly lines: readonly StatLine[];
  readonly rules: readonly StatRule[];
  readonly bands: readonly StatBand[];
}

const is = (key: IncomeStatementKey, sign: 1 | -1 = 1): StatFeed => ({ key, sign });

/**
 * The 2023 chart has no 发包及上交收入: land contracting income books to 501. Line 2 takes the
 * land source of 501 and line 1 the rest, so 1 + 2 is still 经营收入. The 2008 form's 其他支出
 * covers what the 2023 chart splits into 公益支出, 其他支出 and 所得税费用; 税金及附加 is an
 * operating cost (line 4). 提取应付福利费 and 外来投资分利 have no 2023 account: they stay 0.
 */
export const STAT_2008: StatEdition = {
  name: '农市(经)年综6表 村集体经济组织收益分配（2008年版，国统制[2008]27号）',
  source: '农业部办公厅关于布置2008年农村集体经济统计报表制度的通知（填报说明：指标平衡关系）',
  lines: [
    { code: 1, label: '一、经营收入', unit: 'money', feeds: [is('operatingRevenue'), { key: 'landIncome', sign: -1 }] },
    { code: 2, label: '发包及上交收入', unit: 'money', feeds: [{ key: 'landIncome', sign: 1 }] },
    { code: 3, label: '投资收益', unit: 'money', feeds: [is('investmentIncome')] },
    { code: 4, label: '经营支出', unit: 'money', feeds: [is('operatingExpenses'), is('taxesAndSurcharges')] },
    { code: 5, label: '管理费用', unit: 'money', feeds: [is('adminExpenses')] },
    { code: 6, label: '其中：干部报酬', unit: 'money', feeds: [{ key: 'cadrePay', sign: 1 }] },
    { code: 7, label: '二、经营收益', unit: 'money' },
    { code: 8, label: '补助收入', unit: 'money', feeds: [is('subsidyIncome')] },
    { code: 9, label: '其他收入', unit: 'money', feeds: [is('otherIncome')] },
    { code: 10, label: '其他支出', unit: 'money', feeds: [is('publicWelfareExpenses'), is('otherExpenses'), is('incomeTax')] },
    { code: 11, label: '三、本年收益', unit: 'money' },
    { code: 12, label: '年初未分配收益', unit: 'money', feeds: [is('retainedOpening')] },
    { code: 13, label: '其他转入', unit: 'money', feeds: [is('otherTransfersIn')] },
    { code: 14, label: '四、可分配收益', unit: 'money' },
    { code: 16, label: '提取公积公益金', unit: 'money', feeds: [is('toReserve')] },
    { code: 17, label: '提取应付福利费', unit: 'money', feeds: [] },
    { code: 18, label: '外来投资分利', unit: 'money', feeds: [] },
    { code: 19, label: '农户分配', unit: 'money', feeds: [is('toMembers')] },
    { code: 20, label: '其他', unit: 'money', feeds: [is('otherDistributions')] },
    { code: 15, label: '五、各项分配', unit: 'money' },
    { code: 21, label: '六、年末未分配收益', unit: 'money' },
    { code: 23, label: '当年无收益的村', unit: 'count', band: 'none' },
    { code: 24, label: '当年有收益的村', unit: 'count', band: 'some' },
    { code: 26, label: '集体收益5万元以下的村', unit: 'count', band: 'under50k' },
    { code: 27, label: '集体收益5-10万元的村', unit: 'count', band: '50k-100k' },
    { code: 28, label: '集体收益10万元以上的村', unit: 'count', band: 'over100k' },
    { code: 25, label: '其中：有集体经营收益的村', unit: 'count', band: 'operating' },
    { code: 22, label: '汇入本表村数', unit: 'count', band: 'all' },
  ],
  rules: [
    { code: 7, terms: [[1, 1], [2, 1], [3, 1], [4, -1], [5, -1]], equalsStatement: 'operatingResult' },
    { code: 11, terms: [[7, 1], [8, 1], [9, 1], [10, -1]], equalsStatement: 'netResult' },
    { code: 14, terms: [[11, 1], [12, 1], [13, 1]], equalsStatement: 'distributable' },
    { code: 15, terms: [[16, 1], [17, 1], [18, 1], [19, 1], [20, 1]] },
    { code: 21, terms: [[14, 1], [15, -1]], equalsStatement: 'retainedClosing' },
    { code: 22, terms: [[23, 1], [24, 1]] },
    { code: 25, terms: [[26, 1], [27, 1], [28, 1]] },
  ],
  // 有收益 is 本年收益 above zero; the 集体收益 bands are of 经营收益 among those villages.
  bands: [
    { key: 'all' },
    { key: 'none', netResult: { below: 1 } },
    { key: 'some', netResult: { min: 1 } },
    { key: 'operating', netResult: { min: 1 }, operatingResult: { min: 1 } },
    { key: 'under50k', netResult: { min: 1 }, operatingResult: { min: 1, below: 5_000_000 } },
    { key: '50k-100k', netResult: { min: 1 }, operatingResult: { min: 5_000_000, below: 10_000_000 } },
    { key: 'over100k', netResult: { min: 1 }, operatingResult: { min: 10_000_000 } },
  ],
};

/** A village as the statistical table reads it: its income statement by key and two named figures. */
export interface StatVillage {
  statement: Readonly<Record<IncomeStatementKey, Fen>>;
  landIncome: Fen;
  cadrePay: Fen;
}

export interface StatRow {
  code: number;
  label: string;
  unit: 'money' | 'count';
  /** Fen for money lines, a number of villages for count lines. */
  value: number;
  /** The rule text when a rule balances this line, e.g. '7=1+2+3-4-5'. */
  rule?: string;
  /** False when the rule or the cross-check with our statement does not hold. */
  ok: boolean;
  /** The value is the rule's (the line has no feeds or band of its own), so a sheet may write it as the rule's formula. */
  byRule: boolean;
}

export function ruleText(r: StatRule): string {
  return `${r.code}=${r.terms.map(([c, s], i) => `${s < 0 ? '-' : i === 0 ? '' : '+'}${c}`).join('')}`;
}

function inBand(b: StatBand, v: BandFigures): boolean {
  const within = (x: Fen, r?: { min?: Fen; below?: Fen }): boolean => r === undefined || ((r.min === undefined || x >= r.min) && (r.below === undefined || x < r.below));
  return within(v.netResult, b.netResult) && within(v.operatingResult, b.operatingResult);
}

function feedValue(f: StatFeed, v: StatVillage): Fen {
  if (f.key === 'landIncome') return f.sign * v.landIncome;
  if (f.key === 'cadrePay') return f.sign * v.cadrePay;
  return f.sign * v.statement[f.key];
}

/**
 * The statistical table over the included villages, with every rule checked. A line a rule
 * defines (no feeds, no band) takes the rule's value; any other line with a rule is checked
 * against it; `equalsStatement` checks the line against the sum of our statement line.
 */
export function statisticalReport(villages: readonly StatVillage[], edition: StatEdition = STAT_2008): StatRow[] {
  const value = new Map<number, number>();
  const ruleOf = new Map(edition.rules.map((r) => [r.code, r]));
  const rows: StatRow[] = [];
  for (const l of edition.lines) {
    const rule = ruleOf.get(l.code);
    const byRule = rule ? rule.terms.reduce((t, [c, s]) => {
      const x = value.get(c);
      if (x === undefined) throw new RangeError(`statistical line ${l.code} refers to line ${c}, which is not defined before it`);
      return t + s * x;
    }, 0) : undefined;
    let v: number;
    if (l.band !== undefined) {
      const band = edition.bands.find((b) => b.key === l.band);
      if (!band) throw new RangeError(`statistical line ${l.code}: no band ${l.band}`);
      v = villages.filter((x) => inBand(band, { netResult: x.statement.netResult, operatingResult: x.statement.operatingResult })).length;
    } else if (l.feeds !== undefined) v = villages.reduce((t, x) => t + l.feeds!.reduce((s, f) => s + feedValue(f, x), 0), 0);
    else if (byRule !== undefined) v = byRule;
    else throw new RangeError(`statistical line ${l.code} has neither feeds, band nor rule`);
    let ok = byRule === undefined || byRule === v;
    if (rule?.equalsStatement !== undefined) ok &&= v === villages.reduce((t, x) => t + x.statement[rule.equalsStatement!], 0);
    value.set(l.code, v || 0);
    const row: StatRow = { code: l.code, label: l.label, unit: l.unit, value: v || 0, ok, byRule: l.band === undefined && l.feeds === undefined };
    if (rule) row.rule = ruleText(rule);
    rows.push(row);
  }
  return rows;
}
