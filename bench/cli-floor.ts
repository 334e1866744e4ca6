/**
 * The floor for bench/cli.ts: the least a command can do with a workbook file. Unzip it
 * (fflate), run every XML part through a SAX tokenizer (saxes) counting elements, and, when an
 * output path is given, zip the same entries again and write the bytes there. Run in its own
 * process (bundled by bench/cli.ts like the CLI), so its wall time and peak memory are its own.
 *
 *   node cli-floor.cjs <book.xlsx> [<out.xlsx>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';

function main(): void {
  const [input, output] = process.argv.slice(2);
  if (input === undefined) throw new Error('usage: cli-floor <book.xlsx> [<out.xlsx>]');
  const entries = unzipSync(readFileSync(input));
  const decoder = new TextDecoder();
  let elements = 0;
  for (const [name, bytes] of Object.entries(entries)) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const parser = new SaxesParser();
    parser.on('opentag', () => {
      elements++;
    });
    parser.write(decoder.decode(bytes)).close();
  }
  if (output !== undefined) writeFileSync(output, zipSync(entries, { level: 6 }));
  process.stdout.write(`${elements}\n`);
}

main();
