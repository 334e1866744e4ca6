/**
 * Runs one long use case at a time with progress and cancellation (an AbortController handed to
 * the use case as RunOptions.signal), and turns any failure into one readable message.
 */
import { useCallback, useRef, useState } from 'react';
import type { RunOptions } from '../workbook/port';
import { describeError, isAbort, isUnexpected } from './errors';
import type { Messages } from './i18n';

export interface Busy {
  label: string;
  /** Progress as reported by the use case; total 0 means "unknown yet". */
  done: number;
  total: number;
  step: string;
}

/** A message for the user; text is rendered in the current language when shown. */
export type Notice = { kind: 'error' | 'success' | 'info'; text: (m: Messages) => string };

export interface Runner {
  busy: Busy | undefined;
  notice: Notice | undefined;
  run<T>(label: string, work: (opts: RunOptions) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  say(notice: Notice | undefined): void;
}

export function useRunner(): Runner {
  const [busy, setBusy] = useState<Busy | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    async <T>(label: string, work: (opts: RunOptions) => Promise<T>): Promise<T | undefined> => {
      if (controller.current) return undefined; // one at a time: the buttons are disabled anyway
      const ac = new AbortController();
      controller.current = ac;
      setNotice(undefined);
      setBusy({ label, done: 0, total: 0, step: '' });
      try {
        const onProgress = (done: number, total: number, step: string) => setBusy({ label, done, total, step });
        return await work({ signal: ac.signal, onProgress });
      } catch (e) {
        if (isUnexpected(e)) console.error(e); // the detail support needs; the user sees a calm sentence
        setNotice({ kind: isAbort(e) ? 'info' : 'error', text: (mm) => describeError(e, mm) });
        return undefined;
      } finally {
        controller.current = undefined;
        setBusy(undefined);
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { busy, notice, run, cancel, say: setNotice };
}
