/**
 * The floor of the consolidation benchmark: unzip each workbook and run every XML part through a
 * SAX parser, with no accounting. Its own module with only fflate and saxes, so the floor's
 * worker threads load nothing of ours. bench/consolidate.ts bundles it and runs it as a process,
 * as it runs the CLI:
 *
 *   node consolidate-floor.cjs <dir> <threads>
 *
 * Threads take the next file when they finish one, as the CLI's reader pool does.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The floor for one file: unzip, then run every XML part through a SAX parser. Returns the element count. */
function floorFile(bytes: Uint8Array): number {
  let elements = 0;
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const p = new SaxesParser();
    p.on('opentag', () => (elements += 1));
    p.write(strFromU8(data)).close();
  }
  return elements;
}

async function main(dir: string, threads: number): Promise<void> {
  const paths = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  let next = 0;
  let elements = 0;
  await Promise.all(Array.from({ length: Math.max(1, threads) }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(__filename);
    const feed = (): void => {
      if (next >= paths.length) void w.terminate().then(() => resolve());
      else w.postMessage(paths[next++]);
    };
    w.on('message', (n: number) => {
      elements += n;
      feed();
    });
    w.on('error', reject);
    feed();
  })));
  process.stdout.write(`${paths.length} files, ${elements} elements\n`);
}

if (isMainThread) {
  const [dir, threads] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: consolidate-floor <dir> <threads>');
  void main(dir, Number(threads ?? 2));
} else parentPort?.on('message', (path: string) => parentPort?.postMessage(floorFile(readFileSync(path))));
