/**
 * What the fidelity suites (tests/integration/fidelity*.test.ts) agree a writer may touch in a
 * workbook that is not only ours, and the checks they share on the parts it may touch.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cliSlow } from '../cli/run-cli';
import { xlsxToCsvRecalculated, xlsxToCsvSheets } from './libreoffice';
import { type Entries, records, text, zipEntries } from './xlsx-parts';

/**
 * LibreOffice opens `file` and, recalculating every formula, must get the values we cached in each
 * of the `generated` sheets it holds (资产负债表 among them); returns the recalculated sheets for
 * the suite's own figures. One LibreOffice at a time, each given 5 minutes: on a shared two-core
 * machine a conversion of a whole workbook has taken over the usual 2.
 */
export async function expectRecalculatedAsCached(file: string, generated: readonly string[]): Promise<Record<string, string[][]>> {
  const cached = await xlsxToCsvSheets(file, { asShown: true, timeoutMs: 300_000 });
  const recalculated = await xlsxToCsvRecalculated(file, 300_000);
  const ours = generated.filter((n) => n in cached);
  expect(ours).toContain('资产负债表');
  for (const name of ours) expect([name, recalculated[name]]).toEqual([name, cached[name]]);
  return recalculated;
}

/** The copy of a fixture a suite works on, beside the others in its temp folder. */
export const workFile = (fixture: string): string => fixture.replace(/\.xlsx$/, '.work.xlsx');

/** A step of a suite: its name, and the CLI arguments it runs on a file. */
export type Step = readonly [string, (file: string) => string[]];

/**
 * Runs each step with the real `cunzhang` on `file` in `dir`, which must exit 0, and calls `check`
 * with the file's entries before and after it; returns the JSON that `report --json` printed.
 */
export async function runSteps(dir: string, file: string, steps: readonly Step[], check: (step: string, before: Entries, after: Entries) => void): Promise<unknown> {
  let report: unknown;
  for (const [step, args] of steps) {
    const before = zipEntries(await readFile(join(dir, file)));
    const r = await cliSlow(dir, ...args(file));
    expect({ file, step, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ file, step, code: 0, stderr: '' });
    if (step === 'report') report = JSON.parse(r.stdout);
    check(step, before, zipEntries(await readFile(join(dir, file))));
  }
  return report;
}

/**
 * The bookkeeping parts any writer must touch to add or resize sheets: the package's content
 * types, the workbook and its relationships, the style and shared-string tables (append-only,
 * checked by rewrittenRecords), the calculation chain (may go: Excel rebuilds it) and the
 * document properties (sheet titles, modified date).
 */
export const BOOKKEEPING: ReadonlySet<string> = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
  'xl/calcChain.xml',
  'docProps/app.xml',
  'docProps/core.xml',
]);

/**
 * Tables that other sheets index into by position, so a writer may only add records at their
 * end: as [part, parent element, record element].
 */
export const APPEND_ONLY: readonly (readonly [string, string, string])[] = [
  ['xl/sharedStrings.xml', 'sst', 'si'],
  ['xl/styles.xml', 'cellXfs', 'xf'],
  ['xl/styles.xml', 'dxfs', 'dxf'],
  ['xl/styles.xml', 'numFmts', 'numFmt'],
];

/** The records of a table part that existed before and are no longer at the same index: how many, and the first. */
export function rewrittenRecords(before: Entries, after: Entries, part: string, parent: string, tag: string): string[] {
  if (!before.has(part)) return [];
  const old = records(text(before, part), parent, tag);
  const now = records(text(after, part), parent, tag);
  const moved = old.flatMap((r, i) => (now[i] === r ? [] : [i]));
  if (moved.length === 0) return [];
  const i = moved[0]!;
  return [`${part} <${parent}>: ${moved.length} of ${old.length} <${tag}> records rewritten, first #${i}: ${old[i]!.slice(0, 80)} → ${(now[i] ?? '(gone)').slice(0, 80)}`];
}

/** Every append-only table's records rewritten between the two files (see APPEND_ONLY). */
export function rewrittenTables(before: Entries, after: Entries): string[] {
  return APPEND_ONLY.flatMap(([part, parent, tag]) => rewrittenRecords(before, after, part, parent, tag));
}

/** Names of entries not in `owned` that were added, removed or changed between the two files. */
export function foreignChanges(before: Entries, after: Entries, owned: ReadonlySet<string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => !owned.has(n)).filter((n) => {
    const a = before.get(n);
    const b = after.get(n);
    return a === undefined || b === undefined || Buffer.compare(a, b) !== 0;
  }).sort();
}
