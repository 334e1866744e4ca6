/** `cunzhang verify`: exit 0 on an untouched locked book, 1 naming the voucher edited in a locked month. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPENING_CSV, VOUCHERS_CSV } from '../integration/worked-example-files';
import { cli } from './run-cli';

vi.setConfig({ testTimeout: 180_000 });

let dir: string;
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-verify-'));
  await writeFile(at('opening.csv'), OPENING_CSV);
  await writeFile(at('vouchers.csv'), VOUCHERS_CSV);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cunzhang verify', () => {
  it('reports an untouched lock, then the changed voucher by month and number', async () => {
    expect((await cli(dir, 'init', 'book.xlsx', '--village', '示例村', '--township', '青山镇', '--year', '2025')).code).toBe(0);
    expect((await cli(dir, 'import', 'book.xlsx', '--opening', 'opening.csv')).code).toBe(0);
    expect((await cli(dir, 'import', 'book.xlsx', 'vouchers.csv')).code).toBe(0);
    expect((await cli(dir, 'lock', 'book.xlsx', '--through', '2025-03')).code).toBe(0);
    const ok = await cli(dir, 'verify', 'book.xlsx', '--json');
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.stdout) as { ok: boolean; head: string; months: { month: string; vouchers: number; intact: boolean }[] };
    expect(j.ok).toBe(true);
    expect(j.head).toMatch(/^[0-9a-f]{64}$/);
    expect(j.months).toEqual([{ month: '2025-01', vouchers: 1, intact: true }, { month: '2025-02', vouchers: 0, intact: true }, { month: '2025-03', vouchers: 1, intact: true }]);

    // A head kept earlier is still in the chain; a malformed one is a usage error.
    expect((await cli(dir, 'verify', 'book.xlsx', '--head', j.head.toUpperCase())).code).toBe(0);
    expect((await cli(dir, 'verify', 'book.xlsx', '--head', 'abc')).code).toBe(2);
    // The same vouchers locked only through February (a rewritten chain looks like this): March's head is gone.
    expect((await cli(dir, 'init', 'other.xlsx', '--village', '示例村', '--township', '青山镇', '--year', '2025')).code).toBe(0);
    expect((await cli(dir, 'import', 'other.xlsx', '--opening', 'opening.csv')).code).toBe(0);
    expect((await cli(dir, 'import', 'other.xlsx', 'vouchers.csv')).code).toBe(0);
    expect((await cli(dir, 'lock', 'other.xlsx', '--through', '2025-02')).code).toBe(0);
    const rewritten = await cli(dir, 'verify', 'other.xlsx', '--head', j.head);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stdout).toContain(`留存的哈希链末端 ${j.head.slice(0, 16)}… 不在本账簿的结账记录中`);

    // Someone edits January's 60,000.00 to 6,000.00 on both lines in Excel.
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(at('book.xlsx'));
    x.getWorksheet('凭证')!.eachRow((row) => {
      for (const c of [5, 6]) if (row.getCell(c).value === 60_000) row.getCell(c).value = 6_000;
    });
    await x.xlsx.writeFile(at('book.xlsx'));
    const bad = await cli(dir, 'verify', 'book.xlsx');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('2025-01  已改动 CHANGED');
    expect(bad.stdout).toContain('已结账的2025-01第1号凭证在结账后被修改');
    expect(bad.stdout).toContain(`chain head (keep it to compare next time): ${j.head}`);
  });
});
