/**
 * The layer rule in tests/eslint.config.mjs, checked by making it fail: each forbidden import
 * below, linted as if it sat in that room, must be reported, and each allowed one must not.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });

const ROOT = join(__dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'tests', 'eslint.config.mjs') });
});

/** The no-restricted-imports messages for one import line placed in `file`. */
async function layerErrors(file: string, from: string): Promise<string[]> {
  const [r] = await eslint.lintText(`import * as m from '${from}';\nexport const x = m;\n`, { filePath: join(ROOT, file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('each layer imports only what it may', () => {
  it.each([
    ['src/core/money-x.ts', '../workbook/port'],
    ['src/core/money-x.ts', 'exceljs'],
    ['src/workbook/x.ts', '../app/book'],
    ['src/workbook/x.ts', '../hosts/xlsx/file'],
    ['src/app/x.ts', '../hosts/xlsx/xlsx-workbook'],
    ['src/app/x.ts', '../taskpane/model'],
    ['src/hosts/excel/x.ts', '../../app/book'],
    ['src/cli/commands/x.ts', '../../hosts/xlsx/xlsx-workbook'],
    ['src/cli/x.ts', '../taskpane/model'],
    ['src/taskpane/components/x.tsx', '../../hosts/excel/excel-workbook'],
    ['src/taskpane/x.ts', '../cli/output'],
    ['src/functions/x.ts', '../workbook/port'],
    ['src/functions/x.ts', '../hosts/excel/excel-workbook'],
  ])('%s may not import %s', async (file, from) => {
    expect(await layerErrors(file, from)).toHaveLength(1);
  });

  it.each([
    ['src/workbook/x.ts', '../core/money'],
    ['src/app/x.ts', '../workbook/port'],
    ['src/hosts/xlsx/x.ts', '../../workbook/layout'],
    ['src/cli/x.ts', '../app/build-reports'],
    ['src/functions/x.ts', '../core/money'],
    ['src/taskpane/x.ts', '../app/contract-status'],
    // The composition roots pick the host.
    ['src/cli/book-file.ts', '../hosts/xlsx/file'],
    ['src/taskpane/host.ts', '../hosts/excel/excel-workbook'],
  ])('%s may import %s', async (file, from) => {
    expect(await layerErrors(file, from)).toEqual([]);
  });
});
