import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbookFile, saveWorkbookFileAtomic, verifyWritten, WorkbookFileError } from '../../../src/hosts/xlsx/file';
import { createXlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { VOUCHERS } from '../../../src/workbook/layout';
import { buildVillage, META } from './build-village';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cz-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'opened';
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookFileError);
    const err = e as WorkbookFileError;
    expect(err.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(err.en.length).toBeGreaterThan(0);
    return err.code;
  }
}

describe('openWorkbookFile', () => {
  it('opens a saved village book and reads it back', async () => {
    const path = join(dir, '示例村.xlsx');
    await saveWorkbookFileAtomic(await buildVillage(), path);
    const wb = await openWorkbookFile(path);
    expect(await wb.readMeta()).toEqual(META);
    const [t] = await wb.readTables([VOUCHERS]);
    expect(t?.rows).toHaveLength(21);
  });

  it('names each expected failure with a typed code', async () => {
    expect(await codeOf(openWorkbookFile(join(dir, 'nope.xlsx')))).toBe('missing');
    await writeFile(join(dir, 'text.xlsx'), '日期,凭证号\n');
    expect(await codeOf(openWorkbookFile(join(dir, 'text.xlsx')))).toBe('not-a-workbook');
    await writeFile(join(dir, 'zip.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(await codeOf(openWorkbookFile(join(dir, 'zip.xlsx')))).toBe('not-a-workbook');

    const foreign = await createXlsxWorkbook();
    await foreign.appendRows(VOUCHERS, []);
    await saveWorkbookFileAtomic(foreign, join(dir, 'foreign.xlsx'));
    expect(await codeOf(openWorkbookFile(join(dir, 'foreign.xlsx')))).toBe('wrong-layout');
    expect(await codeOf(openWorkbookFile(join(dir, 'foreign.xlsx'), { requireLayout: false }))).toBe('opened');

    const future = await createXlsxWorkbook();
    await future.writeMeta({ ...META, layoutVersion: 99 }); // a layout from the future
    await saveWorkbookFileAtomic(future, join(dir, 'future.xlsx'));
    expect(await codeOf(openWorkbookFile(join(dir, 'future.xlsx')))).toBe('wrong-layout');

    const town = await createXlsxWorkbook();
    await town.writeMeta({ ...META, kind: 'township' });
    await saveWorkbookFileAtomic(town, join(dir, 'town.xlsx'));
    expect(await codeOf(openWorkbookFile(join(dir, 'town.xlsx')))).toBe('not-village');
    expect(await codeOf(openWorkbookFile(join(dir, 'town.xlsx'), { kind: 'township' }))).toBe('opened');
    // A village book where a township workbook is wanted (consolidate --previous / --kept-heads) says which was expected.
    expect(await codeOf(openWorkbookFile(join(dir, 'future.xlsx'), { kind: 'any' }))).toBe('wrong-layout');
    const village = await createXlsxWorkbook();
    await village.writeMeta({ ...META });
    await saveWorkbookFileAtomic(village, join(dir, 'village.xlsx'));
    expect(await codeOf(openWorkbookFile(join(dir, 'village.xlsx'), { kind: 'township' }))).toBe('not-township');
  });

  it('says why a password-protected workbook or an old .xls cannot be opened (real files, tests/fixtures/xlsx-corpus/refused)', async () => {
    const refused = join(__dirname, '..', '..', 'fixtures', 'xlsx-corpus', 'refused');
    const refusal = async (path: string): Promise<[string, string]> => {
      const err = await openWorkbookFile(path).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(WorkbookFileError);
      return [(err as WorkbookFileError).code, (err as WorkbookFileError).zh];
    };
    expect(await refusal(join(refused, 'excel-encrypted-aes.xlsx'))).toEqual(['not-a-workbook', expect.stringContaining('工作簿设有打开密码')]);
    // The English line (logs, an English-speaking helper) carries the reason too.
    const en = await openWorkbookFile(join(refused, 'excel-encrypted-aes.xlsx')).then(() => '', (e: unknown) => (e as WorkbookFileError).en);
    expect(en).toBe(`Not an Excel workbook (.xlsx): ${join(refused, 'excel-encrypted-aes.xlsx')} (the workbook is password-protected (encrypted); remove the password in Excel or WPS, save, and try again)`);
    expect(await refusal(join(refused, 'old-format.xls'))).toEqual(['not-a-workbook', expect.stringContaining('Excel 97-2003 格式（.xls）')]);
    // A compound-file signature alone (no EncryptedPackage stream) is taken for an .xls.
    await writeFile(join(dir, 'cfb.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await refusal(join(dir, 'cfb.xlsx'))).toEqual(['not-a-workbook', expect.stringContaining('Excel 97-2003')]);
  });
});

describe('saveWorkbookFileAtomic', () => {
  it('leaves the original byte for byte when producing the bytes fails, and no temp file behind', async () => {
    const path = join(dir, 'book.xlsx');
    await saveWorkbookFileAtomic(await buildVillage(), path);
    const before = await readFile(path);
    const failing = { toBytes: async (): Promise<Uint8Array> => { throw new Error('disk full (simulated)'); } };
    await expect(saveWorkbookFileAtomic(failing, path)).rejects.toThrow('disk full');
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(['book.xlsx']);
  });

  it('cleans up the temp file when the final rename fails', async () => {
    const target = join(dir, 'is-a-dir.xlsx');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'x');
    await expect(saveWorkbookFileAtomic(await buildVillage(), target)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['is-a-dir.xlsx']);
    expect(await readdir(target)).toEqual(['keep.txt']);
  });
  it('keeps the last three versions as .bak, .bak.2, .bak.3, newest first', async () => {
    const sub = await mkdtemp(join(dir, 'bak-'));
    const path = join(sub, 'book.xlsx');
    const versions: Buffer[] = [];
    for (let fiscalYear = 2021; fiscalYear <= 2025; fiscalYear++) {
      const wb = await buildVillage();
      await wb.writeMeta({ ...META, fiscalYear });
      await saveWorkbookFileAtomic(wb, path);
      versions.push(await readFile(path));
    }
    // Five saves: the file is the 2025 one; .bak is 2024, .bak.2 is 2023, .bak.3 is 2022; 2021 is gone.
    expect((await readdir(sub)).sort()).toEqual(['book.xlsx', 'book.xlsx.bak', 'book.xlsx.bak.2', 'book.xlsx.bak.3']);
    expect((await readFile(`${path}.bak`)).equals(versions[3] as Buffer)).toBe(true);
    expect((await readFile(`${path}.bak.2`)).equals(versions[2] as Buffer)).toBe(true);
    expect((await readFile(`${path}.bak.3`)).equals(versions[1] as Buffer)).toBe(true);
    expect((await (await openWorkbookFile(`${path}.bak.3`)).readMeta())?.fiscalYear).toBe(2022);
  });

  it('refuses to keep a file whose read-back does not open, and keeps the original', async () => {
    const sub = await mkdtemp(join(dir, 'verify-'));
    const path = join(sub, 'book.xlsx');
    await saveWorkbookFileAtomic(await buildVillage(), path);
    const before = await readFile(path);
    const garbage = { toBytes: async (): Promise<Uint8Array> => new TextEncoder().encode('PK not really a zip') };
    await expect(saveWorkbookFileAtomic(garbage, path)).rejects.toThrow();
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await readdir(sub)).toEqual(['book.xlsx']);
  });
});

describe('verifyWritten (the read-back check of a save)', () => {
  it('accepts a file equal to the bytes, and refuses one byte changed past the first megabyte, or a length that differs', async () => {
    const bytes = await (await buildVillage()).toBytes();
    // The real book followed by 1.5 MB of padding, so the change sits in the second chunk read back.
    const big = new Uint8Array(bytes.length + 1_500_000);
    big.set(bytes);
    const path = join(dir, 'book.xlsx');
    await writeFile(path, bytes);
    await expect(verifyWritten(path, bytes)).resolves.toBeUndefined();
    await writeFile(path, big);
    const changed = big.slice();
    changed[(1 << 20) + 12_345] = 1;
    await expect(verifyWritten(path, changed)).rejects.toThrow(/读回的内容与写入的不一致/);
    await expect(verifyWritten(path, big.subarray(0, big.length - 1))).rejects.toThrow(/读回的内容与写入的不一致/);
  });
});
