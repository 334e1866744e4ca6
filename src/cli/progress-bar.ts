/**
 * A progress bar on stderr for long work, only when stderr is a terminal (never in pipes or tests).
 * Commands reach it through withProgress (progress.ts), which loads this file, cli-progress and
 * node:readline only when there is a terminal to draw on.
 */
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
