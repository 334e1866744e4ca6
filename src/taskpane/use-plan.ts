/**
 * The 发展规划 panel's state: the chosen scenario, the projected plan (computed, not written),
 * writing the plan sheets, and the 规划书 download. Everything runs through the pane's runner
 * (progress, cancel, one error message). A new book clears the plan; the panel projects again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { PaneError } from './errors';
import type { SavesText } from './host';
import type { PaneEngine, PlanResult } from './model';
import type { BookState } from './use-book';

export interface PlanState {
  /** Undefined = the base plan. */
  scenario: string | undefined;
  result: PlanResult | undefined;
  /** Projects the plan once for the open book (the panel calls it when shown). */
  ensure(label: string): void;
  compute(label: string, scenario?: string): void;
  setScenario(label: string, scenario: string | undefined): void;
  write(label: string, doneText: (sheets: string[]) => string): void;
  downloadDocument(label: string, fileName: (village: string, first: number, last: number) => string): void;
}

export function usePlan(engine: PaneEngine, st: Pick<BookState, 'book' | 'runner'>, host: SavesText): PlanState {
  const [scenario, setScenarioState] = useState<string | undefined>();
  const [result, setResult] = useState<PlanResult | undefined>();
  const { book, runner } = st;
  // The book the plan was last projected for (or tried: a failure is not retried by itself).
  const triedFor = useRef<unknown>(undefined);

  useEffect(() => {
    setResult(undefined);
    setScenarioState(undefined);
  }, [book]);

  const compute = useCallback((label: string, sc?: string) => {
    triedFor.current = book;
    void runner.run(label, async (opts) => {
      if (!book) throw new PaneError('no-workbook');
      setResult(await engine.plan(book.port, sc, opts));
    });
  }, [book, engine, runner]);

  return {
    scenario, result, compute,
    ensure: (label) => {
      if (book && triedFor.current !== book && runner.busy === undefined) compute(label, scenario);
    },
    setScenario: (label, sc) => {
      setScenarioState(sc);
      compute(label, sc);
    },
    write: (label, doneText) => {
      void runner.run(label, async (opts) => {
        if (!book) throw new PaneError('no-workbook');
        const r = await engine.writePlan(book.port, scenario, opts);
        setResult(r);
        const bad = r.findings.some((f) => f.severity === 'error');
        runner.say({ kind: bad ? 'error' : 'success', text: bad ? (mm) => mm.errorHasFindings : () => doneText(r.sheets) });
      });
    },
    downloadDocument: (label, fileName) => {
      const plan = result?.plan;
      if (!plan) return;
      void runner.run(label, async () => {
        const html = await engine.planDocument(plan);
        host.saveText(html, fileName(plan.village, plan.settings.firstYear, plan.settings.lastYear), 'text/html;charset=utf-8');
      });
    },
  };
}
