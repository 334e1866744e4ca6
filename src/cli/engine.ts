/**
 * Everything the commands run: the use cases, the .xlsx file host, input reading and progress.
 * main.ts loads this module on a command's first use (`await import('./engine')`), not at start,
 * so `cunzhang --help` and usage errors answer without loading the engine, zod schemas or the
 * file host (about half of the start-up time of the built CLI). `sample` and `demo` load
 * sample-commands.ts instead: the sample book brings the plan engine and its schemas; `import`
 * loads import-engine.ts, which leaves out the reports, disclosures and contracts, and `validate`
 * validate-engine.ts, the only one of them that checks the disclosure sheets.
 */
export { buildReports } from '../app/build-reports';
export { closeYear } from '../app/close-year';
export { initVillage } from '../app/init-village';
export { lockPeriod } from '../app/lock-period';
export { withBookFile, newBookFile, openWorkbookFile, saveWorkbookFileAtomic } from './book-file';
export { withProgress } from './progress';
export { printReportSummary } from './report-summary';
