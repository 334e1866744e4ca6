/**
 * Reads an .xlsx through LibreOffice (headless), the way a third program sees our files: every
 * sheet exported to CSV with the cached formula results (LibreOffice does not recalculate xlsx on
 * load by default). A fresh user profile per call avoids lock conflicts between parallel tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../src/workbook/voucher-import';

const run = promisify(execFile);

/** CSV export filter: comma, '"', UTF-8 (76), from line 1, raw values (not as shown), all sheets (-1; LibreOffice ≥ 7.2). */
const FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const FILTER_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

export const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

/**
 * Every sheet of `xlsxPath` as rows of strings, keyed by sheet name (hidden sheets included).
 * `asShown` exports formatted text ('60,000.00') instead of raw values ('60000').
 */
export async function xlsxToCsvSheets(xlsxPath: string, opts: { asShown?: boolean } = {}): Promise<Record<string, string[][]>> {
  const work = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    const out = join(work, 'out');
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', opts.asShown ? FILTER_AS_SHOWN : FILTER, '--outdir', out, xlsxPath],
      { timeout: 120_000 },
    );
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
