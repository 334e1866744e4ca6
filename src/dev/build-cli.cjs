/**
 * Builds the command line into CommonJS files in dist/cli/ with esbuild, so that `cunzhang`
 * starts plain JavaScript instead of compiling TypeScript through tsx on every run (tsx alone
 * cost ~0.4 s before any work). Run by `npm ci`/`npm install` (the "prepare" script) and by
 * src/cli/bin.cjs whenever a source file is newer than the build.
 *
 *   node src/dev/build-cli.cjs
 *
 * The build is split at every dynamic `import()`: dist/cli/cunzhang.cjs holds the command
 * definitions (commander and main.ts, ~150 KB), and each command loads the chunks it needs when it
 * runs (the engine, the plan document with ECharts, the consolidation). One 4.6 MB bundle cost
 * `--help` ~0.25 s of reading, compiling and running code it never used. esbuild splits only
 * ES-module output (https://esbuild.github.io/api/#splitting), so the chunks are built as ES
 * modules and each is then turned into CommonJS with esbuild's transform: `import()` becomes a
 * `require` when the command reaches it, and bin.cjs can load every chunk with V8's code cache
 * (Node 20 has no code cache for ES modules).
 *
 * Next to the entry it writes cunzhang.inputs.json: every source file that went into the build,
 * so bin.cjs can tell a stale build by comparing a few hundred mtimes instead of walking src/.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'dist', 'cli');
const OUTFILE = path.join(OUT_DIR, 'cunzhang.cjs');
const INPUTS = path.join(OUT_DIR, 'cunzhang.inputs.json');
/** Chunks of earlier builds are removed once this old: a command started before a rebuild may still load its own. */
const OLD_CHUNK_MS = 10 * 60 * 1000;

/**
 * Bundle the entries and the npm packages they use. Bundling the packages too starts faster
 * than leaving them external (one file to read and compile instead of hundreds of module
 * lookups), and the result does not depend on node_modules' layout at run time.
 */
function buildCli() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: {
      cunzhang: path.join(ROOT, 'src', 'cli', 'main.ts'),
      // The consolidation worker threads load their own entry beside the chunks (consolidate-pool.ts).
      'consolidate-worker': path.join(ROOT, 'src', 'cli', 'commands', 'consolidate-worker.ts'),
    },
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'error',
    // Source files keep their names in stack traces; no minifying, each chunk is read once per run.
    sourcemap: false,
    legalComments: 'none',
    // DuckDB's native binding is found at run time among per-platform packages (only `--export` loads it).
    external: ['@duckdb/*'],
    // commander requires node:child_process when it loads, for executable subcommands, which we
    // do not use; that pulled in net and stream and cost every command ~12 ms before any work (CPU
    // profile of `cunzhang --help`). The stand-in loads the real module on first use.
    alias: { 'node:child_process': path.join(ROOT, 'src', 'dev', 'lazy-child-process.cjs') },
    write: false,
  });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const written = new Set();
  const entries = [];
  for (const file of result.outputFiles) {
    const name = path.basename(file.path).replace(/\.js$/, '.cjs');
    const code = esmToCommonJs(esbuild, file.text.replace(/(["'])\.\/(chunk-[\w-]+)\.js\1/g, '$1./$2.cjs$1'));
    written.add(name);
    if (name.startsWith('chunk-')) {
      // A chunk's name is the hash of its ES module, not of what esmToCommonJs made of it, so one
      // already there is rewritten only when it differs (a changed transform); an unchanged chunk
      // keeps its mtime, and with it its code cache.
      if (!sameText(path.join(OUT_DIR, name), code)) writeAtomic(path.join(OUT_DIR, name), code);
    } else entries.push([name, code]);
  }
  // Entries last, each by temp + rename: tests start several commands at once and each may find
  // the build stale; a command reads the old entry (whose chunks are still there) or the new one.
  for (const [name, code] of entries) writeAtomic(path.join(OUT_DIR, name), code);
  // Only our own sources: a package upgrade goes through npm, whose "prepare" rebuilds anyway.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
  writeAtomic(INPUTS, `${JSON.stringify(inputs)}\n`);
  removeOldChunks(written);
  return OUTFILE;
}

/** One ES module of the build as CommonJS (esbuild's transform), its exports read through one getter, not two. */
function esmToCommonJs(esbuild, text) {
  const code = esbuild.transformSync(text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() → Promise.resolve().then(() => require(…)): the chunk loads through require (and the code cache).
    supported: { 'dynamic-import': false },
    logLevel: 'error',
    legalComments: 'none',
  }).code;
  return code.replace(TO_COMMONJS, 'var __toCommonJS = ($1) => __defProp($1, "__esModule", { value: true });');
}

/**
 * esbuild's helper that makes a module's exports object: a copy of `stdin_exports` whose every
 * property is a getter reading `stdin_exports`, whose property is itself a getter reading the
 * binding. So every call into another chunk (`import_chunk_X.fn(…)`) ran two getters; before the
 * JIT has warmed up that is not free: 18 ms of self time in a CPU profile of `report` on 10,000
 * lines. The rewrite hands out `stdin_exports` itself: one getter per binding, still live (an
 * exported `let` reassigned later reads its new value). Over 25 alternating runs of that
 * `report`, CPU median 0.66 → 0.61 s. Should esbuild change the helper, the regex no longer
 * matches and the code is left as esbuild wrote it (tests/cli/build.test.ts then fails).
 */
const TO_COMMONJS = /var __toCommonJS = \((\w+)\) => __copyProps\(__defProp\(\{\}, "__esModule", \{ value: true \}\), \1\);/;

function sameText(file, text) {
  try {
    return fs.readFileSync(file, 'utf8') === text;
  } catch {
    return false;
  }
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Chunks (and their code caches) that no longer belong to the build, once no command can still need them. */
function removeOldChunks(current) {
  const now = Date.now();
  for (const name of fs.readdirSync(OUT_DIR)) {
    const chunk = /^(chunk-[\w-]+\.cjs)(\.v8cache)?$/.exec(name)?.[1];
    if (chunk === undefined || current.has(chunk)) continue;
    try {
      if (now - fs.statSync(path.join(OUT_DIR, name)).mtimeMs > OLD_CHUNK_MS) fs.unlinkSync(path.join(OUT_DIR, name));
    } catch {
      // another build removed it first
    }
  }
}

/**
 * True when the build is missing or any of its recorded inputs changed after it was built. A
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

module.exports = { buildCli, esmToCommonJs, isStale, OUTFILE, OUT_DIR, ROOT };

if (require.main === module) {
  const started = Date.now();
  buildCli();
  process.stdout.write(`built ${path.relative(ROOT, OUTFILE)} in ${Date.now() - started} ms\n`);
}
