/**
 * Live checks in Excel (issue 10): while a village book is open in Excel, edits on 凭证, 期初余额
 * and 合同 are checked burst by burst and the findings for those rows are kept here for the pane.
 * The handlers are registered only in Excel mode and removed when the pane unmounts or the page
 * goes away. A live check that fails says nothing to the user: it is a help, not an action they asked for.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../core/findings';
import type { WorkbookMeta } from '../workbook/port';
import type { EditedRows } from '../workbook/edits';
import type { PaneHost } from './host';
import type { PaneEngine } from './model';

export interface LiveChecks {
  findings: Finding[];
  checking: boolean;
  clear(): void;
}

export function useLiveChecks(host: PaneHost, engine: PaneEngine, meta: WorkbookMeta | undefined): LiveChecks {
  const [findings, setFindings] = useState<Finding[]>([]);
  const [checking, setChecking] = useState(false);
  const active = host.kind === 'excel' && meta?.kind === 'village';

  useEffect(() => {
    if (!active || host.kind !== 'excel') return undefined;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    // One check at a time, in the order the bursts came.
    let queue = Promise.resolve();
    const onEdits = (edits: EditedRows[]): void => {
      queue = queue.then(async () => {
        setChecking(true);
        try {
          const check = await engine.liveCheck(host.book.port, edits);
          if (!gone) setFindings((prev) => engine.mergeLive(prev, check));
        } catch (e) {
          console.warn('live check failed', e);
        } finally {
          if (!gone) setChecking(false);
        }
      });
    };
    host.watchEdits(engine.liveSheets, onEdits).then(
      (s) => (gone ? void s() : (stop = s)),
      (e: unknown) => console.warn('live checks unavailable', e),
    );
    const unload = (): void => void stop?.();
    window.addEventListener('pagehide', unload);
    return () => {
      gone = true;
      window.removeEventListener('pagehide', unload);
      void stop?.();
    };
  }, [active, host, engine]);

  const clear = useCallback(() => setFindings([]), []);
  return { findings, checking, clear };
}
