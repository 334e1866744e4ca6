/**
 * checkDisclosures: the disclosure rules over a book that has been read — every sheet that is
 * not one of our own tables or reports is read as a grid (readSheet) and, when its title names a
 * form of the template, checked against the template and the books (src/core/disclosure/validate.ts).
 */
import type { DisclosurePeriod } from '../core/disclosure/period';
import type { DisclosureTemplate } from '../core/disclosure/template';
import { validateDisclosures } from '../core/disclosure/validate';
import type { Finding } from '../core/findings';
import type { IsoDate } from '../core/ledger/types';
import { META_SHEET, SHEETS, TYPED_TABLES } from '../workbook/layout';
import { CONTRACTS } from '../workbook/contracts';
import type { SheetGrid, WorkbookPort } from '../workbook/port';
import type { Book } from './book';
import { disclosureInput } from './disclose';

/** Sheets that are ours and never a disclosure: typed-in tables, report sheets, _meta. */
const OWN_SHEETS = new Set<string>([META_SHEET, CONTRACTS.sheet, ...TYPED_TABLES.map((t) => t.sheet), ...Object.values(SHEETS)]);

export interface DisclosureCheckOptions {
  template: DisclosureTemplate;
  /** Check completeness as of this date (every disclosure whose deadline has passed must exist). */
  asOf?: IsoDate;
}

export async function checkDisclosures(port: WorkbookPort, book: Book, opts: DisclosureCheckOptions): Promise<Finding[]> {
  const names = (await port.sheetNames()).filter((n) => !OWN_SHEETS.has(n));
  const grids: SheetGrid[] = [];
  for (const n of names) {
    const g = await port.readSheet(n);
    if (g) grids.push(g);
  }
  const cache = new Map<string, ReturnType<typeof disclosureInput>>();
  const inputFor = (period: DisclosurePeriod) => {
    let r = cache.get(period.code);
    if (!r) cache.set(period.code, (r = disclosureInput(book, period, opts.template)));
    return r.input;
  };
  const input = { template: opts.template, inputFor, fiscalYear: book.meta.fiscalYear, grids };
  return validateDisclosures(opts.asOf === undefined ? input : { ...input, asOf: opts.asOf });
}
