/**
 * One development build of the task pane per test run, shared by every e2e file: the first file to
 * ask builds (webpack, ~30–60 s on two cores), the others wait for it. vitest runs files in separate
 * workers, so the hand-over is through the file system: a lock directory taken with mkdir (atomic),
 * then a marker file when the build is done (or the error when it failed). The run's id comes from
 * tests/vitest.config.mts, so a new run never serves an old build; tests/setup/e2e-build-teardown.ts
 * removes it at the end.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../..');

/** Where this run's build lives (set once per run by the vitest config; a fallback per process). */
export function paneBuildDir(): string {
  return join(tmpdir(), `cunzhang-e2e-build-${process.env.CUNZHANG_E2E_RUN ?? process.pid}`);
}

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

/** The built pane's directory (taskpane.html, scripts, sample): built now, or by another file of this run. */
export async function paneBuild(): Promise<string> {
  const dir = paneBuildDir();
  const done = join(dir, '.built');
  const failed = join(dir, '.failed');
  let mine = true;
  try {
    await mkdir(`${dir}.lock`);
  } catch {
    mine = false;
  }
  if (mine) {
    await mkdir(dir, { recursive: true });
    try {
      await promisify(execFile)('npx', ['webpack', '--mode', 'development', '--output-path', dir], {
        cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'development' },
      });
    } catch (e) {
      await writeFile(failed, String(e));
      throw e;
    }
    await writeFile(done, '');
    return dir;
  }
  // Another file is building: wait for its marker (a build takes well under the hook timeout).
  for (;;) {
    if (await exists(done)) return dir;
    if (await exists(failed)) throw new Error(`the shared pane build failed: ${await readFile(failed, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
