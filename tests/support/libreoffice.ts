/**
 * Reads an .xlsx through LibreOffice (headless), the way a third program sees our files: every
 * sheet exported to CSV. By default with the cached formula results (LibreOffice does not
 * recalculate xlsx on load by default); with `recalculate`, a profile whose registry sets
 * Calc/Formula/Load/OOXMLRecalcMode = 0 ("always"), so every formula we wrote is computed by
 * LibreOffice itself. A fresh user profile per call avoids lock conflicts between parallel tests.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../src/workbook/voucher-import';

const run = promisify(execFile);

/** CSV export filter: comma, '"', UTF-8 (76), from line 1, raw values (not as shown), all sheets (-1; LibreOffice ≥ 7.2). */
const FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const FILTER_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

/**
 * Every sheet of `xlsxPath` as rows of strings, keyed by sheet name (hidden sheets included).
 * `asShown` exports formatted text ('60,000.00') instead of raw values ('60000');
 * `recalculate` makes LibreOffice compute every formula on load (and implies `asShown`).
 */
export async function xlsxToCsvSheets(
  xlsxPath: string,
  opts: { asShown?: boolean; recalculate?: boolean; timeoutMs?: number } = {},
): Promise<Record<string, string[][]>> {
  const work = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    const profile = join(work, 'profile');
    if (opts.recalculate) {
      await mkdir(join(profile, 'user'), { recursive: true });
      await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    }
    const out = join(work, 'out');
    const filter = opts.asShown || opts.recalculate ? FILTER_AS_SHOWN : FILTER;
    await run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', out, xlsxPath], {
      timeout: opts.timeoutMs ?? 120_000,
    });
    const stem = basename(xlsxPath).replace(/\.xlsx$/i, '');
    const sheets: Record<string, string[][]> = {};
    for (const f of await readdir(out)) {
      if (!f.startsWith(`${stem}-`) || !f.endsWith('.csv')) continue;
      sheets[f.slice(stem.length + 1, -4)] = parseCsv(await readFile(join(out, f), 'utf8'));
    }
    return sheets;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every sheet as LibreOffice computes it, recalculating every formula on load. */
export function xlsxToCsvRecalculated(xlsxPath: string, timeoutMs?: number): Promise<Record<string, string[][]>> {
  return xlsxToCsvSheets(xlsxPath, { recalculate: true, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

/**
 * 年初数 and 期末数 of a 资产负债表 line found by its label, in either layout: one-sided
 * (项目 | 行次 | 年初数 | 期末数) or two-sided (资产 … ‖ 负债和所有者权益 …): the figures follow the label's 行次.
 */
export function balanceSheetFigures(sheet: readonly string[][], label: string): string[] {
  const row = sheet.find((r) => r.includes(label));
  if (!row) throw new Error(`资产负债表 has no line ${label}`);
  const at = row.indexOf(label);
  return row.slice(at + 2, at + 4);
}
