/**
 * LibreOffice headless with "recalculate on load: always" for .xlsx (a fresh profile whose
 * registry sets Calc/Formula/Load/OOXMLRecalcMode = 0), so every formula we wrote is computed by
 * LibreOffice itself instead of taken from our cached result. Every sheet exported to CSV as
 * shown ('582,000.00'). tests/support/libreoffice.ts reads cached values; this one recalculates.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../src/workbook/voucher-import';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';
const FILTER_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export async function xlsxToCsvRecalculated(xlsxPath: string): Promise<Record<string, string[][]>> {
  const work = await mkdtemp(join(tmpdir(), 'lo-recalc-'));
  try {
    const profile = join(work, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const out = join(work, 'out');
    await run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', FILTER_AS_SHOWN, '--outdir', out, xlsxPath], { timeout: 120_000 });
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
