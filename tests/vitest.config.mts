import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// One id per run: the e2e files share one build of the pane under it (tests/e2e/pane-build.ts).
process.env.CUNZHANG_E2E_RUN ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // LibreOffice and Chromium tests start real programs; two cores, so keep the pool small.
    maxWorkers: 2,
    globalSetup: ['tests/setup/e2e-build-teardown.ts'],
  },
});
