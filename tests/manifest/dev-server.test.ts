/**
 * The HTTPS static server behind `npm start` (src/dev/static-server.cjs), which serves the URLs
 * manifest.xml names: files under the root only, the page at '/', CORS open, GET/HEAD only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A CommonJS dev script without type declarations, loaded as npm start loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createStaticServer, resolveUnder } = require('../../src/dev/static-server.cjs') as {
  createStaticServer: (root: string, tls: { key: Buffer; cert: Buffer }) => https.Server;
  resolveUnder: (root: string, url: string) => string | undefined;
};

let root: string;
let server: https.Server;
let base: string;

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; cors: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${base}${url}`, { method, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), cors: String(res.headers['access-control-allow-origin']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cunzhang-serve-'));
  root = path.join(dir, 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'taskpane.html'), '<p>村账</p>');
  writeFileSync(path.join(root, 'functions.json'), '{"functions":[]}');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the root');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'pipe' });
  server = createStaticServer(root, { key: readFileSync(path.join(dir, 'k.pem')), cert: readFileSync(path.join(dir, 'c.pem')) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('static server for npm start', () => {
  it('serves the page (also at /) and the metadata with their types and open CORS', async () => {
    const page = await get('/taskpane.html?sample=1');
    expect([page.status, page.type, page.cors, page.body]).toEqual([200, 'text/html; charset=utf-8', '*', '<p>村账</p>']);
    expect((await get('/')).body).toBe('<p>村账</p>');
    const meta = await get('/functions.json');
    expect([meta.status, meta.type]).toEqual([200, 'application/json; charset=utf-8']);
  });

  it('never serves outside the root, directories or missing files, and only GET/HEAD', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/taskpane.html', 'POST')).status).toBe(405);
    expect((await get('/taskpane.html', 'HEAD')).status).toBe(200);
    expect(resolveUnder('/srv/dist', '/%2e%2e%2fsecret.txt')).toBeUndefined();
    expect(resolveUnder('/srv/dist', '/%E0%A4%A')).toBeUndefined();
    expect(resolveUnder('/srv/dist', '/assets/icon-16.png')).toBe(path.resolve('/srv/dist/assets/icon-16.png'));
  });
});
