/**
 * The floor of the consolidation benchmark: unzip each workbook and run every XML part through a
 * SAX parser, with no accounting. Its own module with only fflate and saxes, so the floor's
 * worker threads load nothing of ours.
 */
import { readFile } from 'node:fs/promises';
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

/** Floor over a list of files on this thread. */
export async function floorPaths(paths: readonly string[]): Promise<number> {
  let n = 0;
  for (const p of paths) n += floorFile(await readFile(p));
  return n;
}

