/**
 * The 乡镇汇总 panel's state: the chosen files, the consolidation (run through the pane's runner,
 * so it shows progress and can be cancelled), and the township workbook: downloaded (standalone)
 * or written into the open workbook in one batch (Excel). Files are opened one at a time through
 * the host, as the use case asks, in both modes.
 */
import { useCallback, useState } from 'react';
import { consolidateVillages, writeTownshipWorkbook, type VillageSource } from '../app/consolidate';
import type { Consolidation } from '../core/consolidate/consolidate';
import type { PaneHost } from './host';
import type { Runner } from './use-runner';

export interface ConsolidationState {
  files: File[];
  result: Consolidation | undefined;
  addFiles(files: readonly File[]): void;
  clear(): void;
  run(opts: { township?: string; year?: number; label: string }): Promise<void>;
  download(name: (township: string, year: number) => string): Promise<void>;
  /** Excel: writes the township sheets into the open workbook (empty, or an earlier township workbook). */
  writeHere(label: string, done: string): Promise<void>;
}

const stamp = (): string => new Date().toISOString().slice(0, 19).replace('T', ' ');

export function useConsolidation(host: PaneHost, runner: Runner): ConsolidationState {
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<Consolidation | undefined>();

  const addFiles = useCallback((more: readonly File[]) => {
    setFiles((have) => [...have, ...more.filter((f) => !have.some((h) => h.name === f.name && h.size === f.size))]);
    setResult(undefined);
  }, []);
  const clear = useCallback(() => {
    setFiles([]);
    setResult(undefined);
  }, []);

  const run = useCallback(async (opts: { township?: string; year?: number; label: string }) => {
    const sources: VillageSource[] = files.map((f) => ({ label: f.name, open: async () => (await host.openFile(f)).port }));
    const c = await runner.run(opts.label, (run) => consolidateVillages(sources, {
      ...run,
      ...(opts.township ? { township: opts.township } : {}),
      ...(opts.year ? { year: opts.year } : {}),
    }));
    if (c) setResult(c);
  }, [files, host, runner]);

  const download = useCallback(async (name: (township: string, year: number) => string) => {
    if (host.kind !== 'standalone' || !result) return;
    const fileName = name(result.township, result.year);
    await runner.run(fileName, async () => {
      const book = await host.createBlank(fileName);
      await writeTownshipWorkbook(book.port, result, { generatedAt: stamp() });
      await host.download(book, fileName);
    });
  }, [host, result, runner]);

  const writeHere = useCallback(async (label: string, done: string) => {
    if (host.kind !== 'excel' || !result) return;
    const written = await runner.run(label, () => writeTownshipWorkbook(host.book.port, result, { generatedAt: stamp() }));
    if (written) runner.say({ kind: 'success', text: () => `${done}${written.join('、')}` });
  }, [host, result, runner]);

  return { files, result, addFiles, clear, run, download, writeHere };
}
