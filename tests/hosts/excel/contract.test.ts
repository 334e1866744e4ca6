import { createExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import { runWorkbookPortContract } from '../../contract/workbook-port-contract';
import { FakeExcel } from './fake-excel';

runWorkbookPortContract('Excel host over the fake object model', async () => createExcelWorkbook(new FakeExcel().run));
