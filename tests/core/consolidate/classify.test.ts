import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyVillage, DEFAULT_VILLAGE_THRESHOLDS, ThresholdError, type VillageClassCode } from '../../../src/core/consolidate/classify';

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof ThresholdError ? e.kind : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('classifyVillage', () => {
  it('puts the worked example (131,400.00 yuan) in 一般村', () => {
    expect(classifyVillage(13_140_000).zh).toBe('一般村');
  });

  it('uses the DOMAIN §3 boundaries by default', () => {
    expect(DEFAULT_VILLAGE_THRESHOLDS).toEqual({ weakBelowFen: 5_000_000, richFromFen: 20_000_000 });
    expect(classifyVillage(0).zh).toBe('空壳村');
    expect(classifyVillage(-100).zh).toBe('空壳村');
    expect(classifyVillage(1).zh).toBe('薄弱村');
    expect(classifyVillage(4_999_999).zh).toBe('薄弱村');
    expect(classifyVillage(5_000_000).zh).toBe('一般村');
    expect(classifyVillage(19_999_999).zh).toBe('一般村');
    expect(classifyVillage(20_000_000).code).toBe('rich');
    expect(classifyVillage(20_000_000).zh).toBe('富裕村');
  });

  it('takes other thresholds as data', () => {
    const t = { weakBelowFen: 10_000_000, richFromFen: 30_000_000 };
    expect(classifyVillage(5_000_000, t).zh).toBe('薄弱村');
    expect(classifyVillage(25_000_000, t).zh).toBe('一般村');
    expect(classifyVillage(30_000_000, t).zh).toBe('富裕村');
  });

  it('rejects thresholds out of order and amounts that are not whole fen', () => {
    expect(kindOf(() => classifyVillage(1, { weakBelowFen: 300, richFromFen: 200 }))).toBe('num');
    expect(kindOf(() => classifyVillage(1, { weakBelowFen: 0, richFromFen: 200 }))).toBe('num');
    expect(kindOf(() => classifyVillage(1, { weakBelowFen: 0.5, richFromFen: 200 }))).toBe('value');
    expect(kindOf(() => classifyVillage(1.5))).toBe('value');
  });

  it('never ranks a richer village lower', () => {
    const rank: Record<VillageClassCode, number> = { shell: 0, weak: 1, average: 2, rich: 3 };
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (a, d) => {
        expect(rank[classifyVillage(a + d).code]).toBeGreaterThanOrEqual(rank[classifyVillage(a).code]);
      }),
    );
  });
});
