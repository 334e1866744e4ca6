/**
 * Round-trip fidelity over workbooks that Excel and WPS saved (tests/fixtures/xlsx-corpus/foreign;
 * sources and licences in the README one folder up). Our layout is not in them, so each is first
 * adopted the way a user's own workbook is: `cunzhang init --existing` adds our sheets to a copy
 * of the pristine file (the committed fixture stays as Excel or WPS left it). Then the real CLI
 * imports opening balances and vouchers, closes the year and reports. After the adoption and after
 * every command:
 *  - every entry the foreign program wrote, bookkeeping parts aside, is byte-identical to the
 *    pristine file's (decompressed bytes per entry name); the test names the entries that changed;
 *  - the shared-string and style tables only grew at their end, since the pristine file and since
 *    the step before (the program's own cells index into them);
 *  - in the bookkeeping parts, what the program wrote is still there: its sheets first and in
 *    order, its active tab, defined names, pivot caches and workbook extensions, its content
 *    types and workbook relationships (the calculation chain may go: Excel rebuilds it).
 * Then the figures equal hand-worked ones and those of the same commands on a book `init` made,
 * and LibreOffice headless, recalculating every formula, gets the cached values we wrote.
 */
import { readdirSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEETS } from '../../src/workbook/layout';
import { cliSlow, type CliRun } from '../cli/run-cli';
import { BOOKKEEPING, foreignChanges, rewrittenRecords, rewrittenTables, expectRecalculatedAsCached, runSteps, workFile, type Step } from '../support/fidelity';
import { balanceSheetFigures } from '../support/libreoffice';
import { attrs, type Entries, records, relsOf, sheetParts, text, zipEntries } from '../support/xlsx-parts';

const FOREIGN = join(__dirname, '..', 'fixtures', 'xlsx-corpus', 'foreign');

/** What docProps/app.xml says saved each fixture; a file added to the folder must be listed here (and in the README). */
const SAVED_BY: Record<string, string> = {
  'excel-mac-phonetic.xlsx': 'Microsoft Macintosh Excel',
  'excel-xlsx-populate-template.xlsx': 'Microsoft Excel',
  'wps-hyperlinks.xlsx': 'WPS 表格',
  'wps-office-comments.xlsx': 'WPS Office',
};

const VILLAGE = { village: '示例村', township: '青山镇', year: 2025 };

// Opening: assets 2,000.00 + 50,000.00 = 52,000.00 = 资本 52,000.00.
const OPENING_CSV = `科目编码,科目名称,借方余额,贷方余额
101,库存现金,2000.00,
102,银行存款,50000.00,
301,资本,,52000.00
`;

// One voucher a month, each numbered 1 (numbers run per month), so no gap warnings.
const VOUCHERS_CSV = `日期,凭证号,摘要,科目编码,借方金额,贷方金额
2025-03-10,1,收到上级补助,102,12345.67,
2025-03-10,1,收到上级补助,503,,12345.67
2025-06-30,1,提取备用金,101,800.00,
2025-06-30,1,提取备用金,102,,800.00
2025-09-15,1,购买办公用品,513,1200.00,
2025-09-15,1,购买办公用品,101,,1200.00
`;

const STEPS: readonly Step[] = [
  ['import --opening', (f) => ['import', f, '--opening', 'opening.csv']],
  ['import', (f) => ['import', f, 'vouchers.csv']],
  ['close', (f) => ['close', f, '--year', '2025']],
  ['report', (f) => ['report', f, '--json']],
];

/** Adoption first: a user's own workbook made a village book, then the same steps. */
const ADOPT: Step = ['adopt', (f) => ['init', f, '--existing', '--village', VILLAGE.village, '--township', VILLAGE.township, '--year', String(VILLAGE.year)]];

const GENERATED: readonly string[] = Object.values(SHEETS);

/**
 * Style tables indexed by position besides APPEND_ONLY's: a foreign styles.xml has fonts, fills,
 * borders and cell-style formats of its own that its cells and dxfs point into.
 */
const STYLE_TABLES: readonly (readonly [string, string])[] = [
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
];

const isCalcChain = (s: string): boolean => /calcChain/i.test(s);

/** Elements of a bookkeeping part as comparable strings: the attributes of each start tag (plus the text of a definedName). */
function startTags(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>`, 'g'))].map((m) => JSON.stringify(attrs(m[0])));
}

/** The raw XML of the first top-level `<tag>…</tag>` after `after` in a part ('' when absent). */
function element(xml: string, tag: string, after = ''): string {
  const from = after === '' ? 0 : xml.indexOf(after);
  return new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`).exec(xml.slice(Math.max(from, 0)))?.[0] ?? '';
}

/** What the foreign program wrote into the bookkeeping parts that must still be there. */
function keptInBookkeeping(pristine: Entries, after: Entries): string[] {
  const problems: string[] = [];
  const wasSheets = [...sheetParts(pristine).keys()];
  const nowSheets = [...sheetParts(after).keys()];
  if (JSON.stringify(nowSheets.slice(0, wasSheets.length)) !== JSON.stringify(wasSheets)) problems.push(`sheets were ${wasSheets.join('、')}, now begin ${nowSheets.slice(0, wasSheets.length).join('、')}`);
  const [wbWas, wbNow] = [text(pristine, 'xl/workbook.xml'), text(after, 'xl/workbook.xml')];
  const activeTab = (xml: string): string => /<workbookView\b[^>]*\sactiveTab="(\d+)"/.exec(xml)?.[1] ?? '0';
  if (activeTab(wbNow) !== activeTab(wbWas)) problems.push(`activeTab was ${activeTab(wbWas)}, now ${activeTab(wbNow)}`);
  const names = records(wbNow, 'definedNames', 'definedName');
  for (const n of records(wbWas, 'definedNames', 'definedName')) if (!names.includes(n)) problems.push(`definedName gone: ${n}`);
  // The workbook's own extLst comes after </sheets>; a sheet-level one cannot be in workbook.xml.
  for (const tag of ['pivotCaches', 'extLst', 'externalReferences']) {
    const was = element(wbWas, tag, '</sheets>');
    if (was !== '' && element(wbNow, tag, '</sheets>') !== was) problems.push(`workbook.xml <${tag}> changed`);
  }
  const types = startTags(text(after, '[Content_Types].xml'), '(?:Default|Override)');
  for (const t of startTags(text(pristine, '[Content_Types].xml'), '(?:Default|Override)')) {
    if (!types.includes(t) && !isCalcChain(t)) problems.push(`content type gone: ${t}`);
  }
  const rels = relsOf(after, 'xl/workbook.xml').map((r) => JSON.stringify(r));
  for (const r of relsOf(pristine, 'xl/workbook.xml')) {
    if (!rels.includes(JSON.stringify(r)) && r.type !== 'calcChain') problems.push(`workbook relationship gone: ${JSON.stringify(r)}`);
  }
  for (const [parent, tag] of STYLE_TABLES) problems.push(...rewrittenRecords(pristine, after, 'xl/styles.xml', parent, tag));
  // The styles part's own extensions (slicer and table styles, x14 dxfs) after the last table.
  const stylesExt = element(text(pristine, 'xl/styles.xml'), 'extLst', '</cellStyles>');
  if (stylesExt !== '' && !text(after, 'xl/styles.xml').includes(stylesExt)) problems.push('styles.xml <extLst> changed');
  return problems;
}

/** Everything the test asks of `after` against the pristine file and the step before. */
function problemsAfter(step: string, pristine: Entries, before: Entries, after: Entries): string[] {
  // Ours: the bookkeeping parts, and whatever entry the pristine file did not have.
  const owned = new Set([...BOOKKEEPING, ...[...after.keys()].filter((n) => !pristine.has(n))]);
  return [
    ...foreignChanges(pristine, after, owned).map((n) => `${n} changed`),
    ...rewrittenTables(pristine, after),
    ...rewrittenTables(before, after),
    ...keptInBookkeeping(pristine, after),
  ].map((p) => `${step}: ${p}`);
}

let dir: string;
let freshReport: unknown;

/** The real `cunzhang` in `dir`. */
const cli = (...args: string[]): Promise<CliRun> => cliSlow(dir, ...args);


beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-fidelity-foreign-'));
  await writeFile(join(dir, 'opening.csv'), OPENING_CSV);
  await writeFile(join(dir, 'vouchers.csv'), VOUCHERS_CSV);
  // The same commands on a book `init` made from nothing: what every adopted file must report.
  const init = await cli('init', 'fresh.xlsx', '--village', VILLAGE.village, '--township', VILLAGE.township, '--year', String(VILLAGE.year));
  expect(init.code).toBe(0);
  freshReport = await runSteps(dir, 'fresh.xlsx', STEPS, () => undefined);
}, 600_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixtures = readdirSync(FOREIGN).filter((f) => f.endsWith('.xlsx')).sort();

describe('the foreign corpus', () => {
  it('holds the Excel- and WPS-saved files the README describes, each saying which program saved it', async () => {
    expect(fixtures).toEqual(Object.keys(SAVED_BY).sort());
    for (const f of fixtures) {
      const app = /<Application>([^<]*)<\/Application>/.exec(text(zipEntries(await readFile(join(FOREIGN, f))), 'docProps/app.xml'))?.[1];
      expect([f, app]).toEqual([f, SAVED_BY[f]]);
    }
  });

  it('the same commands on a book init made give the hand-worked figures', () => {
    const report = freshReport as {
      trialBalance: { code: string; openingDebit: string; periodDebit: string; periodCredit: string; closingDebit: string; closingCredit: string }[];
      balanceSheet: { key: string; begin: string; end: string }[];
    };
    const line = (code: string) => report.trialBalance.find((l) => l.code === code);
    // 102: opening 50,000.00; +12,345.67 (subsidy, March) −800.00 (cash drawn, June) → 61,545.67.
    expect(line('102')).toMatchObject({ openingDebit: '50000.00', periodDebit: '12345.67', periodCredit: '800.00', closingDebit: '61545.67' });
    // 101: opening 2,000.00; +800.00 (June) −1,200.00 (office supplies, September) → 1,600.00.
    expect(line('101')).toMatchObject({ openingDebit: '2000.00', periodDebit: '800.00', periodCredit: '1200.00', closingDebit: '1600.00' });
    // The close: income 12,345.67 − expense 1,200.00 = 净收益 11,145.67 through 321 into 322 (32202 未分配收益).
    expect(line('321')).toMatchObject({ periodDebit: '11145.67', periodCredit: '11145.67', closingDebit: '0.00', closingCredit: '0.00' });
    expect(line('322')).toMatchObject({ periodCredit: '11145.67', closingCredit: '11145.67' });
    // 资产总计: 52,000.00 at the start; 61,545.67 + 1,600.00 = 63,145.67 at the end,
    // = 资本 52,000.00 + 未分配收益 11,145.67.
    const bs = (key: string) => report.balanceSheet.find((l) => l.key === key);
    expect(bs('totalAssets')).toMatchObject({ begin: '52000.00', end: '63145.67' });
    expect(bs('totalLiabilitiesAndEquity')).toMatchObject({ begin: '52000.00', end: '63145.67' });
  });
});

describe.each(fixtures)('%s', (fixture) => {
  it('init --existing, then import, close and report: every entry the program wrote stays byte-identical, and the figures are right', async () => {
    const pristine = zipEntries(await readFile(join(FOREIGN, fixture)));
    await copyFile(join(FOREIGN, fixture), join(dir, workFile(fixture)));
    const problems: string[] = [];
    const report = await runSteps(dir, workFile(fixture), [ADOPT, ...STEPS], (step, before, after) => problems.push(...problemsAfter(step, pristine, before, after)));
    expect(problems).toEqual([]);
    expect(report).toEqual(freshReport);
  }, 600_000);

  it('LibreOffice, recalculating every formula, gets our cached values', async () => {
    const recalculated = await expectRecalculatedAsCached(join(dir, workFile(fixture)), GENERATED);
    const bs = recalculated['资产负债表']!;
    // 年初数 and 期末数 as hand-worked above.
    expect(balanceSheetFigures(bs, '资产总计')).toEqual(['52,000.00', '63,145.67']);
    expect(balanceSheetFigures(bs, '负债和所有者权益总计')).toEqual(['52,000.00', '63,145.67']);
  }, 900_000);
});
