/** vitest globalSetup: nothing before the run; afterwards remove the run's shared pane build (tests/e2e/pane-build.ts). */
import { rm } from 'node:fs/promises';
import { paneBuildDir } from '../e2e/pane-build';

export default function setup(): () => Promise<void> {
  return async () => {
    const dir = paneBuildDir();
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.lock`, { recursive: true, force: true });
  };
}
