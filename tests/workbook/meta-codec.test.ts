/** _meta rows ↔ WorkbookMeta, with the lock chain split into parts and hostile keys ignored. */
import { describe, expect, it } from 'vitest';
import type { ChainMonth } from '../../src/core/ledger/lock-chain';
import { decodeMetaRows, encodeMetaRows } from '../../src/workbook/codecs/meta';
import { CHAIN_PART_CHARS } from '../../src/workbook/codecs/meta-chain';
import type { WorkbookMeta } from '../../src/workbook/port';

const base: WorkbookMeta = { layoutVersion: 1, chartSystem: '2023', village: '示例村', township: '青山镇', fiscalYear: 2025, kind: 'village' };
const hex = (n: number, len: number): string => n.toString(16).padStart(len, '0');

function chainOf(perMonth: number[]): ChainMonth[] {
  return perMonth.map((count, i) => ({
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    hash: hex(i + 1, 64),
    vouchers: Array.from({ length: count }, (_, k) => ({ number: `记-${String(k + 1).padStart(4, '0')}`, hash: hex(k, 16) })),
  }));
}

describe('meta codec: lock chain rows', () => {
  it('a month of 3,000 vouchers is split into parts under the cell limit and reads back equal', () => {
    const meta = { ...base, lockedThrough: '2025-02', lockChain: chainOf([3000, 0]) };
    const rows = encodeMetaRows(meta);
    const parts = rows.filter((r) => String(r[0]).startsWith('lockChain.2025-01.v'));
    // Each entry ["记-0001","0000000000000000"] is 29 characters plus a comma: 3,000 of them ≈ 90,000 characters,
    // so at most 8,000 per part needs 12 parts.
    expect(parts).toHaveLength(12);
    for (const p of parts) expect(String(p[1]).length).toBeLessThanOrEqual(CHAIN_PART_CHARS);
    // February has no vouchers: its hash row and no part.
    expect(rows.filter((r) => String(r[0]).startsWith('lockChain.2025-02'))).toHaveLength(1);
    const back = decodeMetaRows(rows);
    expect(back.findings).toEqual([]);
    expect(back.meta).toEqual(meta);
  });

  it('a damaged chain record reads as an empty chain (verification then reports it), the rest of meta still reads', () => {
    const rows = encodeMetaRows({ ...base, lockedThrough: '2025-03', lockChain: chainOf([2, 2, 2]) });
    const damaged = [
      rows.map((r) => (r[0] === 'lockChain.2025-02' ? [r[0], 'not a hash'] : r)),
      rows.map((r) => (r[0] === 'lockChain.2025-02.v1' ? [r[0], '[["1",'] : r)),
      rows.map((r) => (r[0] === 'lockChain.2025-02.v1' ? [r[0], '[["1","xyz"]]'] : r)),
      rows.filter((r) => r[0] !== 'lockChain.2025-02'), // a gap: January then March
      [...rows, ['lockChain.2025-02.v9', '[]'], ['lockChain.junk', '1']],
    ];
    for (const d of damaged) {
      const back = decodeMetaRows(d);
      expect(back.meta?.village).toBe('示例村');
      expect(back.meta?.lockChain).toEqual([]);
    }
  });

  it('prototype keys in _meta are harmless', () => {
    const rows = [['key', 'value'], ...encodeMetaRows(base), ['__proto__', '{"polluted":true}'], ['constructor', 'x'], ['prototype', 'y']];
    const back = decodeMetaRows(rows);
    expect(back.meta).toEqual(base);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
