import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportJson } from '../../src/app/report-json';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { VOUCHERS } from '../../src/workbook/layout';
import {
  DISTRIBUTIONS_CSV, EXPECTED_CLOSING, EXPECTED_IS, EXPECTED_TOTAL_ASSETS, OPENING_CSV, VOUCHER_HEADER, VOUCHER_ROWS, VOUCHERS_CSV,
} from '../integration/worked-example-files';
import { BIN, cli } from './run-cli';

// Each spawn loads TypeScript through tsx (1–3 s on a busy two-core machine).
vi.setConfig({ testTimeout: 180_000 });

let dir: string;
const at = (name: string): string => join(dir, name);
const INIT = ['--village', '示例村', '--township', '青山镇', '--year', '2025'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cunzhang-cli-'));
  await writeFile(at('opening.csv'), OPENING_CSV);
  await writeFile(at('vouchers.csv'), VOUCHERS_CSV);
  await writeFile(at('dist.csv'), DISTRIBUTIONS_CSV);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cunzhang CLI: DOMAIN.md §8 worked example end to end', () => {
  it('init → import --opening → import → close → import distributions → close → report --json', async () => {
    expect((await cli(dir, 'init', 'book.xlsx', ...INIT)).code).toBe(0);
    expect((await cli(dir, 'import', 'book.xlsx', '--opening', 'opening.csv')).code).toBe(0);
    const imp = await cli(dir, 'import', 'book.xlsx', 'vouchers.csv');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('已导入凭证 10 张（21 行）');
    const again = await cli(dir, 'import', 'book.xlsx', 'vouchers.csv');
    expect(again.stdout).toContain('已导入凭证 0 张（0 行），已存在跳过 10 张');
    expect((await cli(dir, 'close', 'book.xlsx', '--year', '2025')).stdout).toContain('已生成结转凭证 2 张');
    expect((await cli(dir, 'import', 'book.xlsx', 'dist.csv')).code).toBe(0);
    expect((await cli(dir, 'close', 'book.xlsx', '--year', '2025')).stdout).toContain('已生成结转凭证 3 张');

    const rep = await cli(dir, 'report', 'book.xlsx', '--json');
    expect(rep.code).toBe(0);
    const report = ReportJson.parse(JSON.parse(rep.stdout));
    for (const [label, amount] of Object.entries(EXPECTED_IS)) {
      expect([label, report.incomeStatement.find((r) => r.label === label)?.amount]).toEqual([label, amount]);
    }
    const total = report.balanceSheet.find((r) => r.label === '资产总计')!;
    expect({ begin: total.begin, end: total.end }).toEqual(EXPECTED_TOTAL_ASSETS);
    const claims = report.balanceSheet.find((r) => r.label === '负债和所有者权益总计')!;
    expect({ begin: claims.begin, end: claims.end }).toEqual(EXPECTED_TOTAL_ASSETS);
    for (const [code, [dr, cr]] of Object.entries(EXPECTED_CLOSING)) {
      const row = report.trialBalance.find((r) => r.code === code)!;
      expect([code, row.closingDebit, row.closingCredit]).toEqual([code, dr, cr]);
    }

    const summary = await cli(dir, 'report', 'book.xlsx');
    expect(summary.stdout).toContain('131,400.00 → 一般村');
    const v = await cli(dir, 'validate', 'book.xlsx', '--json');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, counts: { vouchers: 12, lines: 25, errors: 0 } });
  });
});

describe('cunzhang CLI: failures write nothing', () => {
  it('a bad CSV row imports nothing, names the line, exits 1 and leaves the file byte-identical', async () => {
    expect((await cli(dir, 'init', 'bad.xlsx', ...INIT)).code).toBe(0);
    await cli(dir, 'import', 'bad.xlsx', '--opening', 'opening.csv');
    await writeFile(at('bad.csv'), VOUCHERS_CSV.replace('2025-07-05,1,收到上级补助,503,,50000.00', '2025-07-05,1,收到上级补助,503,,5万'));
    const before = await readFile(at('bad.xlsx'));
    const r = await cli(dir, 'import', 'bad.xlsx', 'bad.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv 第9行');
    expect(r.stderr).toContain('未导入任何凭证');
    expect((await readFile(at('bad.xlsx'))).equals(before)).toBe(true);
  });

  it('missing file, not a workbook, another layout version: exit 3 with Chinese and English messages', async () => {
    const missing = await cli(dir, 'report', 'nope.xlsx');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('找不到文件');
    expect(missing.stderr).toContain('File not found');

    await writeFile(at('text.xlsx'), 'not a zip');
    const notBook = await cli(dir, 'validate', 'text.xlsx');
    expect(notBook.code).toBe(3);
    expect(notBook.stderr).toMatch(/不是有效的 Excel 工作簿[\s\S]*Not an Excel workbook/);

    const wb = await createXlsxWorkbook(await readFile(at('bad.xlsx')));
    const meta = (await wb.readMeta())!;
    await wb.writeMeta({ ...meta, layoutVersion: 99 });
    await writeFile(at('v99.xlsx'), await wb.toBytes());
    const before = await readFile(at('v99.xlsx'));
    const newer = await cli(dir, 'import', 'v99.xlsx', 'vouchers.csv');
    expect(newer.code).toBe(3);
    expect(newer.stderr).toContain('版本');
    expect(newer.stderr).toContain('layout version');
    expect((await readFile(at('v99.xlsx'))).equals(before)).toBe(true);

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['hello']);
    await plain.xlsx.writeFile(at('plain.xlsx'));
    expect((await cli(dir, 'report', 'plain.xlsx')).code).toBe(3);
  });

  it('usage errors exit 2; init never overwrites', async () => {
    expect((await cli(dir, 'report')).code).toBe(2);
    expect((await cli(dir, 'init', 'x.xlsx', '--village', 'a', '--township', 'b', '--year', '25')).code).toBe(2);
    expect((await cli(dir, 'import', 'bad.xlsx')).code).toBe(2);
    expect((await cli(dir, 'frobnicate')).code).toBe(2);
    const again = await cli(dir, 'init', 'bad.xlsx', ...INIT);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('文件已存在');
  });

  it('validate exits 1 on an error and reports rule, severity, zh, en, sheet, row, column', async () => {
    const wb = await createXlsxWorkbook(await readFile(at('bad.xlsx')));
    await wb.appendRows(VOUCHERS, [['2025-02-01', '1', '错账', '102', 100, null], ['2025-02-01', '1', '错账', '501', null, 90]]);
    await writeFile(at('unbalanced.xlsx'), await wb.toBytes());
    const r = await cli(dir, 'validate', 'unbalanced.xlsx', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; findings: Record<string, unknown>[] };
    expect(out.ok).toBe(false);
    const f = out.findings.find((x) => x.rule === 'voucher.unbalanced')!;
    expect(Object.keys(f).sort()).toEqual(['column', 'en', 'row', 'rule', 'severity', 'sheet', 'zh']);
    expect(f).toMatchObject({ severity: 'error', sheet: '凭证' });
    expect(typeof f.row).toBe('number');
    const before = await readFile(at('unbalanced.xlsx'));
    expect((await cli(dir, 'close', 'unbalanced.xlsx', '--year', '2025')).code).toBe(1);
    expect((await cli(dir, 'report', 'unbalanced.xlsx')).code).toBe(1);
    expect((await readFile(at('unbalanced.xlsx'))).equals(before)).toBe(true);
  });
});

describe('cunzhang CLI: import file encodings and formats', () => {
  const freshBook = async (name: string): Promise<void> => {
    expect((await cli(dir, 'init', name, ...INIT)).code).toBe(0);
  };

  it('reads GBK CSV (as Excel on Chinese Windows saves it) and UTF-8 with BOM', async () => {
    await freshBook('gbk.xlsx');
    const gbk = await promisify(execFile)('iconv', ['-f', 'UTF-8', '-t', 'GBK', at('vouchers.csv')], { encoding: 'buffer' });
    await writeFile(at('gbk.csv'), gbk.stdout);
    expect((await readFile(at('gbk.csv'))).equals(Buffer.from(VOUCHERS_CSV))).toBe(false);
    const r = await cli(dir, 'import', 'gbk.xlsx', 'gbk.csv');
    expect([r.code, r.stderr]).toEqual([0, '']);
    await writeFile(at('bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VOUCHERS_CSV)]));
    const b = await cli(dir, 'import', 'gbk.xlsx', 'bom.csv');
    // Same vouchers, so the BOM file is recognised as already imported (summaries decoded alike).
    expect(b.stdout).toContain('已存在跳过 10 张');
  });

  it('reads the first sheet of an .xlsx', async () => {
    await freshBook('fromxlsx.xlsx');
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('凭证');
    ws.addRow(VOUCHER_HEADER);
    for (const r of VOUCHER_ROWS) ws.addRow([new Date(`${r[0]}T00:00:00Z`), Number(r[1]), r[2], r[3], r[4] === '' ? null : Number(r[4]), r[5] === '' ? null : Number(r[5])]);
    x.addWorksheet('其他').addRow(['ignored']);
    await x.xlsx.writeFile(at('vouchers-in.xlsx'));
    const r = await cli(dir, 'import', 'fromxlsx.xlsx', 'vouchers-in.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入凭证 10 张（21 行）');
  });
});

describe('cunzhang CLI: runs from anywhere', () => {
  it('from another working directory, by absolute path', async () => {
    const r = await cli('/', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cunzhang');
    expect(BIN.endsWith('bin.cjs')).toBe(true);
  });

  it('demo reports in memory: the committed sample untouched, no temporary folder left', async () => {
    const sample = join(__dirname, '..', '..', 'assets', 'sample-village.xlsx');
    const before = await readFile(sample);
    const demoDirs = async (): Promise<string[]> => (await readdir(tmpdir())).filter((n) => n.startsWith('cunzhang-demo-'));
    const leftBefore = await demoDirs();
    const r = await cli(dir, 'demo');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('青山镇示范村');
    expect(r.stdout).toMatch(/资产总计 total assets +年初 3,661,980.00/);
    expect(r.stdout).toContain('富裕村');
    expect(r.stdout).toContain('nothing written');
    expect(await demoDirs()).toEqual(leftBefore);
    expect((await readFile(sample)).equals(before)).toBe(true);
  });

  it('sample writes a workbook that reports cleanly', async () => {
    const s = await cli(dir, 'sample', 'sample.xlsx');
    expect(s.code).toBe(0);
    const v = await cli(dir, 'validate', 'sample.xlsx', '--json');
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, counts: { errors: 0 } });
    expect((await cli(dir, 'sample', 'sample.xlsx')).code).toBe(3);
  });
});
