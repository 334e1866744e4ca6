// node:child_process, loaded on first use (see the alias in build-cli.cjs). `child_process`
// without the prefix is not aliased, so this require reaches Node's own module.
'use strict';
let real;
const get = () => (real ??= require('child_process'));
module.exports = new Proxy({}, { get: (_t, key) => get()[key], has: (_t, key) => key in get() });
