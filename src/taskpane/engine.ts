/**
 * The pane's engine: the use cases of src/app adapted to what the components show. This is the
 * only taskpane module that imports src/app; both hosts hand it a WorkbookPort.
 */
import { requireMeta } from '../app/book';
import { contractStatus, localToday, type Clock } from '../app/contract-status';
import { initVillage } from '../app/init-village';
import { validateWorkbook } from '../app/validate-workbook';
import { buildReports } from '../app/build-reports';
import { closeYear } from '../app/close-year';
import { lockPeriod } from '../app/lock-period';
import type { PaneEngine } from './model';

/** @param today the local-date clock, passed in so tests can fix "today" */
export function createAppEngine(today: Clock = localToday): PaneEngine {
  return {
    // An uninitialized workbook has no meta: the pane then offers to set it up.
    readMeta: async (port) => ((await port.readMeta()) === undefined ? undefined : requireMeta(port)),
    initVillage: async (port, s, opts) => (await initVillage(port, { village: s.village, township: s.township, year: s.fiscalYear }, opts)).findings,
    validate: async (port, opts) => (await validateWorkbook(port, opts)).findings,
    buildReports: async (port, opts) => {
      const r = await buildReports(port, opts);
      return { findings: r.findings, report: r.report };
    },
    closeYear: async (port, opts) => (await closeYear(port, opts)).findings,
    lockPeriod: async (port, month, opts) => (await lockPeriod(port, { ...opts, through: month })).findings,
    contracts: (port, opts) => contractStatus(port, today, opts),
  };
}
