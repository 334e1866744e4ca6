/** Words of the 乡镇汇总 panel, zh-CN first (default) and en-US, kept apart from i18n.ts so panels merge cleanly. */
import { useMessages, type Lang } from './i18n';

const zh = {
  title: '乡镇汇总',
  hint: '选择或拖入本乡镇各村的村账簿（.xlsx，可多选）。文件只在本机处理，不会上传。',
  excelNote: '在 Excel 中，汇总结果写入当前打开的工作簿（请先新建一个空白工作簿，或打开上次的乡镇汇总工作簿）；村账簿文件只在本机读取。',
  writeHere: '写入当前工作簿',
  writing: '正在写入乡镇汇总表',
  written: '已写入：',
  drop: '把多个村账簿拖到这里',
  pick: '选择文件…',
  picked: (n: number) => `已选 ${n} 个文件`,
  clear: '清空',
  township: '乡镇（可不填）',
  year: '年度（可不填）',
  run: '开始汇总',
  running: '正在汇总各村账簿',
  summary: (found: number, included: number, excluded: number, covers: number) => `找到 ${found} 个文件，纳入 ${included} 个村，未纳入 ${excluded} 个；合计覆盖 ${covers} 个村`,
  totalIncome: (t: string) => `集体经营性收入合计 ${t} 元`,
  colVillage: '村',
  colFile: '文件',
  colClass: '类别',
  colIncome: '经营性收入',
  colFlags: '问题',
  excluded: '未纳入',
  noFlags: '无',
  details: (village: string) => `问题详情：${village}`,
  detailsClose: '关闭',
  download: '下载乡镇汇总工作簿',
  downloadName: (township: string, year: number) => `${township}-${year}-乡镇汇总.xlsx`,
  done: '汇总完成。',
  rules: {
    unreadable: '无法读取', 'wrong-year': '年度不符', 'wrong-township': '乡镇不符', duplicate: '重复工作簿', unbalanced: '报表不平',
    'lock-edited': '结账后被改动', 'village-error': '账簿有错误', shell: '空壳村', weak: '薄弱村', unclosed: '未年终结转', overdue: '欠款超标', statistics: '统计不符',
  } as Record<string, string>,
};

export type ConsolidationMessages = typeof zh;

const en: ConsolidationMessages = {
  title: 'Township consolidation',
  hint: 'Pick or drop the village workbooks of this township (.xlsx, several at once). Files stay on this computer.',
  excelNote: 'In Excel the township sheets are written into the open workbook (start from a new blank workbook, or last time\'s township workbook); the village files are read on this computer only.',
  writeHere: 'Write into this workbook',
  writing: 'Writing the township sheets',
  written: 'Written: ',
  drop: 'Drop village workbooks here',
  pick: 'Choose files…',
  picked: (n) => `${n} files chosen`,
  clear: 'Clear',
  township: 'Township (optional)',
  year: 'Year (optional)',
  run: 'Consolidate',
  running: 'Consolidating the village workbooks',
  summary: (found, included, excluded, covers) => `${found} files found, ${included} villages included, ${excluded} left out; totals cover ${covers} villages`,
  totalIncome: (t) => `Collective operating income, total ${t} yuan`,
  colVillage: 'Village',
  colFile: 'File',
  colClass: 'Class',
  colIncome: 'Operating income',
  colFlags: 'Problems',
  excluded: 'left out',
  noFlags: 'none',
  details: (village) => `Problems: ${village}`,
  detailsClose: 'Close',
  download: 'Download the township workbook',
  downloadName: (township, year) => `${township}-${year}-township.xlsx`,
  done: 'Consolidation done.',
  rules: {
    unreadable: 'unreadable', 'wrong-year': 'wrong year', 'wrong-township': 'wrong township', duplicate: 'duplicate workbook', unbalanced: 'unbalanced',
    'lock-edited': 'edited after lock', 'village-error': 'errors in the book', shell: 'shell village', weak: 'weak village', unclosed: 'year not closed', overdue: 'overdue arrears', statistics: 'statistics mismatch',
  },
};

export const CONSOLIDATION_MESSAGES: Record<Lang, ConsolidationMessages> = { 'zh-CN': zh, 'en-US': en };

export function useConsolidationMessages(): ConsolidationMessages {
  return CONSOLIDATION_MESSAGES[useMessages().lang];
}
