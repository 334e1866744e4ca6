/**
 * The 财务公开 panel in real headless Chromium on the standalone page: open the sample village,
 * generate 2025 Q3 with the national template, see the print view with the same figures the
 * engine computes in Node (and the golden file holds), and the disclosure findings, clickable to
 * the cell. Screenshot: test-output/screenshots/6-disclosure.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panePage, SHOTS, startPane, type PaneRig } from './helpers';


let rig: PaneRig;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  rig = await startPane();
  page = await panePage(rig.browser, pageErrors);
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('财务公开 panel (standalone)', () => {
  it('generates 2025 Q3 for the sample and shows the print view and the findings', async () => {
    await page.goto(`${rig.server.url}taskpane.html?sample=1`);
    await page.getByTestId('file-name').waitFor();
    await page.getByRole('tab', { name: '财务公开' }).click();
    await page.getByTestId('disclosure-period').selectOption('2025Q3');
    await page.getByRole('button', { name: '生成并检查公开表' }).click();
    await page.getByTestId('disclosure-sheet').first().waitFor({ timeout: 120_000 });

    const sheets = await page.getByTestId('disclosure-sheet').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
    expect(sheets).toEqual(['财务公开榜2025Q3', '收支逐笔公开榜2025Q3', '资产负债公开2025Q3', '债权债务公开2025Q3', '合同公开2025Q3', '光伏收益公开2025Q3']);
    const board = page.locator('[data-sheet="财务公开榜2025Q3"]');
    expect(await board.locator('h3').textContent()).toBe('青山镇示范村2025年第3季度财务公开榜');
    const rows = await board.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())));
    // The figures of tests/fixtures/disclosure/sample-2025Q3.json (checked by hand): 收入合计, 支出合计, 收支差额.
    expect(rows).toContainEqual(['收入合计', '6', '223,247.21', '602,281.58']);
    expect(rows).toContainEqual(['支出合计', '14', '192,860.00', '467,630.00']);
    expect(rows).toContainEqual(['三、收支差额', '15', '30,387.21', '134,651.58']);
    expect(await board.textContent()).toContain('收入合计（大写）：贰拾贰万叁仟贰佰肆拾柒元贰角壹分');

    // No 张榜日期 was given: each new sheet has a warning, which opens the sheet at its row.
    const findings = page.getByRole('list', { name: '检查结果' });
    await findings.waitFor();
    const items = findings.locator('li');
    expect(await items.count()).toBe(6);
    expect(await items.first().textContent()).toContain('没有填写张榜日期');
    await page.screenshot({ path: join(SHOTS, '6-disclosure.png'), fullPage: true });
    await items.first().getByRole('button').click();
    await page.getByTestId('preview-hit').waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
