/**
 * Reading many village workbooks on every core: a small pool of worker threads, each reading one
 * file at a time (consolidate-worker.ts). Outcomes come back in input order. Below
 * `MIN_FILES_FOR_WORKERS` files, or with one worker, the single-thread path reads them in turn.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readSequentially, type VillageSource } from '../../app/consolidate';
import type { VillageThresholds } from '../../core/consolidate/classify';
import type { VillageOutcome } from '../../core/consolidate/consolidate';
import type { RunOptions } from '../../workbook/port';
import type { WorkerJob } from './consolidate-worker';

/** Starting a worker costs a module load (~1 s under tsx): not worth it for a handful of files. */
export const MIN_FILES_FOR_WORKERS = 8;

export interface FileSource extends VillageSource {
  path: string;
}

/**
 * The worker entry, loaded the way this file was: built JavaScript requires it directly; from
 * TypeScript source (tsx), the worker first registers tsx's CommonJS hook, as bin.cjs does.
 */
function startWorker(thresholds: VillageThresholds | undefined): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `consolidate-worker${ext}`);
  // An eval'd worker resolves modules from the working directory, so tsx is resolved from here.
  const code = ext === '.ts' ? `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});` : `require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData: { thresholds } });
}

/** Read every file with `workers` threads; progress after each file; cancellation stops handing out files. */
export async function readWithWorkers(sources: readonly FileSource[], workers: number, run: RunOptions & { thresholds?: VillageThresholds } = {}): Promise<VillageOutcome[]> {
  if (workers <= 1 || sources.length < MIN_FILES_FOR_WORKERS) return readSequentially(sources, run);
  const out: (VillageOutcome | undefined)[] = new Array(sources.length);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: Math.min(workers, sources.length) }, () => startWorker(run.thresholds));
  try {
    await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => {
      const feed = (): void => {
        if (run.signal?.aborted || next >= sources.length) {
          resolve();
          return;
        }
        const i = next++;
        const s = sources[i]!;
        w.postMessage({ index: i, path: s.path, label: s.label } satisfies WorkerJob);
      };
      w.on('message', (m: { index: number; outcome: VillageOutcome }) => {
        out[m.index] = m.outcome;
        done += 1;
        run.onProgress?.(done, sources.length, m.outcome.ok ? m.outcome.facts.village : m.outcome.file);
        feed();
      });
      w.on('error', reject);
      feed();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  if (run.signal?.aborted) throw run.signal.reason instanceof Error ? run.signal.reason : new Error('cancelled');
  return out.map((o, i) => o ?? { ok: false, file: sources[i]!.label, zh: '未读取', en: 'not read' });
}
