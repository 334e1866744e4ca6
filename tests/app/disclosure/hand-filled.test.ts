/**
 * A hand-typed 2025 Q3 财务公开榜 (tests/app/disclosure/hand-filled.ts, written with ExcelJS, not by
 * our generator) validated against the national template and the sample's books: with five
 * planted slips it gives exactly five findings, at their cells; typed correctly, none.
 */
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../../src/app/validate-workbook';
import { nationalTemplate } from '../../../src/core/disclosure/templates';
import type { Finding } from '../../../src/core/findings';
import { createXlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { handFilledWorkbook } from './hand-filled';

async function disclosureFindings(mistakes: boolean): Promise<Finding[]> {
  const wb = await createXlsxWorkbook(await handFilledWorkbook({ mistakes }));
  const r = await validateWorkbook(wb, { template: nationalTemplate() });
  return r.findings.filter((f) => f.rule.startsWith('disclosure.'));
}

describe('hand-filled disclosure (三季度公开)', () => {
  it('typed correctly: no disclosure findings', async () => {
    expect(await disclosureFindings(false)).toEqual([]);
  });

  it('five planted slips: exactly five findings, each at its cell', async () => {
    const found = (await disclosureFindings(true)).map((f) => ({ rule: f.rule, sheet: f.sheet, cell: `${f.column ?? ''}${f.row ?? ''}` }));
    // Row numbers: title 1, unit 2, header 3, items from row 4 with 税金及附加 (row 12 when typed) left out,
    // so 管理费用 is on row 12, 公益性支出 on 13, the footer's 张榜日期 on 21.
    expect(found).toEqual(expect.arrayContaining([
      { rule: 'disclosure.late', sheet: '三季度公开', cell: 'A21' },
      { rule: 'disclosure.missing-item', sheet: '三季度公开', cell: 'A12' },
      { rule: 'disclosure.mislabeled', sheet: '三季度公开', cell: 'A13' },
      { rule: 'disclosure.total', sheet: '三季度公开', cell: 'D9' },
      { rule: 'disclosure.tie', sheet: '三季度公开', cell: 'C12' },
    ]));
    expect(found).toHaveLength(5);
  });

  it('the messages name the figures: 管理费用 54,630.00 against 54,360.00 in the books', async () => {
    const tie = (await disclosureFindings(true)).find((f) => f.rule === 'disclosure.tie');
    expect(tie?.zh).toBe('"管理费用"本期数公开数为54,630.00，账面数为54,360.00');
    expect(tie?.severity).toBe('error');
  });
});
