/**
 * The committed sample workbook (assets/sample-village.xlsx) as LibreOffice sees it: every sheet
 * the same whether LibreOffice takes our cached formula results or recalculates them all, and
 * the balance sheet balancing in both columns.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balanceSheetFigures, xlsxToCsvRecalculated, xlsxToCsvSheets } from '../support/libreoffice';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample-village.xlsx');

describe('sample village workbook in LibreOffice', () => {
  it('recalculating every formula changes no cell of any sheet', async () => {
    const [cached, recalculated] = await Promise.all([xlsxToCsvSheets(SAMPLE, { asShown: true }), xlsxToCsvRecalculated(SAMPLE)]);
    const generated = ['科目余额表', '总账', '明细账', '现金日记账', '银行日记账', '资产负债表', '收益及收益分配表', '结转凭证', '合同台账', '应收计划', '欠款明细', '检查结果'];
    expect(Object.keys(cached)).toEqual(expect.arrayContaining(generated));
    for (const name of Object.keys(cached)) expect([name, recalculated[name]]).toEqual([name, cached[name]]);
    const bs = recalculated['资产负债表']!;
    const line = (label: string): string[] => balanceSheetFigures(bs, label);
    expect(line('资产总计')).toEqual(line('负债和所有者权益总计'));
    expect(line('资产总计')[0]).toBe('3,661,980.00');
  }, 240_000);
});
