import { describe, expect, it } from 'vitest';
import { defaultLockMonth } from '../../src/taskpane/components/books-panel';

describe('defaultLockMonth', () => {
  it('offers last month, inside the fiscal year', () => {
    expect(defaultLockMonth(2025, new Date(2025, 6, 15))).toBe('2025-06');
    expect(defaultLockMonth(2025, new Date(2025, 0, 20))).toBe('2025-01');
    expect(defaultLockMonth(2025, new Date(2026, 1, 3))).toBe('2025-12');
    expect(defaultLockMonth(2026, new Date(2025, 11, 31))).toBe('2026-01');
  });
});
