/**
 * The .xlsx host also runs in the browser (standalone task pane, via webpack), so nothing it
 * imports, directly or through our own modules, may be a Node built-in. file.ts is the Node side.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = resolve(__dirname, '../../..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) out.push((m[1] ?? m[2]) as string);
  return out;
}

/** All modules reachable from `entry` through relative imports, and the bare packages they name. */
function graph(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) walk(`${join(dirname(file), spec)}.ts`);
      else packages.add(spec);
    }
  };
  walk(entry);
  return { files: [...seen], packages };
}

describe('xlsx host is browser-safe', () => {
  it('imports no Node built-in, directly or indirectly', () => {
    const { files, packages } = graph(join(ROOT, 'src/hosts/xlsx/xlsx-workbook.ts'));
    expect(files.length).toBeGreaterThan(5);
    expect(packages).toContain('fflate');
    expect(packages).not.toContain('exceljs');
    expect([...packages].filter((p) => NODE.has(p))).toEqual([]);
  });

  it('while file.ts, the Node side, does use fs (so the check can see it)', () => {
    expect([...graph(join(ROOT, 'src/hosts/xlsx/file.ts')).packages]).toContain('node:fs/promises');
  });
});

describe('ByteWriter without Node\'s Buffer (a browser page, or one that polyfills Buffer)', () => {
  const real = globalThis.Buffer;
  afterEach(() => {
    globalThis.Buffer = real;
    vi.resetModules();
  });

  it.each([
    ['no global Buffer', undefined],
    // The `buffer` polyfill has allocUnsafe but no utf8Write method.
    ['a polyfilled Buffer', { allocUnsafe: (n: number) => new Uint8Array(n) } as unknown as typeof Buffer],
  ])('%s: encodes with TextEncoder, the same UTF-8', async (_name, stand) => {
    (globalThis as { Buffer?: unknown }).Buffer = stand;
    vi.resetModules();
    const { ByteWriter } = await import('../../../src/hosts/xlsx/byte-writer');
    // '村' is 3 bytes; a 4-byte block makes each piece cross into a new block.
    const blocks: Uint8Array[] = [];
    const w = new ByteWriter({ push: (b) => blocks.push(b.slice()) }, 4);
    w.raw('<t>').raw('村账').raw('</t>').flush();
    // `real`: the global Buffer is the stand-in while this runs.
    expect(new TextDecoder().decode(real.concat(blocks))).toBe('<t>村账</t>');
  });
});
