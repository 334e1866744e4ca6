/** A progress bar on stderr for long work, only when stderr is a terminal (never in pipes or tests). */
import { SingleBar, Presets } from 'cli-progress';
import type { RunOptions } from '../workbook/port';

export interface Progress extends RunOptions {
  stop(): void;
}

/** `format` is cli-progress's ({bar}, {value}, {total}, {eta_formatted}, {label} …). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, format = ' {bar} {percentage}% {label}'): Progress {
  if (!stream.isTTY) return { stop: () => undefined };
  const bar = new SingleBar({ stream, format, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    onProgress(done, total, label) {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Run `work` with a progress bar that is gone before anything else is printed. */
export async function withProgress<T>(work: (run: RunOptions) => Promise<T>): Promise<T> {
  const p = createProgress();
  try {
    return await work(p);
  } finally {
    p.stop();
  }
}
