/** The 财务公开 panel's words, zh-CN first (the default) and en-US; picked by the pane's language. */
import { useMessages, type Lang } from './i18n';

const zh = {
  title: '财务公开',
  intro: '按公开模板从账簿生成本期的财务公开表（写入工作簿），并检查工作簿中所有公开表是否齐全、及时、与账相符。',
  period: '公开期间',
  template: '公开模板',
  generate: '生成并检查公开表',
  generating: '正在生成财务公开表',
  done: (n: number) => `已生成公开表 ${n} 张`,
  findingsTitle: '公开表检查结果',
  printView: '打印预览',
  print: '打印',
  needBook: '请先打开一个村账簿。',
  quarter: (y: number, q: number) => `${y}年第${q}季度`,
  month: (y: number, m: number) => `${y}年${m}月`,
  half: (y: number, h: number) => `${y}年${h === 1 ? '上' : '下'}半年`,
  year: (y: number) => `${y}年度（含收益分配）`,
  templateName: (name: string) => (name === 'national' ? '全国基线（2011 财务公开规定）' : name),
};

export type DisclosureMessages = typeof zh;

const en: DisclosureMessages = {
  title: 'Financial disclosure',
  intro: 'Generate the period\'s disclosure sheets from the books with a disclosure template (written into the workbook), and check every disclosure in the workbook: complete, on time, agreeing with the books.',
  period: 'Period',
  template: 'Template',
  generate: 'Generate and check',
  generating: 'Generating the disclosure sheets',
  done: (n: number) => `${n} disclosure sheets written`,
  findingsTitle: 'Disclosure findings',
  printView: 'Print preview',
  print: 'Print',
  needBook: 'Open a village workbook first.',
  quarter: (y: number, q: number) => `${y} Q${q}`,
  month: (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`,
  half: (y: number, h: number) => `${y} H${h}`,
  year: (y: number) => `${y} (with distribution)`,
  templateName: (name: string) => (name === 'national' ? 'National baseline (2011 rules)' : name),
};

const MESSAGES: Record<Lang, DisclosureMessages> = { 'zh-CN': zh, 'en-US': en };

export function useDisclosureMessages(): DisclosureMessages {
  return MESSAGES[useMessages().lang];
}
