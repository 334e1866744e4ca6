/**
 * The .xlsx parts host on files shaped the way other programs write them. Packages are taken
 * apart and put together with fflate's own zip functions (an independent implementation from
 * the host's zip layer), parts edited as text the way openpyxl, LibreOffice, WPS or old Mac
 * Excel write them, and the host must read them right and leave every part it does not own
 * as it was, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openXlsx } from '../../../src/hosts/xlsx/xlsx-workbook';
import { ACCOUNTS, TYPED_TABLES, VOUCHERS } from '../../../src/workbook/layout';
import { buildVillage, META, TRIAL } from './build-village';

type Parts = Record<string, Uint8Array>;

async function villageParts(): Promise<Parts> {
  return unzipSync(await (await buildVillage()).toBytes());
}

function pack(parts: Parts): Uint8Array {
  return zipSync(parts, { level: 6 });
}

const text = (parts: Parts, name: string): string => strFromU8(parts[name] as Uint8Array);
const setText = (parts: Parts, name: string, s: string): void => {
  parts[name] = strToU8(s);
};

/** The part name of a sheet, through workbook.xml and its relationships. */
function sheetPart(parts: Parts, sheet: string): string {
  const wb = text(parts, 'xl/workbook.xml');
  const rid = new RegExp(`<sheet name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(wb)?.[1];
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return `xl/${target}`;
}

/** Adds a user's own sheet (not ours) with the given body, and any extra parts it points at. */
function addUserSheet(parts: Parts, name: string, sheetXml: string, rels?: string): string {
  const part = 'xl/worksheets/sheet99.xml';
  setText(parts, part, sheetXml);
  if (rels) setText(parts, 'xl/worksheets/_rels/sheet99.xml.rels', rels);
  setText(parts, 'xl/_rels/workbook.xml.rels', text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet99.xml"/></Relationships>'));
  setText(parts, 'xl/workbook.xml', text(parts, 'xl/workbook.xml').replace('<sheet name="科目余额表"', `<sheet name="${name}" sheetId="99" r:id="rId99"/><sheet name="科目余额表"`));
  setText(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  return part;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe('parts we do not own pass through byte for byte', () => {
  it('a user sheet with a comment (absolute targets, as openpyxl writes), a whole-sheet validation and an unknown part survive import and report', async () => {
    const parts = await villageParts();
    const userSheet = addUserSheet(
      parts,
      '备注',
      `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>村委会备注</t></is></c></row></sheetData>` +
        '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>' +
        '<legacyDrawing r:id="rId2"/></worksheet>',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>',
    );
    setText(parts, 'xl/comments/comment1.xml', `<?xml version="1.0"?><comments ${NS}><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>一条批注</t></text></comment></commentList></comments>`);
    setText(parts, 'xl/drawings/commentsDrawing1.vml', '<xml><v:shape/></xml>');
    setText(parts, 'customXml/wps-extension.xml', '<wps:thing xmlns:wps="urn:wps">保持原样</wps:thing>');
    const before = pack(parts);
    const beforeParts = unzipSync(before);

    const wb = openXlsx(before);
    await wb.appendRows(VOUCHERS, [['2025-12-01', '99', '收到补助', '102', 100, null], ['2025-12-01', '99', '收到补助', '501', null, 100]]);
    await wb.replaceGeneratedSheets([TRIAL]);
    const after = unzipSync(await wb.toBytes());

    const ours = new Set([
      '[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
      sheetPart(parts, '凭证'), sheetPart(parts, '科目余额表'), 'xl/worksheets/_rels/' + sheetPart(parts, '科目余额表').split('/').pop() + '.rels',
    ]);
    const changed = Object.keys(beforeParts).filter((n) => !ours.has(n) && !/^xl\/tables\//.test(n) && strFromU8(after[n] ?? new Uint8Array()) !== strFromU8(beforeParts[n] as Uint8Array));
    expect(changed).toEqual([]);
    expect(after[userSheet]).toEqual(beforeParts[userSheet]);
    expect(after['xl/comments/comment1.xml']).toEqual(beforeParts['xl/comments/comment1.xml']);
    // And the file still reads: the user sheet's text, the appended lines.
    const again = openXlsx(pack(after));
    expect((await again.readSheet('备注'))?.rows).toEqual([['村委会备注']]);
    const [v] = await again.readTables([VOUCHERS]);
    expect(v?.rows.at(-1)?.slice(0, 6)).toEqual(['2025-12-01', '99', '收到补助', '501', null, 100]);
  });

  it('copies untouched entries as their original compressed bytes', async () => {
    const src = pack(await villageParts());
    const wb = openXlsx(src);
    await wb.replaceGeneratedSheets([TRIAL]);
    const out = await wb.toBytes();
    // The compressed bytes of 科目 (a typed-in sheet nothing changed) appear verbatim in the new file.
    const probe = openXlsx(src) as unknown as { pkg: { zip: { entries: { name: string; dataOffset: number; compressedSize: number }[]; bytes: Uint8Array } } };
    const e = probe.pkg.zip.entries.find((x) => x.name === 'xl/worksheets/sheet2.xml');
    const raw = probe.pkg.zip.bytes.subarray(e!.dataOffset, e!.dataOffset + e!.compressedSize);
    expect(Buffer.from(out).indexOf(Buffer.from(raw))).toBeGreaterThan(0);
  });
});

describe('reads what other writers write', () => {
  it('x: prefixed SpreadsheetML, cells without r, rich text with phonetic runs, booleans, errors and cached formula results', async () => {
    const parts = await villageParts();
    const part = sheetPart(parts, '科目');
    setText(parts, 'xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>科目编码</t></si><si><r><rPr><b/></rPr><t>科目</t></r><r><t xml:space="preserve">名称</t></r><rPh sb="0" eb="2"><t>カモク</t></rPh></si></sst>`);
    setText(parts, 'xl/_rels/workbook.xml.rels', text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
    setText(
      parts,
      part,
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData>' +
        '<x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
        '<x:row><x:c t="inlineStr"><x:is><x:t>50101</x:t></x:is></x:c><x:c t="str"><x:f>"土地"&amp;"发包"</x:f><x:v>土地发包</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c></x:row>' +
        '</x:sheetData><x:tableParts count="1"><x:tablePart r:id="rId1"/></x:tableParts></x:worksheet>',
    );
    const wb = openXlsx(pack(parts));
    const [acc] = await wb.readTables([ACCOUNTS]);
    expect(acc?.header).toEqual(['科目编码', '科目名称']);
    expect(acc?.rows).toEqual([['50101', '土地发包']]);
    expect((await wb.readSheet('科目'))?.rows[1]).toEqual(['50101', '土地发包', true, '#REF!']);
    // Appending keeps the prefix, so the part stays one namespace.
    await wb.appendRows(ACCOUNTS, [['50102', '租金']]);
    const out = unzipSync(await wb.toBytes());
    const xml = strFromU8(out[part] as Uint8Array);
    expect(xml).toContain('<x:row r="3"><x:c r="A3"');
    expect(xml).not.toMatch(/<row /);
    const [again] = await openXlsx(pack(out)).readTables([ACCOUNTS]);
    expect(again?.rows).toEqual([['50101', '土地发包'], ['50102', '租金']]);
  });

  it('dates in the 1904 system (old Mac Excel) and in a zh-CN built-in format', async () => {
    const parts = await villageParts();
    setText(parts, 'xl/workbook.xml', text(parts, 'xl/workbook.xml').replace('<workbookPr/>', '<workbookPr date1904="1"/>'));
    const styles = text(parts, 'xl/styles.xml');
    // Style 1: numFmtId 31 = yyyy"年"m"月"d"日" in Chinese Excel.
    setText(parts, 'xl/styles.xml', styles.replace(/<cellXfs count="\d+">/, (m) => `${m}`).replace('</cellXfs>', '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'));
    const xfCount = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text(parts, 'xl/styles.xml'))?.[1]?.match(/<xf /g) ?? []).length;
    const s = xfCount - 1;
    const part = sheetPart(parts, '凭证');
    // 2025-01-10 is serial 45667 in the 1900 system, 44205 (= 45667 − 1462) in the 1904 system.
    setText(parts, part, text(parts, part).replace('</sheetData>', `<row r="2"><c r="A2" s="${s}"><v>44205</v></c></row></sheetData>`));
    const [v] = await openXlsx(pack(parts)).readTables([VOUCHERS]);
    expect(v?.rows[0]?.[0]).toBe('2025-01-10');
  });
});

describe('bookkeeping parts follow our sheets', () => {
  it('a user print area keeps pointing at its sheet when a new generated sheet is inserted before it; calcChain goes', async () => {
    const parts = await villageParts();
    addUserSheet(parts, '备注', `<?xml version="1.0"?><worksheet ${NS}><sheetData/></worksheet>`);
    const wbXml = text(parts, 'xl/workbook.xml');
    const names = [...wbXml.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    const idx = names.indexOf('备注');
    setText(parts, 'xl/workbook.xml', wbXml.replace('<definedNames>', `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="${idx}">'备注'!$A$1:$C$9</definedName>`));
    setText(parts, 'xl/calcChain.xml', `<?xml version="1.0"?><calcChain ${NS}><c r="C7" i="5"/></calcChain>`);
    setText(parts, 'xl/_rels/workbook.xml.rels', text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const wb = openXlsx(pack(parts));
    await wb.replaceGeneratedSheets([{ ...TRIAL, name: '检查结果', table: 'Findings' }]);
    const out = unzipSync(await wb.toBytes());
    const xml = strFromU8(out['xl/workbook.xml'] as Uint8Array);
    const after = [...xml.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(after.indexOf('检查结果')).toBeLessThan(after.indexOf('科目余额表'));
    const local = /<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">'备注'/.exec(xml)?.[1];
    expect(after[Number(local)]).toBe('备注');
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(out['xl/_rels/workbook.xml.rels'] as Uint8Array)).not.toContain('calcChain');
  });
});

describe('adopting a user\'s workbook (init into it)', () => {
  it('keeps the tab the user had active: their sheet still says tabSelected, and we do not rewrite it', async () => {
    const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    const sheet = (selected: boolean): string =>
      `<?xml version="1.0"?><worksheet ${NS}><sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"/></sheetViews><sheetData/></worksheet>`;
    const parts: Parts = {};
    setText(parts, '[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/></Types>`);
    setText(parts, '_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    setText(parts, 'xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>');
    // The user last looked at their second sheet, 台账: activeTab 1, and that sheet is the selected one.
    setText(parts, 'xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="台账" sheetId="2" r:id="rId2"/></sheets></workbook>`);
    setText(parts, 'xl/worksheets/sheet1.xml', sheet(false));
    setText(parts, 'xl/worksheets/sheet2.xml', sheet(true));
    const wb = openXlsx(pack(parts));
    await wb.initialize(META, TYPED_TABLES);
    const out = unzipSync(await wb.toBytes());
    const xml = strFromU8(out['xl/workbook.xml'] as Uint8Array);
    expect([...xml.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]).slice(0, 2)).toEqual(['说明', '台账']);
    expect(/activeTab="(\d+)"/.exec(xml)?.[1]).toBe('1');
    expect(strFromU8(out['xl/worksheets/sheet2.xml'] as Uint8Array)).toBe(sheet(true));
  });
});

describe('appending after reading', () => {
  it('appends the same bytes whether readTables scanned the sheet first (its scan is reused) or not', async () => {
    const parts = await villageParts();
    const part = sheetPart(parts, '凭证');
    const xml = text(parts, part);
    const lastRow = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    // Below the vouchers: a note a user typed in column Z of the next row, and a formatted empty row two further down.
    const extra = `<row r="${lastRow + 1}"><c r="Z${lastRow + 1}" t="inlineStr"><is><t>村委会备注</t></is></c></row><row r="${lastRow + 3}"><c r="B${lastRow + 3}" s="1"/></row>`;
    setText(parts, part, xml.replace('</sheetData>', `${extra}</sheetData>`));
    const bytes = pack(parts);
    const lines = [
      ['2025-12-01', '99', '收到补助', '102', 100, null],
      ['2025-12-01', '99', '收到补助', '501', null, 100],
      ['2025-12-02', '100', '支付电费', '502', 35.5, null],
    ];

    const direct = openXlsx(bytes);
    await direct.appendRows(VOUCHERS, lines);
    const afterRead = openXlsx(bytes);
    const [before] = await afterRead.readTables([VOUCHERS]);
    await afterRead.appendRows(VOUCHERS, lines);

    const a = unzipSync(await direct.toBytes());
    const b = unzipSync(await afterRead.toBytes());
    expect(strFromU8(b[part] as Uint8Array)).toBe(strFromU8(a[part] as Uint8Array));
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    // The new lines take rows lastRow+1..lastRow+3; the note stays in its row, right of them.
    const out = strFromU8(b[part] as Uint8Array);
    expect(out).toContain(`<c r="Z${lastRow + 1}" t="inlineStr"><is><t>村委会备注</t></is></c>`);
    const [v] = await openXlsx(pack(b)).readTables([VOUCHERS]);
    expect(v?.rows.length).toBe((before?.rows.length ?? 0) + 3);
    expect(v?.rows.at(-1)?.slice(0, 6)).toEqual(['2025-12-02', '100', '支付电费', '502', 35.5, null]);
  });
});
