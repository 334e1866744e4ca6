/**
 * The township sees each village's 财务公开 findings: a village that posted its Q4 disclosure and
 * then deposited 500.00 of cash in the bank in Q4 has a disclosure that no longer ties to its books, so
 * 问题清单 lists it for that village (a warning: the village still counts in the totals).
 */
import { describe, expect, it } from 'vitest';
import { buildDisclosure } from '../../src/app/disclose';
import { consolidateVillages } from '../../src/app/consolidate';
import { nationalTemplate } from '../../src/core/disclosure/templates';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { VOUCHERS } from '../../src/workbook/layout';
import { villageBytes } from '../support/township-fixtures';

describe('consolidation lists disclosure findings', () => {
  it('a disclosure that no longer ties to the books appears in 问题清单 for its village, which stays included', async () => {
    const wb = await createXlsxWorkbook(await villageBytes({ village: '东村' }));
    const d = await buildDisclosure(wb, { period: '2025Q4', template: nationalTemplate() });
    expect(d.ok).toBe(true);
    // 12 December, after the board was posted: 500.00 cash paid into the bank (no income or expense, so the closed year stays right).
    await wb.appendRows(VOUCHERS, [
      ['2025-12-12', '98', '现金存入银行', '102', 500, null, null, null, null, null, null, null],
      ['2025-12-12', '98', '现金存入银行', '101', null, 500, null, null, null, null, null, null],
    ]);
    const bytes = await wb.toBytes();
    const c = await consolidateVillages([{ label: '东村.xlsx', open: () => createXlsxWorkbook(bytes) }], { year: 2025, township: '青山镇' });
    const listed = c.problems.filter((p) => p.rule === 'township.disclosure');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((p) => p.village === '东村' && !p.excluded && p.sheet !== '' && p.zh.startsWith('财务公开：'))).toBe(true);
    expect(c.included.map((v) => v.village)).toEqual(['东村']);
  });
});
