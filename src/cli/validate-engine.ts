/**
 * What `cunzhang validate` runs: validateWorkbook, the one use case that checks the disclosure
 * sheets, and the file host. Apart from engine.ts so that report, close, lock and init, which
 * assess the book without the disclosures (app/assess-book.ts), do not load the disclosure code.
 */
export { validateWorkbook } from '../app/validate-workbook';
export { withBookFile } from './book-file';
