/**
 * manifest.xml: schema validation with xmllint against the vendored XSDs (tests/manifest/schemas),
 * plus the structural rules the schema cannot express (research/office-addin.md §2 and §5).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.join(ROOT, 'tests', 'manifest', 'schemas', 'OfficeAppManifestV1_1.xsd');
const XMLLINT = '/usr/bin/xmllint';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CJK = /[\u4e00-\u9fff]/;

interface El {
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

/** A small namespace-aware element tree; attributes keyed by local name, xsi:type as 'xsi:type'. */
function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { local: '#document', uri: '', attrs: {}, children: [], text: '' };
  let current = root;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === 'http://www.w3.org/2000/xmlns/' || a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri === XSI ? `xsi:${a.local}` : a.local] = a.value;
    }
    const el: El = { local: tag.local, uri: tag.uri, attrs, children: [], text: '', parent: current };
    current.children.push(el);
    current = el;
  });
  parser.on('text', (t) => {
    current.text += t;
  });
  parser.on('closetag', () => {
    current = current.parent ?? root;
  });
  parser.write(xml).close();
  return root;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of el.children) {
    if (pred(c)) out.push(c);
    all(c, pred, out);
  }
  return out;
}

const xml = readFileSync(MANIFEST, 'utf8');
const doc = parse(xml);
const byLocal = (name: string) => all(doc, (e) => e.local === name);
const one = (name: string): El => {
  const found = byLocal(name);
  expect(found, name).toHaveLength(1);
  return found[0] as El;
};

/** bt:Image / bt:Url / bt:String resources by id. */
const resources = new Map(
  all(doc, (e) => e.uri === BT && ['Image', 'Url', 'String'].includes(e.local) && e.attrs.id !== undefined).map((e) => [e.attrs.id ?? '', e]),
);

function xmllint(file: string): { status: number | null; stderr: string } {
  const r = spawnSync(XMLLINT, ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('manifest.xml against the Office XSDs (xmllint)', () => {
  it('validates', () => {
    const r = xmllint(MANIFEST);
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('the schema catches what it should: a bad Runtime lifetime, an unprefixed Override in bt:Url', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cunzhang-manifest-'));
    const badLifetime = path.join(dir, 'lifetime.xml');
    writeFileSync(badLifetime, xml.replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="forever"/>'));
    expect(xmllint(badLifetime).status).not.toBe(0);
    const unprefixed = path.join(dir, 'override.xml');
    writeFileSync(unprefixed, xml.replace('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>', '<Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>'));
    expect(xmllint(unprefixed).status).not.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('npm run validate runs the same check', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.validate).toBe('xmllint --noout --schema tests/manifest/schemas/OfficeAppManifestV1_1.xsd manifest.xml');
    expect(execFileSync('sh', ['-c', `${pkg.scripts.validate} 2>&1`], { cwd: ROOT, encoding: 'utf8' })).toContain('manifest.xml validates');
  });
});

describe('manifest.xml structure', () => {
  it('every resid resolves to a bt:* resource of the right kind', () => {
    const refs = all(doc, (e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) {
      const target = resources.get(r.attrs.resid ?? '');
      expect(target, `resid ${r.attrs.resid}`).toBeDefined();
      const parent = r.parent?.local ?? '';
      const want = r.uri === BT && r.local === 'Image' ? 'Image'
        : ['Runtime', 'SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(r.local) ? 'Url'
          : 'String';
      expect(target?.local, `${parent}/${r.local} → ${r.attrs.resid}`).toBe(want);
    }
  });

  it('one long-lived shared runtime: Runtime, the functions Page, FunctionFile and the pane share one resid', () => {
    const runtime = one('Runtime');
    expect(runtime.attrs.lifetime).toBe('long');
    const resid = runtime.attrs.resid;
    expect(resid).toBe('Taskpane.Url');
    const page = one('Page');
    expect(page.children.map((c) => c.attrs.resid)).toEqual([resid]);
    expect(one('FunctionFile').attrs.resid).toBe(resid);
    const action = one('Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(action.children.find((c) => c.local === 'SourceLocation')?.attrs.resid).toBe(resid);
    // A shared runtime has one pane; a ShowTaskpane without a TaskpaneId would be a second one
    // (configure-your-add-in-to-use-a-shared-runtime.md, "Multiple task panes").
    expect(action.children.map((c) => c.local)).toEqual(['TaskpaneId', 'SourceLocation', 'Title']);
    expect(one('TaskpaneId').text.trim()).toBe('Cunzhang.Taskpane');
    // Every URL that opens the page inside Office says so (?office=1): the page loads Office.js only then.
    expect(resources.get('Taskpane.Url')?.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html?office=1');
    expect(one('DefaultSettings').children.find((c) => c.local === 'SourceLocation')?.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html?office=1');
    // <Runtimes> comes first inside <Host>.
    expect(one('Runtimes').parent?.children[0]?.local).toBe('Runtimes');
  });

  it('requires SharedRuntime 1.1, CustomFunctionsRuntime 1.2 and ExcelApi 1.9 (why: requirement-sets.test.ts) and asks for ReadWriteDocument only', () => {
    const sets = all(one('Requirements'), (e) => e.local === 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ['SharedRuntime', '1.1'],
      ['CustomFunctionsRuntime', '1.2'],
      ['ExcelApi', '1.9'],
    ]);
    expect(one('Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  it('has a fixed GUID id, en-US default locale and the CUN namespace (≤ 32 characters)', () => {
    expect(one('Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one('DefaultLocale').text.trim()).toBe('en-US');
    const ns = resources.get(one('Namespace').attrs.resid ?? '');
    expect(ns?.attrs.DefaultValue).toBe('CUN');
    expect((ns?.attrs.DefaultValue ?? '').length).toBeLessThanOrEqual(32);
  });

  it('every display string has a zh-CN override, and overrides in resources are bt:Override', () => {
    const officeApp = one('OfficeApp');
    for (const name of ['DisplayName', 'Description']) {
      const el = officeApp.children.find((c) => c.local === name);
      const overrides = (el?.children ?? []).filter((c) => c.local === 'Override');
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(['zh-CN']);
      expect(overrides[0]?.attrs.Value).toMatch(CJK);
    }
    const strings = [...resources.values()].filter((e) => e.local === 'String');
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const s of strings) {
      const zh = s.children.filter((c) => c.local === 'Override' && c.attrs.Locale === 'zh-CN');
      expect(zh, s.attrs.id).toHaveLength(1);
      // The namespace is deliberately the same in every language.
      if (s.attrs.id !== 'Functions.Namespace') expect(zh[0]?.attrs.Value, s.attrs.id).toMatch(CJK);
    }
    const resourcesEl = one('Resources');
    for (const o of all(resourcesEl, (e) => e.local === 'Override')) expect(o.uri, 'Override under Resources').toBe(BT);
    // zh-CN Excel reads the Chinese function metadata.
    expect(resources.get('Functions.Metadata.Url')?.children[0]?.attrs.Value).toBe('https://localhost:3000/functions.zh-CN.json');
  });

  it('every URL is https on localhost:3000 and every icon file exists at its size', () => {
    const urls: string[] = [];
    for (const e of all(doc, () => true)) {
      for (const k of ['DefaultValue', 'Value']) {
        const v = e.attrs[k];
        if (v !== undefined && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
    }
    urls.push(...byLocal('AppDomain').map((e) => e.text.trim()));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    const images = [...resources.values()].filter((e) => e.local === 'Image');
    const iconUrls = [...images.map((e) => e.attrs.DefaultValue ?? ''), one('IconUrl').attrs.DefaultValue ?? '', one('HighResolutionIconUrl').attrs.DefaultValue ?? ''];
    for (const u of iconUrls) {
      const m = /\/assets\/icon-(\d+)\.png$/.exec(u);
      expect(m, `icon URL ${u}`).not.toBeNull();
      const png = readFileSync(path.join(ROOT, 'assets', `icon-${m?.[1]}.png`));
      expect(png.readUInt32BE(16), u).toBe(Number(m?.[1])); // IHDR width
      expect(png.readUInt32BE(20), u).toBe(Number(m?.[1])); // IHDR height
    }
    const sizes = all(one('Group'), (e) => e.local === 'Image' && e.uri === BT).map((e) => e.attrs.size);
    expect(sizes).toEqual(expect.arrayContaining(['16', '32', '80']));
  });
});
