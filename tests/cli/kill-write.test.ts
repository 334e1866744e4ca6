/**
 * Nothing lost on a crash: the real CLI is stopped with SIGKILL at each step of a save
 * (src/hosts/xlsx/file.ts crash points: temp file written, read back and verified, backup made,
 * renamed). Before the rename the workbook is byte-identical to before; after it, it is the new,
 * complete book and the old one is name.xlsx.bak. Either way the file opens and reads.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbookFile } from '../../src/hosts/xlsx/file';
import { VOUCHERS } from '../../src/workbook/layout';
import { BIN } from './run-cli';

const SAMPLE = resolve(__dirname, '../../assets/sample-village.xlsx');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cz-kill-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `report` until it announces `point` on stderr, then kills it with SIGKILL. */
function reportKilledAt(file: string, point: string): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'report', file], { env: { ...process.env, CUNZHANG_CRASH_POINT: point, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(`crash-point:${point}`)) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('exit', (_code, signal) => done({ signal, stderr }));
  });
}

describe('SIGKILL during a save', () => {
  let cases = 0;
  for (const point of ['temp-written', 'verified', 'backed-up'] as const) {
    it(`killed at "${point}": the workbook is byte-identical and opens`, async () => {
      const file = join(dir, `${point}.xlsx`);
      await copyFile(SAMPLE, file);
      const before = await readFile(file);
      const r = await reportKilledAt(file, point);
      expect(r.signal).toBe('SIGKILL');
      expect((await readFile(file)).equals(before)).toBe(true);
      const [v] = await (await openWorkbookFile(file)).readTables([VOUCHERS]);
      expect(v?.rows.length).toBeGreaterThan(200);
      cases++;
    });
  }

  it('killed right after the rename: the new book is complete and the old one is name.xlsx.bak', async () => {
    const file = join(dir, 'renamed.xlsx');
    await copyFile(SAMPLE, file);
    const before = await readFile(file);
    const r = await reportKilledAt(file, 'renamed');
    expect(r.signal).toBe('SIGKILL');
    expect((await readFile(`${file}.bak`)).equals(before)).toBe(true);
    const wb = await openWorkbookFile(file);
    expect(await wb.sheetNames()).toContain('资产负债表');
    cases++;
    // Killed processes leave only their hidden temp files behind, never a damaged workbook.
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.xlsx')).sort()).toEqual(['backed-up.xlsx', 'renamed.xlsx', 'temp-written.xlsx', 'verified.xlsx']);
    console.log(`kill-during-write: ${cases} kill points tried, workbook intact each time`);
  });
});
