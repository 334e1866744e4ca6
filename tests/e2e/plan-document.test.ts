/**
 * The plan document (规划书) of the sample village in real headless Chromium: it renders (ECharts
 * SVG, no script), prints to an A4 PDF, and the PDF's text carries the key figures of the plan
 * JSON. The PDF and a screenshot are kept in test-output/ to be looked at.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { buildSampleBook } from '../../src/app/sample/build-sample';
import { buildPlan } from '../../src/app/plan';
import { planDocumentHtml } from '../../src/app/plan-document';
import { grouped, launchChromium } from './helpers';

const OUT = join(__dirname, '..', '..', 'test-output', 'plan');

/** Every page's text, as pdf.js reads it (the PDF's own text layer, not OCR). */
async function pdfText(path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  return text;
}

describe('plan document', () => {
  it('prints to PDF with the key figures', async () => {
    const wb = await createXlsxWorkbook();
    await buildSampleBook(wb);
    const plan = (await buildPlan(wb, { readOnly: true })).plan!;
    const html = planDocumentHtml(plan);
    expect(html).not.toContain('<script');
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
    await mkdir(OUT, { recursive: true });
    const htmlPath = join(OUT, '规划书.html');
    await writeFile(htmlPath, html, 'utf8');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
      await page.goto(`file://${htmlPath}`);
      await page.screenshot({ path: join(OUT, 'plan-document.png'), fullPage: true });
      await page.pdf({ path: join(OUT, '规划书.pdf'), format: 'A4', printBackground: true });
    } finally {
      await browser.close();
    }
    // The CJK font maps some characters to radical twins in the text layer (⽰ for 示: NFKC undoes those; ⻛ for 风: it does not).
    const twins: Record<string, string> = { '⻛': '风', '⻘': '青', '⻓': '长', '⻔': '门', '⻢': '马', '⻋': '车', '⻚': '页', '⻅': '见', '⻉': '贝', '⻝': '食', '⻜': '飞', '⻄': '西' };
    const text = (await pdfText(join(OUT, '规划书.pdf'))).normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (c) => twins[c] ?? c).replace(/[ \t]+/g, ' ');
    for (const section of ['一、现状', '二、目标', '三、项目', '四、资金来源', '五、收益测算', '六、情景与风险', '七、带贫益贫']) expect(text).toContain(section);
    expect(text).toContain('示范村集体经济发展规划');
    expect(text).toContain(`预计 ${plan.targetYear} 年达到`);
    expect(text).toContain(grouped(plan.plan.npv));
    expect(text).toContain(grouped(plan.plan.investment));
    expect(text).toContain(grouped(plan.years.at(-1)!.operatingIncome));
    expect(text).toContain(grouped(plan.base.operatingIncome!));
    for (const s of plan.scenarios) expect(text).toContain(grouped(s.npv));
    expect(text).toContain(`${(Number(plan.plan.coverage) * 100).toFixed(2)}%`);
  }, 300_000);
});
