/**
 * What `cunzhang consolidate` prints: the --json summary and the short text one. Apart from
 * consolidate.ts (the command's definition, loaded by every run of the CLI, `--help` included),
 * so the money module and decimal.js load only when a consolidation has run.
 */
import { VILLAGE_CLASSES } from '../../core/consolidate/classify';
import type { Consolidation } from '../../core/consolidate/consolidate';
import { SOURCE_KEYS } from '../../core/consolidate/sources';
import { fenToString } from '../../core/money';
import type { Io } from '../main';

/** The --json summary: amounts as exact strings with two decimals. */
export function summaryJson(c: Consolidation, output: string): unknown {
  return {
    township: c.township,
    year: c.year,
    output,
    found: c.found,
    covers: c.totals.covers,
    included: c.included.map((v) => ({ file: v.file, village: v.village, class: v.classCode, classZh: VILLAGE_CLASSES[v.classCode].zh, operatingIncome: fenToString(v.operatingIncome) })),
    excluded: c.excluded.map((e) => ({ file: e.file, village: e.village || null, reasons: e.zh, reasonsEn: e.en })),
    totals: {
      operatingIncome: fenToString(c.totals.operatingIncome),
      sources: Object.fromEntries(SOURCE_KEYS.map((k) => [k, fenToString(c.totals.sources[k])])),
      incomeStatement: Object.fromEntries(Object.entries(c.totals.incomeStatement).map(([l, a]) => [l, fenToString(a)])),
      balanceSheet: Object.fromEntries(Object.entries(c.totals.balanceSheet).map(([l, a]) => [l, { begin: fenToString(a.begin), end: fenToString(a.end) }])),
    },
    classCounts: c.classCounts,
    problems: c.problems,
  };
}

export function printSummary(io: Io, c: Consolidation, output: string): void {
  const errors = c.problems.filter((p) => p.severity === 'error').length;
  io.out.write(`${c.township} ${c.year}年度：找到 ${c.found} 个文件，纳入 ${c.included.length} 个村，未纳入 ${c.excluded.length} 个 / found ${c.found}, included ${c.included.length}, left out ${c.excluded.length}\n`);
  for (const e of c.excluded) io.out.write(`  未纳入 left out: ${e.file}${e.village ? `（${e.village}）` : ''}：${e.zh.join('；')}\n`);
  io.out.write(`集体经营性收入合计 ${fenToString(c.totals.operatingIncome)} 元（覆盖 ${c.totals.covers} 个村）；问题 ${c.problems.length} 项（错误 ${errors}）\n`);
  io.out.write(`已写入 ${output} / wrote ${output}\n`);
}
