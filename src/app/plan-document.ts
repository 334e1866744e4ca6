/**
 * 规划书 — the plan document a township asks for: one self-contained, printable A4 HTML page in
 * Chinese (现状、目标、项目、资金来源、收益测算、情景与风险、带贫益贫), drawn from the plan JSON.
 * Charts are Apache ECharts (its modular core) rendered to SVG strings (server-side mode, no DOM), so the file needs
 * no script, no network and no fonts beyond the system's to print or save as PDF.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { FUNDING_SOURCES } from '../core/plan/model';
import type { PlanJson } from './plan-json';
import { actualTotals, fenOfAmount, hasOtherIncome, incomeSources, OTHER_INCOME_ZH, SOURCE_COLORS, wanOf } from './plan-view';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "1234567.50" → "1,234,567.50". */
export function yuanText(amount: string): string {
  const neg = amount.startsWith('-');
  const [int = '0', dec = '00'] = (neg ? amount.slice(1) : amount).split('.');
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}
const pct = (rate: string | null, places = 2): string => (rate === null ? '—' : `${(Number(rate) * 100).toFixed(places)}%`);

// Only what the three charts draw: bars, a line, title, legend and grid, to SVG. (The full
// build would also bring maps, whose GeoJSON parser carries a `new Function` fallback.)
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

function svgChart(option: echarts.EChartsCoreOption, width = 680, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Title, legend, grid and a category x-axis: the frame every column chart here shares. */
function columnFrame(title: string, categories: string[]): echarts.EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value' },
  };
}

/** 集体经营性收入 by source, stacked by year, with the target line. */
export function incomeChartOption(p: PlanJson): echarts.EChartsCoreOption {
  const years = p.years.map((y) => String(y.year));
  return {
    ...columnFrame('集体经营性收入（万元）', years),
    series: [
      ...incomeSources(p).map((s) => ({ name: s.kindZh, type: 'bar', stack: 'income', itemStyle: { color: SOURCE_COLORS[s.kind] }, data: p.years.map((y) => wanOf(fenOfAmount(y.bySource[s.kind] ?? '0'))) })),
      ...(hasOtherIncome(p) ? [{ name: OTHER_INCOME_ZH, type: 'bar', stack: 'income', itemStyle: { color: SOURCE_COLORS.otherIncome }, data: p.years.map((y) => wanOf(fenOfAmount(y.otherIncome))) }] : []),
      { name: '年度目标', type: 'line', itemStyle: { color: SOURCE_COLORS.target }, data: p.years.map((y) => (y.target === null ? null : wanOf(fenOfAmount(y.target)))) },
    ],
  };
}

/** Plan versus booked income by quarter (all projects). */
export function actualChartOption(p: PlanJson): echarts.EChartsCoreOption | undefined {
  const totals = actualTotals(p, 'quarter');
  if (totals.length === 0) return undefined;
  return {
    ...columnFrame('计划与实际（万元，按季度）', totals.map((t) => t.period)),
    series: [
      { name: '计划', type: 'bar', itemStyle: { color: '#91caff' }, data: totals.map((t) => wanOf(t.plan)) },
      { name: '实际入账', type: 'bar', itemStyle: { color: '#0958d9' }, data: totals.map((t) => wanOf(t.actual)) },
    ],
  };
}

/** Tornado: plan NPV at −20% and +20% of each driver, against the base. */
export function tornadoChartOption(p: PlanJson): echarts.EChartsCoreOption {
  const base = Number(p.sensitivity.base.npv) / 10000;
  const rows = [...p.sensitivity.rows].reverse();
  const at = (r: (typeof rows)[number], step: string): number => Number(r.cases.find((c) => c.step === step)?.npv ?? p.sensitivity.base.npv) / 10000 - base;
  return {
    title: { text: `净现值敏感性（万元，相对基准 ${base.toFixed(2)}）`, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 110, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.zh) },
    series: [
      { name: '−20%', type: 'bar', stack: 's', itemStyle: { color: '#ff7875' }, data: rows.map((r) => Number(at(r, '-0.2').toFixed(2))) },
      { name: '+20%', type: 'bar', stack: 's', itemStyle: { color: '#95de64' }, data: rows.map((r) => Number(at(r, '0.2').toFixed(2))) },
    ],
  };
}

function table(head: string[], rows: (string | number)[][], cls = ''): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' || /^-?[\d,]+\.\d+%?$|^-?\d+(\.\d+)?%$/.test(String(c)) ? ' class="n"' : ''}>${esc(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const CSS = `@page{size:A4;margin:16mm 14mm}body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:10.5pt;color:#111;margin:0 auto;max-width:182mm}
h1{text-align:center;font-size:20pt;margin:4mm 0}h2{font-size:13pt;border-bottom:1px solid #333;margin:6mm 0 2mm;break-after:avoid}p{margin:1.5mm 0;line-height:1.6}
table{border-collapse:collapse;width:100%;margin:2mm 0;font-size:9pt;break-inside:auto}th,td{border:1px solid #666;padding:1mm 1.5mm}th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}
tr{break-inside:avoid}.chart{text-align:center;break-inside:avoid}.chart svg{max-width:100%;height:auto}.meta{text-align:center;color:#444}.key{font-weight:bold}`;

/** The plan document as one HTML string. */
export function planDocumentHtml(p: PlanJson): string {
  const name = `${p.village}${p.village.endsWith('村') ? '' : '村'}集体经济发展规划`;
  const first = p.years[0];
  const last = p.years.at(-1);
  const st = p.settings;
  const fresh = p.projects.filter((x) => !x.existing);
  const existing = p.projects.filter((x) => x.existing);
  const sumFunding = (key: string): number => fresh.reduce((t, x) => t + Number(x.funding[key] ?? 0), 0);
  const totalInvestment = Number(p.plan.investment);
  const baseText = p.base.operatingIncome === null ? `基期（${p.base.year}年）集体经营性收入暂无数据。` : `基期（${p.base.year}年）集体经营性收入 <span class="key">${yuanText(p.base.operatingIncome)}</span> 元。`;
  const targetText = p.finalTarget === null ? '本规划未设定收入目标。' : p.targetYear === null ? `规划目标为集体经营性收入 ${yuanText(p.finalTarget)} 元，按现有项目测算，规划期内<span class="key">尚不能达到</span>，需补充项目。` : `规划目标为集体经营性收入 ${yuanText(p.finalTarget)} 元，预计 <span class="key">${p.targetYear} 年</span>达到。`;
  const changes = p.classChanges.length === 0 ? '规划期内村级分类不变。' : p.classChanges.map((c) => `${c.year}年由${c.fromZh}变为${c.toZh}`).join('；') + '。';
  const actualChart = actualChartOption(p);
  const restricted = p.years.reduce((t, y) => t + Number(y.restricted), 0);
  const parts = [
    `<h1>${esc(name)}（${st.firstYear}—${st.lastYear}年）</h1>`,
    `<p class="meta">${esc(p.township)} · ${esc(p.village)} · 测算情景：${esc(p.scenario)} · 折现率 ${pct(st.discountRate, 0)}</p>`,
    '<h2>一、现状</h2>',
    `<p>全村 ${st.households} 户、${st.population} 人，其中脱贫户和监测户 ${st.lowIncomeHouseholds} 户。${baseText}已签订合同 ${existing.length} 份，规划首年（${first?.year ?? ''}）按合同测算的集体经营性收入 ${first ? yuanText(first.operatingIncome) : '—'} 元，村级分类为${first?.classZh ?? '—'}。</p>`,
    p.history.length > 0 ? table(['年度', '集体经营性收入（元）'], p.history.map((h) => [h.year, yuanText(h.operatingIncome)])) : '',
    '<h2>二、目标</h2>',
    `<p>${targetText}${changes}</p>`,
    table(['年度', '目标（元）', '测算收入（元）', '是否达标', '村级分类'], p.years.map((y) => [y.year, y.target === null ? '—' : yuanText(y.target), yuanText(y.operatingIncome), y.meetsTarget === null ? '—' : y.meetsTarget ? '达标' : '未达标', y.classZh])),
    '<h2>三、项目</h2>',
    `<p>规划新增项目 ${fresh.length} 个，总投资 <span class="key">${yuanText(p.plan.investment)}</span> 元。</p>`,
    table(['项目', '类型', '开工', '总投资（元）', '年均净收益（元）', '简单收益率', '净现值（元）', '内部收益率', '回收期（年）'],
      fresh.map((x) => [x.name, x.kindZh, x.startYear, yuanText(x.investment), yuanText(x.averageNet), pct(x.simpleYield), yuanText(x.npv), pct(x.irr), x.payback ?? '—'])),
    '<h2>四、资金来源</h2>',
    table(['来源', '金额（元）', '占比'], FUNDING_SOURCES.filter((f) => sumFunding(f.key) !== 0).map((f) => [f.zh, yuanText(sumFunding(f.key).toFixed(2)), totalInvestment > 0 ? `${((sumFunding(f.key) / totalInvestment) * 100).toFixed(2)}%` : '—'])),
    '<h2>五、收益测算</h2>',
    `<p>规划期末（${last?.year ?? ''}年）集体经营性收入 <span class="key">${last ? yuanText(last.operatingIncome) : '—'}</span> 元；新增项目合计净现值 <span class="key">${yuanText(p.plan.npv)}</span> 元，内部收益率 ${pct(p.plan.irr)}，静态回收期 ${p.plan.payback ?? '—'} 年。</p>`,
    `<div class="chart">${svgChart(incomeChartOption(p))}</div>`,
    table(['年度', '经营性收入', '运营成本', '贷款利息', '净收益', '限定用途', '累计现金'], p.years.map((y) => [y.year, yuanText(y.operatingIncome), yuanText(y.runningCost), yuanText(y.interest), yuanText(y.net), yuanText(y.restricted), yuanText(y.cumulativeCash)])),
    actualChart ? `<div class="chart">${svgChart(actualChart, 680, 260)}</div>` : '',
    '<h2>六、情景与风险</h2>',
    table(['情景', '说明', '净现值（元）', '内部收益率', '达标年份', '末年收入（元）'], p.scenarios.map((s) => [s.name, s.note || '—', yuanText(s.npv), pct(s.irr), s.targetYear ?? '未达标', yuanText(s.lastYearIncome)])),
    p.sensitivity.rows.length > 0 ? `<div class="chart">${svgChart(tornadoChartOption(p), 680, Math.max(200, 60 + 28 * p.sensitivity.rows.length))}</div>` : '',
    `<p>收入来源结构：${p.plan.sources.filter((s) => s.share !== '0').map((s) => `${s.kindZh} ${pct(s.share)}`).join('，')}。单一来源占比过高时，应注意集中风险。</p>`,
    '<h2>七、带贫益贫</h2>',
    `<p>新增项目受益 ${p.plan.households} 户，带贫益贫覆盖率 <span class="key">${pct(p.plan.coverage)}</span>（受益户数 ÷ 脱贫户和监测户，最高计为100%）；带动就业 ${fresh.reduce((t, x) => t + x.jobs, 0)} 人；规划期限定用途收益（光伏等）${yuanText(restricted.toFixed(2))} 元，用于公益岗位、小型公益事业和奖励补助，不得平均分配。户均年净收益 ${p.plan.perHousehold === null ? '—' : yuanText(p.plan.perHousehold)} 元，人均 ${p.plan.perCapita === null ? '—' : yuanText(p.plan.perCapita)} 元。</p>`,
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(name)}</title><style>${CSS}</style></head><body>${parts.join('\n')}</body></html>`;
}
