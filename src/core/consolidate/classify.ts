/**
 * Village classes by collective operating income (经营性收入 = 经营收入 501 + 投资收益 502,
 * DOMAIN.md §3). The thresholds are data, passed in; the defaults are the common national ones.
 */
import type { Fen } from '../money';
import { ArgumentError } from '../errors';

export type VillageClassCode = 'shell' | 'weak' | 'average' | 'rich';

export interface VillageClass {
  code: VillageClassCode;
  /** 空壳村 / 薄弱村 / 一般村 / 富裕村 */
  zh: string;
  en: string;
}

/**
 * Class boundaries in integer fen. 空壳村 is "no operating income" (≤ 0: a net investment loss
 * is no income either); 薄弱村 is below `weakBelowFen`; 富裕村 from `richFromFen` up; 一般村 between.
 */
export interface VillageThresholds {
  weakBelowFen: Fen;
  richFromFen: Fen;
}

/** DOMAIN.md §3 defaults: 薄弱村 < 50,000 yuan; 一般村 50,000–200,000; 富裕村 ≥ 200,000. */
export const DEFAULT_VILLAGE_THRESHOLDS: Readonly<VillageThresholds> = { weakBelowFen: 5_000_000, richFromFen: 20_000_000 };

export const VILLAGE_CLASSES: Readonly<Record<VillageClassCode, VillageClass>> = {
  shell: { code: 'shell', zh: '空壳村', en: 'shell village (no operating income)' },
  weak: { code: 'weak', zh: '薄弱村', en: 'weak village' },
  average: { code: 'average', zh: '一般村', en: 'average village' },
  rich: { code: 'rich', zh: '富裕村', en: 'rich village' },
};

/** Misuse: thresholds that cannot order the classes. 'value' = not a whole fen amount, 'num' = out of order. */
export class ThresholdError extends ArgumentError {}

/** Throws ThresholdError unless 0 < weakBelow ≤ richFrom, both whole fen. */
export function checkThresholds(t: VillageThresholds): VillageThresholds {
  if (!Number.isSafeInteger(t.weakBelowFen) || !Number.isSafeInteger(t.richFromFen)) {
    throw new ThresholdError('分类标准必须是精确到分的金额', 'thresholds must be whole fen amounts', 'value');
  }
  if (t.weakBelowFen <= 0 || t.richFromFen < t.weakBelowFen) {
    throw new ThresholdError('分类标准须满足 0 < 薄弱村上限 ≤ 富裕村下限', 'thresholds must satisfy 0 < weak bound <= rich bound', 'num');
  }
  return t;
}

/**
 * The class of a village by its collective operating income, in fen.
 * @example classifyVillage(13_140_000).zh // '一般村' (DOMAIN.md §8: 131,400.00 yuan)
 */
export function classifyVillage(operatingIncomeFen: Fen, thresholds: VillageThresholds = DEFAULT_VILLAGE_THRESHOLDS): VillageClass {
  if (!Number.isSafeInteger(operatingIncomeFen)) {
    throw new ThresholdError('经营性收入必须是精确到分的金额', 'operating income must be a whole fen amount', 'value');
  }
  const t = checkThresholds(thresholds);
  if (operatingIncomeFen <= 0) return VILLAGE_CLASSES.shell;
  if (operatingIncomeFen < t.weakBelowFen) return VILLAGE_CLASSES.weak;
  if (operatingIncomeFen < t.richFromFen) return VILLAGE_CLASSES.average;
  return VILLAGE_CLASSES.rich;
}
