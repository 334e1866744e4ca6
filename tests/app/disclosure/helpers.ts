/** Shared by the disclosure tests: the sample village workbook, and tables as golden JSON. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DisclosureTable } from '../../../src/core/disclosure/model';
import { fenToString } from '../../../src/core/money';
import { toChineseCapitals } from '../../../src/core/money-capitals';
import { createXlsxWorkbook, type XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';

export const ROOT = join(__dirname, '..', '..', '..');
export const GOLDEN_DIR = join(ROOT, 'tests', 'fixtures', 'disclosure');

export async function sampleBytes(): Promise<Buffer> {
  return readFile(join(ROOT, 'assets', 'sample-village.xlsx'));
}

export async function openSample(): Promise<XlsxWorkbook> {
  return createXlsxWorkbook(await sampleBytes());
}

/** A table as golden JSON: money as exact two-decimal strings, everything else as generated. */
export function goldenOf(t: DisclosureTable): unknown {
  return {
    sheet: t.sheet,
    title: t.title,
    subtitle: t.subtitle,
    columns: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => r.cells.map((c, i) => (t.columns[i]?.kind === 'money' && typeof c === 'number' ? fenToString(c) : c))),
    capitals: t.capitals.map((c) => [c.label, fenToString(c.fen), toChineseCapitals(c.fen)]),
  };
}
