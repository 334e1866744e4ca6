/**
 * The webpack wiring of the custom functions (webpack.config.js): the metadata plugin's loader
 * appends one CustomFunctions.associate per function to the built functions.js, and the build
 * emits functions.json and functions.zh-CN.json. Only the functions entry is built (seconds);
 * the built script then runs in a fresh VM context with a recording CustomFunctions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import webpack, { type Configuration } from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
let out: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'cunzhang-functions-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: { mode: string }) => Configuration;
  const full = makeConfig({}, { mode: 'development' });
  const config: Configuration = {
    ...full,
    context: ROOT,
    entry: { functions: (full.entry as Record<string, string>).functions ?? '' },
    output: { ...full.output, path: out },
    devtool: false,
    // Keep the metadata plugins; the page and the copied files are not under test here.
    plugins: (full.plugins ?? []).filter((p) => p && !['HtmlWebpackPlugin', 'CopyPlugin'].includes(p.constructor.name)),
  };
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    if (!compiler) return reject(new Error('no compiler'));
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      return resolve();
    });
    return undefined;
  });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('built functions.js', () => {
  it('associates all thirteen functions and computes with them', () => {
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const sandbox = {
      CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn) },
    };
    vm.runInNewContext(readFileSync(path.join(out, 'functions.js'), 'utf8'), sandbox);
    expect([...registered.keys()].sort()).toEqual(
      ['ACCOUNTNAME', 'BALANCE', 'CLASSIFY', 'COOPDIVIDEND', 'GRAINRENT', 'IRR', 'LANDRENT', 'LEASEINCOME', 'NPV', 'OPINCOME', 'PAYBACK', 'PVINCOME', 'PVYIELD'],
    );
    expect(registered.get('LANDRENT')?.(100, 800, 2024, 2027, 0.05, 3)).toBe(84000);
    expect(registered.get('CLASSIFY')?.(131400, null)).toBe('一般村');
  });

  it('comes with functions.json and its Chinese twin', () => {
    const en = JSON.parse(readFileSync(path.join(out, 'functions.json'), 'utf8')) as { functions: { id: string; description: string }[] };
    const zh = JSON.parse(readFileSync(path.join(out, 'functions.zh-CN.json'), 'utf8')) as { functions: { id: string; description: string }[] };
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(zh.functions.find((f) => f.id === 'NPV')?.description).toMatch(/^净现值/);
  });
});
