/**
 * What `cunzhang import` runs, on its own: the two import use cases, the input reader and the
 * file host. engine.ts holds everything the other book commands need; an import loading it too
 * read and compiled the reports, the disclosure checks and the contracts code (a quarter of the
 * engine's code) without using any of it.
 */
export { importOpening } from '../app/import-opening';
export { importVouchers } from '../app/import-vouchers';
export { sizeYoungGeneration, withBookFile } from './book-file';
export { withProgress } from './progress';
export { readInputTable } from './read-input';
