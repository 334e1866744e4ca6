// Lint rules; kept under tests/ so the top level stays as the card lists it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostModules = ['react', 'react-dom', 'exceljs', 'fflate', 'office-addin-mock', 'fs', 'node:fs', 'path', 'node:path', 'fs/promises', 'node:fs/promises', 'commander'];

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
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
