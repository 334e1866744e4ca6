/**
 * The add-in's surface, checked on the sources (the built bundle is scanned by the e2e test):
 * user text is rendered as text, our code never turns a string into code, and the page's
 * Content-Security-Policy lets in only its own origin and Microsoft's Office.js CDN.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_STRING_TO_CODE, unexplained } from '../e2e/bundle-scan';

const ROOT = resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withInlineScriptHashes } = require(join(ROOT, 'src/dev/csp-plugin.cjs')) as { withInlineScriptHashes: (html: string) => string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|cjs|js)$/.test(name) ? [p] : [];
  });
}

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(content).toBeDefined();
  return new Map(content!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('task pane surface', () => {
  it('no source file renders HTML from a string or turns a string into code', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const re of [/dangerouslySetInnerHTML/, /\.(inner|outer)HTML\s*=/, /insertAdjacentHTML/, /(?<![\w$.])eval\s*\(/, /new\s+Function\s*\(/]) {
        if (re.test(text)) hits.push(`${f.slice(ROOT.length + 1)}: ${re.source}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('the policy allows only self and the Office.js CDN, no inline or eval script', () => {
    const html = withInlineScriptHashes(readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8'));
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    const allowed = new Set(["'self'", OFFICE_CDN, "'none'", 'data:', 'blob:']);
    for (const [name, sources] of policy) {
      for (const s of sources) {
        const ok = allowed.has(s) || (name === 'script-src' && /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)) || (name === 'style-src' && s === "'unsafe-inline'");
        expect([name, s, ok]).toEqual([name, s, true]);
      }
    }
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    // Scripts from anywhere but self and the CDN, e.g. a CDN of someone else's: not allowed.
    expect(policy.get('script-src')!.filter((s) => s.startsWith('http'))).toEqual([OFFICE_CDN]);
  });

  it('the build puts the hash of each inline script into the policy', () => {
    const template = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
    const inline = [...template.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const hashes = policyOf(withInlineScriptHashes(template)).get('script-src')!.filter((s) => s.startsWith("'sha256-"));
    expect(hashes).toEqual(inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`));
    // A page with two inline scripts gets two hashes; one without the placeholder is refused.
    const two = template.replace('</head>', '<script>var a=1;</script></head>');
    expect(policyOf(withInlineScriptHashes(two)).get('script-src')!.filter((s) => s.startsWith("'sha256-"))).toHaveLength(inline.length + 1);
    expect(() => withInlineScriptHashes(template.replace("'inline-script-hashes'", ''))).toThrow(/placeholder/);
  });

  it('the bundle scan explains the known library fallbacks and flags anything else', () => {
    const ok = ['Function("return this")', 'new Function("return this")', 'new Function("")', 'new Function(""+e)', 'Function("r","regeneratorRuntime = r")'];
    expect(unexplained(ok.map((call) => ({ file: 'x.js', call })))).toEqual([]);
    const bad = ['eval(code)', 'new Function(userText)', 'new Function("a","return a+1")', 'Function(s)'];
    expect(unexplained(bad.map((call) => ({ file: 'x.js', call }))).map((f) => f.call)).toEqual(bad);
    expect(KNOWN_STRING_TO_CODE.every((k) => k.why.length > 20)).toBe(true);
  });
});
