#!/usr/bin/env node
/**
 * `npm start`: builds the add-in (webpack, development mode unless --prod) and serves dist/ over
 * HTTPS on https://localhost:3000, the URLs manifest.xml names. Installs nothing and never asks
 * a question, so it runs headless (CI, containers, root without sudo).
 *
 * Certificates, in order of preference:
 *   1. office-addin-dev-certs: generates ~/.office-addin-dev-certs/{ca.crt,localhost.crt,localhost.key}
 *      and installs the CA into the system trust store (needs sudo on Linux);
 *   2. if installing the CA fails, the generated files are used anyway (browsers will warn until
 *      ca.crt is trusted by hand; curl needs -k or --cacert);
 *   3. if generation fails too, a throw-away self-signed certificate made with openssl.
 *
 * Options: --prod (production build), --no-build (serve dist/ as it is), --watch (rebuild on
 * change), --port N (or CUNZHANG_PORT; default 3000: the manifest names 3000, so other ports
 * suit tests only). Binds 127.0.0.1 (CUNZHANG_HOST to change it).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { X509Certificate } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createStaticServer } = require('./static-server.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const MANIFEST_PORT = 3000;

function parseArgs(argv) {
  const opts = { prod: false, build: true, watch: false, port: Number(process.env.CUNZHANG_PORT ?? MANIFEST_PORT) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--prod') opts.prod = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--watch') opts.watch = true;
    else if (a === '--port') opts.port = Number(argv[++i]);
    else throw new Error(`未知选项 unknown option: ${a}`);
  }
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) throw new Error('端口无效 invalid port');
  return opts;
}

/** Runs webpack once (or in watch mode); resolves after the first successful build. */
function build(opts) {
  const webpack = require('webpack');
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: opts.prod ? 'production' : 'development' });
  const compiler = webpack(config);
  return new Promise((resolve, reject) => {
    let first = true;
    const done = (err, stats) => {
      if (err || stats.hasErrors()) {
        const msg = err ? String(err) : stats.toString('errors-only');
        if (first) return reject(new Error(`构建失败 build failed:\n${msg}`));
        console.error(`构建失败 build failed:\n${msg}`);
        return undefined;
      }
      console.log(`构建完成 built in ${stats.endTime - stats.startTime} ms (${opts.prod ? 'production' : 'development'})`);
      if (first) {
        first = false;
        resolve();
      }
      return undefined;
    };
    if (opts.watch) compiler.watch({ aggregateTimeout: 300 }, done);
    else compiler.run((err, stats) => compiler.close(() => done(err, stats)));
  });
}

const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const CERT_FILES = { key: path.join(CERT_DIR, 'localhost.key'), cert: path.join(CERT_DIR, 'localhost.crt'), ca: path.join(CERT_DIR, 'ca.crt') };

/** The dev certificate already on disk if it is good for at least another day (so a CA the user trusted by hand stays valid). */
function existingCertificate() {
  if (!fs.existsSync(CERT_FILES.key) || !fs.existsSync(CERT_FILES.cert)) return undefined;
  const cert = fs.readFileSync(CERT_FILES.cert);
  const validTo = Date.parse(new X509Certificate(cert).validTo);
  if (!(validTo - Date.now() > 24 * 3600 * 1000)) return undefined;
  return { key: fs.readFileSync(CERT_FILES.key), cert };
}

function untrustedNote(reason) {
  return `${CERT_DIR} (office-addin-dev-certs); the CA is not in the system trust store (${reason}).\n` +
    `  Trust ${CERT_FILES.ca} by hand (Linux: copy to /usr/local/share/ca-certificates/ and run update-ca-certificates;\n` +
    '  Windows: certutil -addstore -user Root ca.crt; macOS: add to the login keychain as "Always Trust"). curl needs -k or --cacert.';
}

/** Certificate and key, plus a note on how they were obtained. */
async function certificates() {
  const devCerts = require('office-addin-dev-certs');
  const existing = existingCertificate();
  if (existing) {
    let trusted;
    try {
      trusted = devCerts.verifyCertificates();
    } catch {
      trusted = false;
    }
    return { tls: existing, note: trusted ? `${CERT_DIR} (office-addin-dev-certs; CA trusted)` : untrustedNote('not verified') };
  }
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { tls: { key: o.key, cert: o.cert }, note: `${CERT_DIR} (office-addin-dev-certs; CA installed)` };
  } catch (e) {
    // Installing the CA needs sudo on Linux; the certificate files were generated before that step.
    if (!existingCertificate()) {
      try {
        await devCerts.generateCertificates();
      } catch {
        // fall through to openssl below
      }
    }
    const generated = existingCertificate();
    if (generated) return { tls: generated, note: untrustedNote(firstLine(e)) };
    return selfSigned(e);
  }
}

function selfSigned(cause) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cunzhang-cert-'));
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'pipe' });
  return {
    tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) },
    note: `self-signed certificate in ${dir} (office-addin-dev-certs failed: ${firstLine(cause)}); browsers will warn.`,
  };
}

function firstLine(e) {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

function printHelp(port, certNote) {
  const base = `https://localhost:${port}`;
  const sample = fs.existsSync(path.join(DIST, 'sample-village.xlsx'));
  console.log(`
村账 Cunzhang 已启动 / is running: ${base}  (dist/ served from ${DIST})
证书 certificate: ${certNote}

独立网页 Standalone page (any browser, no Excel):
  ${base}/taskpane.html
  ${base}/taskpane.html?sample=1   (示范村 sample workbook preloaded${sample ? '' : ' — assets/sample-village.xlsx is missing: run `npm run sample` and restart'})

加载到 Excel 网页版 Sideload into Excel on the web:
  Open a workbook at office.com > Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in,
  choose ${path.join(ROOT, 'manifest.xml')} (also at ${base}/manifest.xml). The browser must trust the certificate.

加载到 Excel 桌面版 Sideload into Excel desktop:
  Windows: share a folder holding manifest.xml, add its \\\\server\\share path under File > Options > Trust Center >
    Trust Center Settings > Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel, then
    Home > Add-ins > More Add-ins > Shared Folder > 村账 Cunzhang.
  macOS: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.
  The ribbon button is Home > 村账 > 打开村账; functions are =CUN.BALANCE(...), =CUN.LANDRENT(...) etc.
${port === MANIFEST_PORT ? '' : `\n注意 NOTE: manifest.xml names port ${MANIFEST_PORT}; Excel will not find this server on ${port}.\n`}
Ctrl+C 停止 to stop.`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) await build(opts);
  else if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/ is empty: run without --no-build');
  const { tls, note } = await certificates();
  const server = createStaticServer(DIST, tls);
  const host = process.env.CUNZHANG_HOST ?? '127.0.0.1';
  try {
    await listen(server, opts.port, host);
  } catch (e) {
    throw new Error(e && e.code === 'EADDRINUSE' ? `端口 ${opts.port} 已被占用 port ${opts.port} is in use` : firstLine(e), { cause: e });
  }
  printHelp(opts.port, note);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`启动失败 start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
