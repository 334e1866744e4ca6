/**
 * Honest refusals of the CLI, run in-process through `run(argv, io)`: each says its real reason,
 * Chinese first, with the right exit code; and `print-vouchers` on the sample.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPeriod } from '../../src/app/lock-period';
import { buildSampleBook } from '../../src/app/sample/build-sample';
import { run } from '../../src/cli/main';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c: Buffer | string, _e, done) => (chunks.push(String(c)), done()) });
  return { stream, text: () => chunks.join('') };
}

async function cz(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await run(['node', 'cunzhang', ...args], { out: out.stream, err: err.stream });
  return { code, out: out.text(), err: err.text() };
}

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-refusals-'));
  const wb = await createXlsxWorkbook();
  await buildSampleBook(wb);
  sample = join(dir, 'sample.xlsx');
  await writeFile(sample, await wb.toBytes());
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('usage errors: exit 2, Chinese first', () => {
  it('report --from after --to names both months, and writes nothing', async () => {
    const before = await readFile(sample);
    const r = await cz('report', sample, '--from', '2025-05', '--to', '2025-02');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：起始月份2025-05晚于截止月份2025-02\nError: The start month 2025-05 is after the end month 2025-02\n');
    expect(r.err).not.toContain('账套存在错误');
    expect((await readFile(sample)).equals(before)).toBe(true);
    const outside = await cz('print-vouchers', sample, '--from', '2024-12');
    expect([outside.code, outside.err.split('\n')[0]]).toEqual([2, '错误：起始月份"2024-12"无效：应为2025年内的 YYYY-MM']);
  });

  it.each([
    [['report'], '错误：缺少参数 <file>', "missing required argument 'file'"],
    [['init', 'x.xlsx', '--village', 'a', '--township', 'b', '--year', '25'], '错误：选项 --year <YYYY> 的取值“25”无效：应为四位年份', "argument '25' is invalid"],
    [['init', 'x.xlsx', '--village', 'a'], '错误：缺少必填选项 --township <name>', "required option '--township <name>' not specified"],
    [['validate', 'x.xlsx', '--frob'], '错误：没有选项 --frob', "unknown option '--frob'"],
    [['frobnicate'], '错误：没有命令 frobnicate（可用命令见 cunzhang --help）', "unknown command 'frobnicate'"],
    [['validate', 'a.xlsx', 'b.xlsx'], '错误：命令 validate 的参数过多', 'too many arguments'],
    [['print-vouchers', 'a.xlsx', '--per-page', '4'], '错误：选项 --per-page <n> 的取值“4”无效：应为 2 或 3', 'is invalid'],
  ])('%j', async (args, zh, en) => {
    const r = await cz(...args);
    expect(r.code).toBe(2);
    const [first, second] = r.err.split('\n');
    expect(first).toBe(zh);
    expect(second).toMatch(/^Error: /);
    expect(second).toContain(en);
  });
});

describe('an import file the host cannot read', () => {
  it('a password-protected 凭证.xlsx: exit 3 with the reason in both lines, and the book as it was', async () => {
    const before = await readFile(sample);
    const encrypted = join(__dirname, '..', 'fixtures', 'xlsx-corpus', 'refused', 'excel-encrypted-aes.xlsx');
    const r = await cz('import', sample, encrypted);
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      `错误：导入文件不是有效的 .xlsx 工作簿：${encrypted}（工作簿设有打开密码（已加密），请在 Excel 或 WPS 中取消密码并保存后再打开）\n` +
        `Error: The import file is not a valid .xlsx workbook: ${encrypted} (the workbook is password-protected (encrypted); remove the password in Excel or WPS, save, and try again)\n`,
    );
    expect((await readFile(sample)).equals(before)).toBe(true);
  });
});

describe('init --existing', () => {
  it('adds the book to a workbook that exists, and refuses one that is a village book already, leaving it as it was', async () => {
    const own = join(dir, '我的表.xlsx');
    const wb = await createXlsxWorkbook();
    await writeFile(own, await wb.toBytes());
    const village = ['--village', '示例村', '--township', '青山镇', '--year', '2025'];
    const added = await cz('init', own, '--existing', ...village);
    expect([added.code, added.out]).toEqual([0, `已将村账加入 ${own}（青山镇示例村，2025年度） / added\n`]);
    const before = await readFile(own);
    const again = await cz('init', own, '--existing', ...village);
    expect([again.code, again.err]).toEqual([3, '错误：该工作簿已初始化，不能重复初始化\nError: This workbook is already initialized\n']);
    expect((await readFile(own)).equals(before)).toBe(true);
    // Without --existing, init still never touches a file that exists.
    const plain = await cz('init', own, ...village);
    expect(plain.code).toBe(3);
    expect(plain.err.split('\n')[0]).toBe(`错误：文件已存在，不会覆盖：${own}`);
  });

  it('cannot be combined with --from-2004 (exit 2)', async () => {
    const r = await cz('init', join(dir, 'x.xlsx'), '--existing', '--from-2004', 'tb.csv', '--village', 'a', '--township', 'b', '--year', '2025');
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, '错误：选项 --existing 与 --from-2004 <trial-balance> 不能同时使用']);
  });
});

describe('close on a locked book', () => {
  it('says the book is locked, with no generic "the book has errors" line', async () => {
    const wb = await createXlsxWorkbook(await readFile(sample));
    expect((await lockPeriod(wb, { through: '2025-12' })).ok).toBe(true);
    const locked = join(dir, 'locked.xlsx');
    await writeFile(locked, await wb.toBytes());
    const r = await cz('close', locked, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toContain('已结账至2025-12，不能再做年终结转');
    expect(r.err).not.toMatch(/账套存在错误|账簿有 \d+ 项错误/);
    expect(r.err).not.toContain('close.refused');
  });
});

describe('print-vouchers', () => {
  it('lays out the vouchers of March on the 记账凭证 sheet', async () => {
    const copy = join(dir, 'print.xlsx');
    await writeFile(copy, await readFile(sample));
    const r = await cz('print-vouchers', copy, '--from', '2025-03', '--to', '2025-03', '--per-page', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已生成“记账凭证”表：凭证 \d+ 张/);
    const wb = await createXlsxWorkbook(await readFile(copy));
    const grid = await wb.readSheet('记账凭证');
    expect(grid?.rows[0]?.[0]).toMatch(/^记账凭证（2025-03，共 \d+ 张）$/);
    expect(grid?.rows[2]?.[0]).toBe('记 账 凭 证');
  });
});

describe('new-year', () => {
  it('refuses an unclosed year with the reason; from the closed sample, writes the next year and leaves this one as it was', async () => {
    const fresh = join(dir, 'fresh.xlsx');
    expect((await cz('init', fresh, '--village', '新村', '--township', '青山镇', '--year', '2025')).code).toBe(0);
    const refused = await cz('new-year', fresh, join(dir, 'fresh-2026.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('2025年度还没有年终结账');
    await expect(readFile(join(dir, 'fresh-2026.xlsx'))).rejects.toThrow();

    const before = await readFile(sample);
    const next = join(dir, 'sample-2026.xlsx');
    const r = await cz('new-year', sample, next);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已建立 2026 年度账簿 .*期初余额 \d+ 个科目，在执行合同 \d+ 份/);
    expect((await readFile(sample)).equals(before)).toBe(true);
    expect((await cz('validate', next)).code).toBe(0);
    expect((await cz('new-year', sample, next)).code).toBe(3); // never overwrites
  });
});
