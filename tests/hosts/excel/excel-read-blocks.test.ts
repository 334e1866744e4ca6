/** The block-wise read (for answers over 5 MB) gives exactly what the one-response read gives. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTablesInBlocks } from '../../../src/hosts/excel/excel-read-blocks';
import { readTablesIn } from '../../../src/hosts/excel/excel-read';
import { SheetState } from './fake-excel-state';
import { META, OPENING, VOUCHERS, newBook, voucherRows } from './fixtures';

describe('readTablesInBlocks', () => {
  it('equals the bulk read for a table, a table-less sheet, an empty sheet and a missing sheet, whatever the block size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 50 }), async (n, cellsPerRequest) => {
        const { fake, port } = newBook();
        await port.initialize(META, [VOUCHERS]);
        await port.appendRows(VOUCHERS, voucherRows(n));
        const loose = fake.sheet('Sheet1');
        loose.write({ row0: 1, col0: 2, rows: 3, cols: 2 }, [['科目编码', '期初余额'], ['101', 7], ['102', 8]], 'values');
        loose.name = '期初余额';
        fake.book.sheets.push(new SheetState('空表'));
        const empty = { ...OPENING, sheet: '空表', table: 'Empty' };
        const missing = { ...OPENING, sheet: '无此表', table: 'Nothing' };
        const specs = [VOUCHERS, OPENING, empty, missing];
        const bulk = await fake.run((ctx) => readTablesIn(ctx, specs));
        const before = fake.syncs;
        const blocks = await fake.run((ctx) => readTablesInBlocks(ctx, specs, cellsPerRequest));
        expect(blocks).toEqual(bulk);
        expect(blocks[0]?.rows).toHaveLength(n);
        // probe + sizes + one request per block group (a block is at least one row of 6 cells)
        const cells = Math.max(n, 1) * 6 + 3 * 2;
        expect(fake.syncs - before).toBeLessThanOrEqual(2 + cells);
      }),
      { numRuns: 25 },
    );
  });
});
