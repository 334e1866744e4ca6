/**
 * A small HTTPS static file server for dist/ (the add-in page, bundles, manifest and
 * sample workbook). No directory listings, no paths outside the root, CORS open as the Office
 * templates have it (Excel loads the page and functions.json from another origin).
 */
'use strict';
const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file under `root` that a URL path names, or undefined when it would leave the root. */
function resolveUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const rel = decoded === '/' ? 'taskpane.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** Creates (does not start) the server. `tls` = { key, cert } (and optionally ca). */
function createStaticServer(root, tls) {
  const absRoot = path.resolve(root);
  return https.createServer(tls, (req, res) => {
    const file = resolveUnder(absRoot, req.url ?? '/');
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    fs.stat(file ?? '', (err, st) => {
      if (file === undefined || err || !st.isFile()) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到 / not found\n');
        return;
      }
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': st.size });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

module.exports = { createStaticServer, resolveUnder };
