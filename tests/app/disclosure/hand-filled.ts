/**
 * A disclosure typed by hand, the way a village accountant fills the township's form in Excel:
 * written cell by cell with ExcelJS into a copy of the sample workbook, NOT by our generator.
 * Labels are typed with the usual variations (a space in 项 目, full-width 1．, （4）, 第三季度);
 * the figures are the Q3 figures read off the books. `mistakes` plants five slips.
 */
import ExcelJS from 'exceljs';
import { sampleBytes } from './helpers';

type Row = [label: string, period?: number | null, ytd?: number | null];

/** 2025 Q3 of 示范村, typed from the 2025Q3 科目余额表: 本期数, 本年累计数. */
const BOARD: Row[] = [
  ['一、各项收入'],
  ['1．经营收入', 172487.21, 484334.26],
  ['2.投资收益', 0, 5027.32],
  ['3、补助收入', 45000, 105000],
  ['（4）其他收入', 5760, 7920],
  ['收入合计', 223247.21, 602281.58],
  ['二、各项支出'],
  ['经营支出', 26090, 49100],
  ['税金及附加', 580, 1710],
  ['管理费用', 54360, 171050],
  ['公益支出', 111830, 245770],
  ['其他支出', null, null],
  ['所得税费用', 0, 0],
  ['支出合计', 192860, 467630],
  ['三、收支差额', 30387.21, 134651.58],
];

export interface HandFilledOptions {
  mistakes: boolean;
}

/**
 * The five planted slips (with `mistakes`): 税金及附加 left out (a missing item); 收入合计's 本年累计数
 * typed 602,218.58 for 602,281.58 (a wrong total); 管理费用's 本期数 typed 54,630.00 for 54,360.00 (does
 * not tie to the books); 公益支出 typed as 公益性支出 (mislabeled); posted on 2025-10-20, after the
 * 15-day deadline of 2025-10-15 (late).
 */
export async function handFilledWorkbook(opts: HandFilledOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await sampleBytes()) as unknown as ArrayBuffer);
  const ws = wb.addWorksheet('三季度公开');
  ws.addRow(['青山镇示范村2025年第三季度财务公开榜']);
  ws.addRow(['编制单位：青山镇示范村', null, null, '单位：元']);
  ws.addRow(['项 目', '行次', '本期数', '本年累计数']);
  let line = 0;
  for (const [label, period, ytd] of BOARD) {
    line += 1;
    if (opts.mistakes && label === '税金及附加') continue;
    const typedLabel = opts.mistakes && label === '公益支出' ? '公益性支出' : label;
    let p = period ?? null;
    let y = ytd ?? null;
    if (opts.mistakes && label === '管理费用') p = 54630;
    if (opts.mistakes && label === '收入合计') y = 602218.58;
    ws.addRow([typedLabel, line, p, y]);
  }
  ws.addRow([]);
  ws.addRow(['收入合计（大写）：贰拾贰万叁仟贰佰肆拾柒元贰角壹分']);
  ws.addRow(['制表：李会计', null, '审核：王主任', '民主理财小组：张三']);
  ws.addRow([opts.mistakes ? '张榜日期：2025年10月20日' : '张榜日期：2025年10月12日']);
  ws.getColumn(1).width = 24;
  for (const c of [3, 4]) ws.getColumn(c).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
