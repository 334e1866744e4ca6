/**
 * Worker thread of `cunzhang consolidate`: reads village workbooks handed to it by path and posts
 * back each one's outcome (plain facts, or the reason it could not be read). One file at a time,
 * so a worker holds one village in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readOutcome } from '../../app/consolidate';
import type { VillageThresholds } from '../../core/consolidate/classify';
import { openWorkbookFile } from '../../hosts/xlsx/file';

export interface WorkerJob {
  index: number;
  path: string;
  label: string;
}

const thresholds = (workerData as { thresholds?: VillageThresholds } | undefined)?.thresholds;

parentPort?.on('message', (job: WorkerJob) => {
  void readOutcome({ label: job.label, open: () => openWorkbookFile(job.path) }, thresholds).then((outcome) => {
    parentPort?.postMessage({ index: job.index, outcome });
  });
});
