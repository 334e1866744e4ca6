// Lint rules; kept under tests/ so the top level stays as the card lists it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostModules = ['react', 'react-dom', 'exceljs', 'fflate', 'office-addin-mock', 'fs', 'node:fs', 'path', 'node:path', 'fs/promises', 'node:fs/promises', 'commander'];

/*
 * Layers (DESIGN.md "Rooms"): core → nothing of ours; workbook → core; app → workbook, core;
 * hosts → workbook, core; faces (cli, taskpane, functions) → app (and what app may use), never
 * another face and never a host, except the composition roots that pick the host.
 */
const ROOMS = { app: '**/app/**', workbook: '**/workbook/**', hosts: '**/hosts/**', cli: '**/cli/**', taskpane: '**/taskpane/**', functions: '**/functions/**' };
const layer = (files, forbidden, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((room) => ({ group: [ROOMS[room]], message: `${files[0]} may not import src/${room} (layers: tests/eslint.config.mjs, DESIGN.md).` })),
    }],
  },
});
/** Modules that choose the host (the .xlsx file or live Excel) for a face. */
const COMPOSITION_ROOTS = ['src/cli/main.ts', 'src/cli/book-file.ts', 'src/cli/exit-codes.ts', 'src/cli/sample-commands.ts', 'src/cli/read-input.ts', 'src/cli/commands/consolidate.ts', 'src/cli/commands/consolidate-worker.ts', 'src/taskpane/host.ts'];

export default tseslint.config(
  { basePath: '..' },
  { ignores: ['node_modules/**', 'dist/**', 'test-output/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no host, UI or file-system import (STYLE.md habit 1).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: hostModules.map((name) => ({ name, message: 'src/core must stay pure: no host, UI or file-system imports.' })),
        patterns: [
          { group: ['**/hosts/**', '**/taskpane/**', '**/cli/**', '**/functions/**', '**/app/**', '**/workbook/**', '@fluentui/*'], message: 'src/core imports nothing of ours but itself.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'Office', message: 'no Office in src/core' }, { name: 'Excel', message: 'no Excel in src/core' }],
    },
  },
  layer(['src/workbook/**/*.ts'], ['app', 'hosts', 'cli', 'taskpane', 'functions']),
  layer(['src/app/**/*.ts'], ['hosts', 'cli', 'taskpane', 'functions']),
  layer(['src/hosts/**/*.ts'], ['app', 'cli', 'taskpane', 'functions']),
  layer(['src/cli/**/*.ts'], ['hosts', 'taskpane', 'functions'], COMPOSITION_ROOTS),
  layer(['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'], ['hosts', 'cli', 'functions'], COMPOSITION_ROOTS),
  layer(['src/functions/**/*.ts'], ['hosts', 'cli', 'taskpane', 'workbook']),
  layer(COMPOSITION_ROOTS.filter((f) => f.startsWith('src/cli/')), ['taskpane', 'functions']),
  layer(COMPOSITION_ROOTS.filter((f) => f.startsWith('src/taskpane/')), ['cli', 'functions']),
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
