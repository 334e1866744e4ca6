/** An import file's content as the CLI (or the pane) read it: header, rows and where they came from. */
import type { RowPlace } from '../workbook/codecs/cells';
import type { Scalar } from '../workbook/port';

export interface ImportSource {
  header: readonly string[];
  rows: readonly Scalar[][];
  where: {
    /** Shown as the "sheet" of findings: the file name, e.g. 'vouchers.csv'. */
    source: string;
    /** Line (CSV) or worksheet row (xlsx) of rows[0]; the header is the line before. */
    firstRow: number;
  };
}

/** Findings on an import file name the column by its header text, which is what the user sees. */
export function placeOfSource(src: ImportSource): RowPlace {
  return {
    sheet: src.where.source,
    firstRow: src.where.firstRow,
    columnName: (i) => String(src.header[i] ?? i + 1),
  };
}
