#!/usr/bin/env node
// `cunzhang`: runs the CLI built into dist/cli/ (src/dev/build-cli.cjs, run by `npm ci`): the
// entry cunzhang.cjs and the chunks each command loads when it runs, so a command starts plain
// JavaScript instead of compiling TypeScript each time. When the build is missing or older than a
// source file (someone edited src/), it is rebuilt first (esbuild, 2–3 s on a quiet machine), so
// tests and `npx cunzhang` always run current code.
// Without esbuild (an install that left out dev dependencies and has no build) it falls back to
// running the sources through tsx.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
const { Buffer } = require('node:buffer');

const build = require('../dev/build-cli.cjs');

/** This script's module: `require.main` for the modules of the build, as Node's own require gives it. */
const MAIN = require.main;

/** The exported `run` of the built CLI, or of the TypeScript sources when no build can be made. */
function loadCli() {
  if (build.isStale()) {
    try {
      build.buildCli();
    } catch (e) {
      if (fs.existsSync(build.OUTFILE)) throw e; // a real build error: show it, never run stale code
      require('tsx/cjs');
      return require('./main.ts');
    }
  }
  useCodeCache(build.OUT_DIR);
  return require(build.OUTFILE);
}

/**
 * Every .cjs file of the build (the entry and the chunks a command loads) is compiled with V8's
 * code cache kept next to it (file + '.v8cache'): compiling is most of a command's start-up.
 * Node's require has no such option (module.enableCompileCache arrives in Node 22), so the files
 * in `dir` are compiled here the way require would (Module.wrap, then the wrapper called with
 * exports, require, module, __filename, __dirname); any other file goes to Node's own loader.
 */
function useCodeCache(dir) {
  const js = Module._extensions['.js'];
  Module._extensions['.js'] = function load(mod, filename) {
    if (path.dirname(filename) !== dir || !filename.endsWith('.cjs')) return js.call(this, mod, filename);
    compileCached(mod, filename);
  };
}

/**
 * The cache's first line names the file it was made from (size and mtime), because V8 itself only
 * compares source lengths; a cache of another build, or one V8 rejects, is replaced.
 */
function compileCached(mod, file) {
  const cachePath = `${file}.v8cache`;
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const key = Buffer.from(`${stat.size} ${stat.mtimeMs}\n`);
  let cachedData;
  try {
    const bytes = fs.readFileSync(cachePath);
    if (bytes.subarray(0, key.length).equals(key)) cachedData = bytes.subarray(key.length);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const dirname = path.dirname(file);
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.main = MAIN;
  require.cache = Module._cache;
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, dirname);
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made now, right after loading: the top level and what it compiled, the same whatever the
    // command. (A cache made after a whole command is twice the size and slows `--help` down.)
    try {
      // temp + rename: a command starting meanwhile reads the old cache or the new, never half
      const tmp = `${cachePath}.${process.pid}`;
      fs.writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
      fs.renameSync(tmp, cachePath);
    } catch {
      // a read-only install: run without the cache
    }
  }
}

loadCli()
  .run(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
