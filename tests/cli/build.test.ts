/**
 * The CLI build's ES module → CommonJS step (src/dev/build-cli.cjs): each chunk's exports object is
 * the one esbuild fills with a getter per binding, not a copy with a second getter in front.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../src/dev/build-cli.cjs') as {
  esmToCommonJs(esb: typeof esbuild, text: string): string;
  buildCli(): string;
  OUT_DIR: string;
};

/** Runs CommonJS text as a module and returns its exports. */
function load(code: string): Record<string, unknown> {
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
  return mod.exports;
}

describe('esmToCommonJs', () => {
  const esm = 'export let count = 0;\nexport function bump() { count += 1; }\nexport const label = "村账";\n';

  it('hands out the exports object with one getter per binding, and bindings stay live', () => {
    const code = build.esmToCommonJs(esbuild, esm);
    expect(code).toContain('var __toCommonJS = (mod) => __defProp(mod, "__esModule", { value: true });');
    const m = load(code);
    expect(m.__esModule).toBe(true);
    expect(m.label).toBe('村账');
    // a live binding: `count` read after bump() is the new value, as an ES module import would see it
    expect(m.count).toBe(0);
    (m.bump as () => void)();
    (m.bump as () => void)();
    expect(m.count).toBe(2);
    // one level: the getter on the exports object returns the binding itself, not another getter's result
    const d = Object.getOwnPropertyDescriptor(m, 'count');
    expect(typeof d?.get).toBe('function');
    expect(d?.get?.toString()).toBe('() => count');
  });

  it('matches the helper esbuild writes today (else the rewrite silently stops applying)', () => {
    const plain = esbuild.transformSync(esm, { format: 'cjs', platform: 'node', target: 'node20' }).code;
    expect(plain).toMatch(/var __toCommonJS = \(mod\) => __copyProps\(__defProp\(\{\}, "__esModule", \{ value: true \}\), mod\);/);
  });

  it('every chunk of the built CLI that has exports has the one-getter form', () => {
    build.buildCli(); // current build (a no-op rewrite when nothing changed)
    const dir = resolve(build.OUT_DIR);
    const chunks = readdirSync(dir).filter((f) => /^chunk-.*\.cjs$/.test(f));
    expect(chunks.length).toBeGreaterThan(10);
    let withExports = 0;
    for (const f of chunks) {
      const text = readFileSync(join(dir, f), 'utf8');
      if (!text.includes('var __toCommonJS')) continue;
      withExports++;
      expect(text, f).toMatch(/var __toCommonJS = \((\w+)\) => __defProp\(\1, "__esModule", \{ value: true \}\);/);
      expect(text, f).not.toContain('__copyProps(__defProp({}, "__esModule"');
    }
    expect(withExports).toBeGreaterThan(10);
  });
});
