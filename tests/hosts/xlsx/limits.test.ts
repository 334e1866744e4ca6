/**
 * Hostile and absurd files are refused with a clear message before memory grows (src/hosts/xlsx/limits.ts):
 * a part that inflates to more than it declares (a zip bomb), a part declared larger than we read,
 * too many parts, rows beyond Excel's grid, Strict OOXML. And ranges that mean "everything" cost nothing.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsx } from '../../../src/hosts/xlsx/xlsx-workbook';
import { openWorkbookFile, WorkbookFileError } from '../../../src/hosts/xlsx/file';
import { DEFAULT_LIMITS, XlsxLimitError } from '../../../src/hosts/xlsx/limits';
import { XlsxOpenError } from '../../../src/hosts/xlsx/errors';
import { ZipFormatError } from '../../../src/hosts/xlsx/zip';
import { VOUCHERS } from '../../../src/workbook/layout';
import { buildVillage } from './build-village';

type Parts = Record<string, Uint8Array>;
const VOUCHER_PART = 'xl/worksheets/sheet4.xml';

async function villageParts(): Promise<Parts> {
  return unzipSync(await (await buildVillage()).toBytes());
}

/** Rewrites the uncompressed-size field of one entry in the central directory (a zip that lies about its size). */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let p = out.length - 22; p >= 0; p--) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const len = dv.getUint16(p + 28, true);
    if (len === nameBytes.length && Buffer.from(out.subarray(p + 46, p + 46 + len)).equals(Buffer.from(nameBytes))) {
      dv.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('input limits', () => {
  it('a sheet that inflates past its declared size (a zip bomb) is refused, not inflated', async () => {
    const parts = await villageParts();
    // 64 MB of the same row compresses to ~64 KB; the directory claims 1 KB.
    const row = '<row r="2"><c r="C2" t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>';
    const xml = strFromU8(parts[VOUCHER_PART] as Uint8Array).replace('</sheetData>', `${row.repeat(Math.floor((64 << 20) / row.length))}</sheetData>`);
    parts[VOUCHER_PART] = strToU8(xml);
    const bomb = lieAboutSize(zipSync(parts, { level: 9 }), VOUCHER_PART, 1024);
    expect(bomb.length).toBeLessThan(2 << 20);
    const wb = openXlsx(bomb);
    await expect(wb.readTables([VOUCHERS])).rejects.toBeInstanceOf(ZipFormatError);
  });

  it('a part declared over the part limit is refused before any inflating, with the limit named', async () => {
    const zip = lieAboutSize(zipSync(await villageParts()), VOUCHER_PART, DEFAULT_LIMITS.maxPartBytes + 1);
    const wb = openXlsx(zip);
    const err = await wb.readTables([VOUCHERS]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxLimitError);
    expect((err as XlsxLimitError).zh).toContain('268,435,456');
    expect((err as XlsxLimitError).part).toBe(VOUCHER_PART);
  });

  it('too many parts, or rows past row 1,048,576, are refused with a Chinese-first message through the file opener', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cz-limits-'));
    try {
      const parts = await villageParts();
      for (let i = 0; i < 30; i++) parts[`customXml/item${i}.xml`] = strToU8('<x/>');
      expect(() => openXlsx(zipSync(parts), { limits: { ...DEFAULT_LIMITS, maxEntries: 20 } })).toThrow(XlsxLimitError);

      const far = await villageParts();
      far[VOUCHER_PART] = strToU8(strFromU8(far[VOUCHER_PART] as Uint8Array).replace('</sheetData>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'));
      const path = join(dir, 'far.xlsx');
      await writeFile(path, zipSync(far));
      const wb = await openWorkbookFile(path);
      const err = await wb.readTables([VOUCHERS]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(XlsxLimitError);
      expect((err as XlsxLimitError).zh).toMatch(/^文件超出限制：行号 2,000,000 超过上限 1,048,576/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Strict Open XML is refused with what to do, not misread', async () => {
    const parts = await villageParts();
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml'] as Uint8Array).replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    const err = (() => {
      try {
        openXlsx(zipSync(parts));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(XlsxOpenError);
    expect((err as XlsxOpenError).zh).toContain('另存为');
    const dir = await mkdtemp(join(tmpdir(), 'cz-strict-'));
    try {
      await writeFile(join(dir, 's.xlsx'), zipSync(parts));
      await expect(openWorkbookFile(join(dir, 's.xlsx'))).rejects.toThrow(WorkbookFileError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a validation over the whole sheet (A1:XFD1048576) on 凭证 is kept as one range while rows are appended', async () => {
    const parts = await villageParts();
    const xml = strFromU8(parts[VOUCHER_PART] as Uint8Array).replace(/<dataValidations count="(\d+)">/, (_m, n: string) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="A1:XFD1048576"><formula1>200</formula1></dataValidation>`);
    parts[VOUCHER_PART] = strToU8(xml);
    const wb = openXlsx(zipSync(parts));
    const rows = Array.from({ length: 6000 }, (_v, i) => ['2025-12-31', String(1000 + Math.floor(i / 2)), '测试', i % 2 ? '501' : '102', i % 2 ? null : 1, i % 2 ? 1 : null]);
    await wb.appendRows(VOUCHERS, rows);
    const out = strFromU8(unzipSync(await wb.toBytes())[VOUCHER_PART] as Uint8Array);
    expect(out).toContain('sqref="A1:XFD1048576"');
    // The account-code list validation of column D grows from row 5001 to the last new row (21 worked-example lines + 6,000 = row 6,022).
    expect(out).toMatch(/sqref="D2:D5001 D5002:D6022"/);
    expect((out.match(/<dataValidation /g) ?? []).length).toBe((xml.match(/<dataValidation /g) ?? []).length);
  });

  it('a workbook we wrote reads back its own bytes (sanity for the helpers above)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cz-ok-'));
    try {
      await writeFile(join(dir, 'ok.xlsx'), await (await buildVillage()).toBytes());
      const wb = await openWorkbookFile(join(dir, 'ok.xlsx'));
      expect((await wb.readTables([VOUCHERS]))[0]?.rows).toHaveLength(21);
      expect((await readFile(join(dir, 'ok.xlsx'))).length).toBeGreaterThan(1000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
