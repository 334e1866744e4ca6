/**
 * The 财务公开 panel's state: the chosen period and template, the generated views and the
 * disclosure findings. Runs through the pane's runner (progress, cancel, one error message).
 */
import { useState } from 'react';
import type { Finding } from '../core/findings';
import type { DisclosureView, PaneEngine } from './model';
import type { BookState } from './use-book';
import { PaneError } from './errors';

export interface DisclosureState {
  period: string | undefined;
  template: string;
  templates: string[];
  views: DisclosureView[] | undefined;
  findings: Finding[] | undefined;
  setPeriod(p: string): void;
  setTemplate(t: string): void;
  generate(label: string, doneText: (n: number) => string): void;
}

export function useDisclosure(engine: PaneEngine, st: Pick<BookState, 'book' | 'runner'>): DisclosureState {
  const templates = engine.disclosureTemplates();
  const [period, setPeriod] = useState<string | undefined>();
  const [template, setTemplate] = useState(templates[0] ?? 'national');
  const [views, setViews] = useState<DisclosureView[] | undefined>();
  const [findings, setFindings] = useState<Finding[] | undefined>();
  return {
    period, template, templates, views, findings, setPeriod, setTemplate,
    generate: (label, doneText) => {
      const book = st.book;
      if (period === undefined) return;
      void st.runner.run(label, async (opts) => {
        if (!book) throw new PaneError('no-workbook');
        const r = await engine.disclose(book.port, period, template, opts);
        setViews(r.views);
        setFindings(r.findings);
        const bad = r.findings.some((f) => f.severity === 'error');
        st.runner.say({ kind: bad ? 'error' : 'success', text: bad ? (mm) => mm.errorHasFindings : () => doneText(r.views.length) });
      });
    },
  };
}
