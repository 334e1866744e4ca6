/**
 * What in our built bundle can turn a string into code: every `eval(` and `Function(` call in the
 * scripts webpack emits (not Microsoft's office-js/ files, which are loaded only inside Office).
 * Our own source has none (tests/taskpane/surface.test.ts); the libraries carry a few fallbacks
 * that run only where the page's CSP would refuse them anyway. Each is listed here with why it is
 * harmless; anything else fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Known library uses, as the text of the call. */
export const KNOWN_STRING_TO_CODE: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /^(new )?Function\(\s*["']return this["']\s*\)$/, why: 'globalThis fallback for engines without globalThis (webpack runtime, lodash, regenerator in exceljs); a constant string' },
  { pattern: /^new Function\(\s*""\s*\)$/, why: "zod's probe for compiled parsers; skipped under z.config({ jitless: true }) (src/taskpane/csp.ts)" },
  { pattern: /^Function\(\s*"r"\s*,\s*"regeneratorRuntime = r"\s*\)$/, why: "regenerator-runtime (in exceljs) setting a global in sloppy mode when a plain assignment failed; a constant string" },
  { pattern: /^new Function\(\s*""\s*\+\s*\w+\s*\)$/, why: "setImmediate polyfill in exceljs's JSZip for a string callback, which nothing passes" },
];

export interface StringToCode {
  file: string;
  call: string;
}

/** Every eval( / Function( call in the emitted .js files of `dir` (top level). */
export function scanBundle(dir: string): StringToCode[] {
  const out: StringToCode[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?<![\w$.])(?:eval|(?:new\s+)?Function)\s*\(([^()]|\([^()]*\))*\)/g)) {
      out.push({ file, call: m[0] });
    }
  }
  return out;
}

/** The calls no known use explains. */
export function unexplained(found: readonly StringToCode[]): StringToCode[] {
  return found.filter((f) => !KNOWN_STRING_TO_CODE.some((k) => k.pattern.test(f.call)));
}
