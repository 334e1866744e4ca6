/**
 * Builds the command line into one CommonJS file, dist/cli/cunzhang.cjs, with esbuild, so that
 * `cunzhang` starts plain JavaScript instead of compiling TypeScript through tsx on every run
 * (tsx alone cost ~0.4 s before any work). Run by `npm ci`/`npm install` (the "prepare"
 * script) and by src/cli/bin.cjs whenever a source file is newer than the build.
 *
 *   node src/dev/build-cli.cjs
 *
 * Next to the bundle it writes cunzhang.inputs.json: every source file that went into it, so
 * bin.cjs can tell a stale build by comparing a few dozen mtimes instead of walking src/.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'src', 'cli', 'main.ts');
const OUT_DIR = path.join(ROOT, 'dist', 'cli');
const OUTFILE = path.join(OUT_DIR, 'cunzhang.cjs');
const WORKER_FILE = path.join(OUT_DIR, 'consolidate-worker.cjs');
const INPUTS = path.join(OUT_DIR, 'cunzhang.inputs.json');

/**
 * Bundle src/cli/main.ts and the npm packages it uses. Bundling the packages too starts faster
 * than leaving them external (measured: one file to read and compile instead of hundreds of
 * module lookups), and the result does not depend on node_modules' layout at run time.
 */
function buildCli() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: OUTFILE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    // Source files keep their names in stack traces; no minifying, the file is read once per run.
    sourcemap: false,
    legalComments: 'none',
    // DuckDB's native binding is found at run time among per-platform packages (only `--export` loads it).
    external: ['@duckdb/*'],
    write: false,
  });
  // The consolidation worker threads load their own entry beside the bundle (consolidate-pool.ts).
  const worker = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src', 'cli', 'commands', 'consolidate-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@duckdb/*'],
    logLevel: 'warning',
    legalComments: 'none',
    write: false,
  });
  // temp + rename: tests start several commands at once, and each may find the build stale; a
  // command must read the old bundle or the new, never half of one.
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${OUTFILE}.${process.pid}.tmp`;
  fs.writeFileSync(`${WORKER_FILE}.${process.pid}.tmp`, worker.outputFiles[0].contents);
  fs.renameSync(`${WORKER_FILE}.${process.pid}.tmp`, WORKER_FILE);
  fs.writeFileSync(tmp, result.outputFiles[0].contents);
  fs.renameSync(tmp, OUTFILE);
  // Only our own sources: a package upgrade goes through npm, whose "prepare" rebuilds anyway.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.startsWith('node_modules/'));
  fs.writeFileSync(`${INPUTS}.${process.pid}.tmp`, `${JSON.stringify(inputs)}\n`);
  fs.renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  return OUTFILE;
}

/**
 * True when the bundle is missing or any of its recorded inputs changed after it was built. A
 * new source file only matters once an existing one imports it, and that one is then newer.
 */
function isStale() {
  let built;
  let inputs;
  try {
    built = fs.statSync(OUTFILE).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  for (const rel of inputs) {
    try {
      if (fs.statSync(path.join(ROOT, rel)).mtimeMs > built) return true;
    } catch {
      return true; // an input was deleted or renamed
    }
  }
  return false;
}

module.exports = { buildCli, isStale, OUTFILE, ROOT };

if (require.main === module) {
  const started = Date.now();
  buildCli();
  process.stdout.write(`built ${path.relative(ROOT, OUTFILE)} in ${Date.now() - started} ms\n`);
}
