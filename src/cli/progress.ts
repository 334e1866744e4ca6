/**
 * withProgress: a command's long work with a progress bar on stderr when stderr is a terminal.
 * The bar (progress-bar.ts: cli-progress, which loads node:readline) is loaded only then; in a
 * pipe, a test or a script there is nothing to draw, and loading it cost every command a few ms.
 */
import type { RunOptions } from '../workbook/port';
import type { Progress } from './progress-bar';

export type { Progress } from './progress-bar';

/** Run `work` with a progress bar that is gone before anything else is printed. */
export async function withProgress<T>(work: (run: RunOptions) => Promise<T>, stream: NodeJS.WriteStream = process.stderr): Promise<T> {
  const p: Progress = stream.isTTY ? (await import('./progress-bar')).createProgress(stream) : { stop: () => undefined };
  try {
    return await work(p);
  } finally {
    p.stop();
  }
}
