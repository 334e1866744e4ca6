import { createXlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { runWorkbookPortContract } from '../../contract/workbook-port-contract';

runWorkbookPortContract('ExcelJS host on a new workbook', async () => createXlsxWorkbook());
