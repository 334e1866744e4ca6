/**
 * The standalone page keeps the workbook in memory and downloads it on request, so a use case
 * that throws halfway through a write (a bug, a host error, the tab running out of memory) must not
 * leave a half-written book to be downloaded. Writing actions run through `atomically`: the book's
 * bytes are taken first, and on a throw the pane gets back a book reopened from them. (Findings
 * are not throws: a use case with errors writes nothing in the first place.) In Excel there is no
 * snapshot to take; the Excel host writes each use case in one batch instead.
 */
import type { OpenBook } from './host';

/** Takes a snapshot of a book and returns how to reopen it as it was. */
export type Snapshot = (book: OpenBook) => Promise<() => Promise<OpenBook>>;

export async function atomically<T>(book: OpenBook, snapshot: Snapshot | undefined, work: (b: OpenBook) => Promise<T>, adopt: (b: OpenBook) => void): Promise<T> {
  const restore = snapshot ? await snapshot(book) : undefined;
  try {
    return await work(book);
  } catch (e) {
    if (restore) adopt(await restore());
    throw e;
  }
}
