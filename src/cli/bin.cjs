#!/usr/bin/env node
// `cunzhang`: loads the TypeScript CLI through tsx's CommonJS register hook, so the package runs
// from source (no build step) from any working directory and via `npx cunzhang`.
'use strict';
require('tsx/cjs');
const { run } = require('./main.ts');
run(process.argv).then((code) => {
  process.exitCode = code;
});
