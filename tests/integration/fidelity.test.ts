/**
 * Round-trip fidelity over workbooks that other programs wrote (tests/fixtures/xlsx-corpus,
 * README there): on a copy of each, the real CLI runs `import` (4 voucher lines), `close --year
 * 2025` and `report --json`. After each command:
 *  - every zip entry that is not ours is byte-identical to before (decompressed bytes per entry
 *    name); the test names the entries that changed;
 *  - the shared-string and style tables only grew at their end (user sheets index into them);
 *  - our typed-in sheets keep their other relationships (comments, drawings) as they were.
 * Then the figures equal those of the same commands on our own sample, and LibreOffice headless,
 * recalculating every formula, gets the cached values we wrote.
 *
 * "Ours" per command: the sheets that command writes (import: 凭证 and its table; close and
 * report: the generated sheets and their tables), _meta, and the bookkeeping parts any writer
 * must touch to add or resize sheets (BOOKKEEPING in tests/support/fidelity.ts).
 */
import { readdirSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_SHEET, SHEETS, VOUCHERS } from '../../src/workbook/layout';
import { balanceSheetFigures } from '../support/libreoffice';
import { BOOKKEEPING, foreignChanges, rewrittenTables, expectRecalculatedAsCached, runSteps, workFile } from '../support/fidelity';
import { type Entries, relsOf, relsPathOf, sheetParts } from '../support/xlsx-parts';

const CORPUS = join(__dirname, '..', 'fixtures', 'xlsx-corpus');
const REFERENCE = 'exceljs-sample.xlsx';

// December vouchers 32 and 33 follow the sample's last December number (31), so no gap warning.
const VOUCHERS_CSV = `日期,凭证号,摘要,科目编码,借方金额,贷方金额
2025-12-30,32,收到上级补助,102,12345.67,
2025-12-30,32,收到上级补助,503,,12345.67
2025-12-31,33,提取备用金,101,800.00,
2025-12-31,33,提取备用金,102,,800.00
`;

const GENERATED: readonly string[] = Object.values(SHEETS);

interface Step {
  args: (file: string) => string[];
  /** The sheets this command may write. */
  writes: readonly string[];
}
const STEPS: Record<string, Step> = {
  import: { args: (f) => ['import', f, 'vouchers.csv'], writes: [VOUCHERS.sheet, META_SHEET] },
  close: { args: (f) => ['close', f, '--year', '2025'], writes: [...GENERATED, META_SHEET] },
  report: { args: (f) => ['report', f, '--json'], writes: [...GENERATED, META_SHEET] },
};

/** The entries that `sheets` own in either file: their worksheet parts, rels and table parts. */
function ownedEntries(files: Entries[], sheets: readonly string[]): Set<string> {
  const owned = new Set(BOOKKEEPING);
  for (const entries of files) {
    const parts = sheetParts(entries);
    for (const name of sheets) {
      const part = parts.get(name);
      if (part === undefined) continue;
      owned.add(part).add(relsPathOf(part));
      for (const r of relsOf(entries, part)) if (r.type === 'table') owned.add(r.target);
    }
  }
  return owned;
}

/** Relationships of our typed-in sheets that are not table parts (comments, drawings, links), as "sheet type target". */
function otherRelsOfTyped(entries: Entries, sheets: readonly string[]): string[] {
  const parts = sheetParts(entries);
  return sheets.flatMap((s) => {
    const part = parts.get(s);
    return part === undefined ? [] : relsOf(entries, part).filter((r) => r.type !== 'table').map((r) => `${s} ${r.type} ${r.target}`);
  }).sort();
}

let dir: string;
let referenceReport: unknown;

async function runPipeline(fixture: string, check: (step: string, before: Entries, after: Entries) => void): Promise<unknown> {
  const file = workFile(fixture);
  await copyFile(join(CORPUS, fixture), join(dir, file));
  return runSteps(dir, file, Object.entries(STEPS).map(([step, { args }]) => [step, args] as const), check);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-fidelity-'));
  await writeFile(join(dir, 'vouchers.csv'), VOUCHERS_CSV);
  referenceReport = await runPipeline(REFERENCE, () => undefined);
}, 600_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the reference run on our own sample', () => {
  it('books the 4 imported lines: 银行存款 and 库存现金 by hand', () => {
    const tb = (referenceReport as { trialBalance: { code: string; periodDebit: string; periodCredit: string; closingDebit: string }[] }).trialBalance;
    const line = (code: string) => tb.find((l) => l.code === code);
    // Before the import (sample report): 102 debit 992,252.92, credit 733,070.00, closing 645,602.92.
    // +12,345.67 debit (voucher 32), +800.00 credit (voucher 33): 1,004,598.59 / 733,870.00 / 657,148.59.
    expect(line('102')).toMatchObject({ periodDebit: '1004598.59', periodCredit: '733870.00', closingDebit: '657148.59' });
    // 101 before: debit 13,000.00, closing 1,090.00; +800.00 → 13,800.00 and 1,890.00.
    expect(line('101')).toMatchObject({ periodDebit: '13800.00', closingDebit: '1890.00' });
  });
});

const fixtures = readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx') && f !== REFERENCE).sort();

describe.each(fixtures)('%s', (fixture) => {
  it('import, close and report leave every entry not ours byte-identical, and the figures right', async () => {
    const problems: string[] = [];
    const report = await runPipeline(fixture, (step, before, after) => {
      const writes = STEPS[step]!.writes;
      for (const n of foreignChanges(before, after, ownedEntries([before, after], writes))) problems.push(`${step}: ${n} changed`);
      for (const r of rewrittenTables(before, after)) problems.push(`${step}: ${r}`);
      const typed = writes.filter((s) => !GENERATED.includes(s));
      const [was, now] = [otherRelsOfTyped(before, typed), otherRelsOfTyped(after, typed)];
      if (JSON.stringify(was) !== JSON.stringify(now)) problems.push(`${step}: relationships of ${typed.join('、')} were ${was.join('; ')}, now ${now.join('; ')}`);
    });
    expect(problems).toEqual([]);
    expect(report).toEqual(referenceReport);
  }, 600_000);

  it('LibreOffice, recalculating every formula, gets our cached values', async () => {
    const recalculated = await expectRecalculatedAsCached(join(dir, workFile(fixture)), GENERATED);
    const bs = recalculated['资产负债表']!;
    const line = (label: string): string[] => balanceSheetFigures(bs, label);
    expect(line('资产总计')).toEqual(line('负债和所有者权益总计'));
  }, 900_000);
});
