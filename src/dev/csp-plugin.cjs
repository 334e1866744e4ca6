/**
 * Fills the task pane's Content-Security-Policy with the SHA-256 of every inline <script> of the
 * page as emitted (after html-webpack-plugin's minifier, which rewrites inline scripts), so the
 * policy allows exactly those scripts and no others: 'unsafe-inline' is never needed, and an
 * edited inline script cannot silently fall out of the policy.
 */
const crypto = require('node:crypto');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** Where the hashes go in src/taskpane/taskpane.html's policy. */
const PLACEHOLDER = "'inline-script-hashes'";

/** The page with PLACEHOLDER replaced by one 'sha256-…' source per inline script. */
function withInlineScriptHashes(html) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (!csp || !csp[1].includes(PLACEHOLDER)) throw new Error(`taskpane.html: no Content-Security-Policy with the ${PLACEHOLDER} placeholder`);
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[1].trim() !== '')
    .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  const policy = csp[1].replace(PLACEHOLDER, hashes.join(' '));
  return html.slice(0, csp.index) + csp[0].replace(csp[1], policy) + html.slice(csp.index + csp[0].length);
}

class CspInlineHashPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('CspInlineHashPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tapAsync('CspInlineHashPlugin', (data, done) => {
        try {
          done(null, { ...data, html: withInlineScriptHashes(data.html) });
        } catch (e) {
          done(e);
        }
      });
    });
  }
}

module.exports = { CspInlineHashPlugin, withInlineScriptHashes, PLACEHOLDER };
