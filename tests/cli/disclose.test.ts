/** `cunzhang disclose` and `validate --template` on a copy of the sample village, through the real binary. */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { cli } from './run-cli';

vi.setConfig({ testTimeout: 180_000 });

const ROOT = join(__dirname, '..', '..');
let dir: string;
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-disclose-'));
  await copyFile(join(ROOT, 'assets', 'sample-village.xlsx'), at('book.xlsx'));
  await mkdir(at('templates'));
  await copyFile(join(ROOT, 'docs', 'templates', 'example-township.json'), at('templates/example-township.json'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cunzhang disclose', () => {
  it('writes the Q3 sheets with the posting date; validate finds them clean', async () => {
    const r = await cli(dir, 'disclose', 'book.xlsx', '--period', '2025Q3', '--posted', '2025-10-12');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已生成公开表 6 张');
    const wb = await createXlsxWorkbook(await readFile(at('book.xlsx')));
    const board = (await wb.readSheet('财务公开榜2025Q3'))!;
    expect(board.rows[0]![0]).toBe('青山镇示范村2025年第3季度财务公开榜');
    expect(board.rows.flat()).toContain('张榜日期：2025-10-12');
    const v = await cli(dir, 'validate', 'book.xlsx', '--json');
    const findings = (JSON.parse(v.stdout) as { findings: { rule: string }[] }).findings;
    expect(findings.filter((f) => f.rule.startsWith('disclosure.'))).toEqual([]);
  });

  it('validate --template: completeness as of today names what is still due (Q1, Q2, Q4, the year)', async () => {
    const v = await cli(dir, 'validate', 'book.xlsx', '--template', 'national', '--json');
    expect(v.code).toBe(1);
    const missing = (JSON.parse(v.stdout) as { findings: { rule: string; zh: string }[] }).findings.filter((f) => f.rule === 'disclosure.missing');
    expect(missing.some((f) => f.zh === '缺少2025年第1季度财务公开榜')).toBe(true);
    expect(missing.some((f) => f.zh.includes('第3季度'))).toBe(false);
    expect(missing.some((f) => f.zh === '缺少2025年度收益分配公开表')).toBe(true);
  });

  it('a township template by name from templates/ beside the workbook: monthly, 本月数', async () => {
    const r = await cli(dir, 'disclose', 'book.xlsx', '--period', '2025-07', '--template', 'example-township');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('财务公开榜2025-07、收支逐笔公开榜2025-07');
    const wb = await createXlsxWorkbook(await readFile(at('book.xlsx')));
    expect((await wb.readSheet('财务公开榜2025-07'))!.rows[2]).toEqual(['项目', '行次', '本月数', '本年累计数']);
  });

  it('a bad period exits 1 and writes nothing; an unknown or invalid template exits 2', async () => {
    const before = await readFile(at('book.xlsx'));
    const bad = await cli(dir, 'disclose', 'book.xlsx', '--period', '2024Q3');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不在本账套的2025年度内');
    expect((await readFile(at('book.xlsx'))).equals(before)).toBe(true);
    const unknown = await cli(dir, 'disclose', 'book.xlsx', '--period', '2025Q3', '--template', 'nowhere');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到模板');
    await writeFile(at('broken.json'), JSON.stringify({ id: 'x', name: 'x', sources: [], forms: [] }));
    const broken = await cli(dir, 'disclose', 'book.xlsx', '--period', '2025Q3', '--template', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('sources');
  });
});
