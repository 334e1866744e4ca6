#!/usr/bin/env node
// Supply chain check: `npm audit --omit=dev` must report no high or critical advisory in what we
// ship. Offline-tolerant: when the registry cannot be reached (no network in CI, a proxy down),
// it says so and exits 0, so a missing network alone never fails the build; any other failure
// to run the audit, or a high/critical finding, exits 1.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
const text = `${r.stdout ?? ''}`;
const err = `${r.stderr ?? ''}`;

/** Errors that mean "could not ask the registry", not "the answer is bad". */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network|getaddrinfo|audit endpoint returned an error|request to .* failed/i;

let report;
try {
  report = JSON.parse(text);
} catch {
  report = undefined;
}
if (r.error || report === undefined || report.error) {
  const why = [r.error?.message, report?.error?.summary, report?.error?.detail, err].filter(Boolean).join(' ');
  if (r.error?.code === 'ETIMEDOUT' || OFFLINE.test(why)) {
    console.log(`npm audit: 无法连接软件包仓库的审计服务，跳过审计 / the registry audit service cannot be reached, audit skipped (${why.split('\n')[0].slice(0, 160)})`);
    process.exit(0);
  }
  console.error(`npm audit: 运行失败 / could not run: ${why.slice(0, 500)}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities ?? {};
const high = (counts.high ?? 0) + (counts.critical ?? 0);
const summary = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
if (high > 0) {
  const names = Object.values(report.vulnerabilities ?? {})
    .filter((v) => v.severity === 'high' || v.severity === 'critical')
    .map((v) => `${v.name} (${v.severity})`);
  console.error(`npm audit --omit=dev: ${high} 个高危/严重漏洞 / high or critical advisories: ${names.join(', ')}`);
  process.exit(1);
}
console.log(`npm audit --omit=dev: 无高危或严重漏洞 / no high or critical advisories (${summary || 'none'})`);
