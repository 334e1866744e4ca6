/** The port contract again, but every call goes through a save and reload: what the CLI does between commands. */
import { createXlsxWorkbook, type XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import type { WorkbookPort } from '../../../src/workbook/port';
import { runWorkbookPortContract } from '../../contract/workbook-port-contract';

function reloading(): WorkbookPort {
  let bytes: Uint8Array | undefined;
  const call = async <T>(f: (wb: XlsxWorkbook) => Promise<T>): Promise<T> => {
    const wb = await createXlsxWorkbook(bytes);
    const out = await f(wb);
    bytes = await wb.toBytes();
    return out;
  };
  return {
    readMeta: () => call((wb) => wb.readMeta()),
    sheetNames: () => call((wb) => wb.sheetNames()),
    readTables: (s) => call((wb) => wb.readTables(s)),
    readSheet: (n) => call((wb) => wb.readSheet(n)),
    initialize: (m, t) => call((wb) => wb.initialize(m, t)),
    appendRows: (s, r) => call((wb) => wb.appendRows(s, r)),
    replaceGeneratedSheets: (g) => call((wb) => wb.replaceGeneratedSheets(g)),
    writeMeta: (m) => call((wb) => wb.writeMeta(m)),
  };
}

runWorkbookPortContract('ExcelJS host, saved and reloaded between calls', async () => reloading());
