#!/usr/bin/env node
// The test suite drives real programs: Debian's Chromium (task pane e2e), LibreOffice Calc
// (an independent spreadsheet reading what we write), xmllint (manifest XSD validation) and poppler's
// pdfinfo/pdftotext (reading the PDFs LibreOffice prints).
// On a fresh Debian machine they are missing, so install them here; we run as root in CI.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const needs = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/soffice', pkg: 'libreoffice-calc' },
  { bin: '/usr/bin/xmllint', pkg: 'libxml2-utils' },
  // pdfinfo / pdftotext: page count, page size and text of the disclosure PDFs LibreOffice prints.
  { bin: '/usr/bin/pdfinfo', pkg: 'poppler-utils' },
  { bin: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', pkg: 'fonts-noto-cjk' },
];
const missing = needs.filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? '' : 'sudo ';
console.log(`Installing system packages the tests need: ${missing.join(' ')}`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit', env });
} catch {
  console.error(`Could not install ${missing.join(' ')}. Install them with apt-get and run the tests again.`);
  process.exit(1);
}
