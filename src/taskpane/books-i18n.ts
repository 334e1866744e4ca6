/**
 * Words of the 账簿 panel's newer parts (the month picker, the amount switch of the narrow
 * statements, 新年度建账, the 记账凭证 print view, 从2004年制度转换), zh-CN first and en-US.
 */
import { useMessages, type Lang } from './i18n';

const zh = {
  prevYear: '上一年',
  nextYear: '下一年',
  pickMonth: '选择月份',
  /** The narrow statements show one amount column; this switch picks which. */
  showColumn: '显示',
  groupOpening: '期初',
  groupPeriod: '本期',
  groupClosing: '期末',
  newYearTitle: '新年度建账',
  newYearIntro: (y: number) => `从已年终结账的 ${y} 年度账簿建立 ${y + 1} 年度账簿：期初余额等于本年期末余额，明细科目、在执行的合同和设置一并带入。新账簿作为一个新的 .xlsx 文件保存到本机，本年度账簿不会改动。`,
  newYearRun: (y: number) => `建立 ${y + 1} 年度新账簿`,
  newYearBusy: '正在建立下一年度账簿',
  newYearDone: (y: number, balances: number, contracts: number) => `已建立 ${y} 年度账簿并下载：期初余额 ${balances} 个科目，在执行合同 ${contracts} 份。本年度账簿没有改动。`,
  newYearFileName: (village: string, y: number) => `${village}-${y}-账簿.xlsx`,
  newYearExcel: '在 Excel 中：新年度账簿会作为一个新的 .xlsx 文件下载（当前工作簿不变）。下载后在 Excel 中打开该文件，再从“村账”按钮打开本窗格继续记账。如果 Excel 没有出现下载，请在浏览器中打开本窗格（独立模式）打开本年度文件再建立，或用命令 cunzhang new-year。',
  printTitle: '打印记账凭证',
  printIntro: '选择月份范围，预览标准格式的记账凭证，每张 A4 纸 2 或 3 张，再打印归档。',
  printFrom: '从',
  printTo: '到',
  perPage: '每页张数',
  printShow: '预览凭证',
  printBusy: '正在准备记账凭证',
  printReady: (n: number) => `共 ${n} 张凭证，可以打印`,
  print: '打印',
  printClose: '关闭预览',
  from2004: '从2004年制度科目余额表转换',
  from2004Hint: '选择旧账 2023 年末的科目余额表（.csv 或 .xlsx，列：科目编码、科目名称、期末借方、期末贷方，可选 累计摊销）。能对应的余额转入新账的期初余额；不能对应的列在检查结果里，请手工补记。',
  from2004Pick: '选择科目余额表…',
  from2004None: '还没有选择文件',
  from2004Chosen: (name: string) => `已选择：${name}`,
  from2004Done: (village: string, converted: number, unmapped: number) =>
    `已建立账簿：${village}，转入期初余额 ${converted} 行${unmapped > 0 ? `；${unmapped} 项余额未能转换，见检查结果` : ''}`,
};

export type BooksMessages = typeof zh;

const en: BooksMessages = {
  prevYear: 'Previous year',
  nextYear: 'Next year',
  pickMonth: 'Pick a month',
  showColumn: 'Show',
  groupOpening: 'Opening',
  groupPeriod: 'Period',
  groupClosing: 'Closing',
  newYearTitle: 'Start the next year',
  newYearIntro: (y: number) => `From the closed ${y} book, build the ${y + 1} book: opening balances equal this year's closing balances; sub-accounts, running contracts and settings come along. The new book is saved as a new .xlsx file on this computer; this year's book is not changed.`,
  newYearRun: (y: number) => `Build the ${y + 1} book`,
  newYearBusy: 'Building the next year\'s book',
  newYearDone: (y: number, balances: number, contracts: number) => `The ${y} book was built and downloaded: ${balances} opening balances, ${contracts} running contracts. This year's book is unchanged.`,
  newYearFileName: (village: string, y: number) => `${village}-${y}-book.xlsx`,
  newYearExcel: 'In Excel: the next year\'s book is downloaded as a new .xlsx file (this workbook stays as it is). Open that file in Excel, then open this pane from the Cunzhang button. If Excel shows no download, open this pane in a browser (standalone mode) with this year\'s file, or run cunzhang new-year.',
  printTitle: 'Print vouchers',
  printIntro: 'Pick a range of months, preview the vouchers in the standard layout, 2 or 3 to an A4 page, and print them for the archive.',
  printFrom: 'From',
  printTo: 'To',
  perPage: 'Per page',
  printShow: 'Preview vouchers',
  printBusy: 'Preparing the vouchers',
  printReady: (n: number) => `${n} vouchers ready to print`,
  print: 'Print',
  printClose: 'Close preview',
  from2004: 'Convert from a 2004-system trial balance',
  from2004Hint: 'Pick the old book\'s trial balance at the end of 2023 (.csv or .xlsx; columns 科目编码, 科目名称, 期末借方, 期末贷方, optional 累计摊销). Balances that map become the new book\'s opening balances; those that do not are listed in the findings to book by hand.',
  from2004Pick: 'Pick the trial balance…',
  from2004None: 'No file picked yet',
  from2004Chosen: (name: string) => `Picked: ${name}`,
  from2004Done: (village: string, converted: number, unmapped: number) =>
    `Workbook set up: ${village}, ${converted} opening balances converted${unmapped > 0 ? `; ${unmapped} balances not converted, see the findings` : ''}`,
};

const MESSAGES: Record<Lang, BooksMessages> = { 'zh-CN': zh, 'en-US': en };

export function booksMessages(lang: Lang): BooksMessages {
  return MESSAGES[lang];
}

export function useBooksMessages(): BooksMessages {
  return MESSAGES[useMessages().lang];
}
