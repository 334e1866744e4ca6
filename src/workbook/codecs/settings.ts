/** 设置 key/value rows ↔ book settings (村名, 乡镇, 年度, 会计制度). */
import * as z from 'zod';
import { finding, type Finding } from '../../core/findings';
import type { BookSettings } from '../../core/ledger/types';
import type { Scalar, TableData } from '../port';
import { SETTINGS, SETTINGS_KEYS } from '../layout';
import { cellText, isBlankRow } from './cells';
import { placeOf, resolveColumns, wantsOf } from './columns';

const SETTINGS_WANTS = wantsOf(SETTINGS, ['key', 'value'], { key: ['key'], value: ['value'] });

const fieldSchemas = {
  village: z.string().trim().min(1),
  township: z.string().trim().min(1),
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  // '2023', 2023 or the full name '农村集体经济组织会计制度（财会〔2023〕14号）' all mean the 2023 system.
  chartSystem: z.string().refine((v) => v.includes('2023')).transform(() => '2023' as const),
} as const;
type Field = keyof typeof fieldSchemas;

const MESSAGES: Record<Field, { zh: string; en: string }> = {
  village: { zh: '村名不能为空', en: 'Village name (村名) is missing' },
  township: { zh: '乡镇不能为空', en: 'Township (乡镇) is missing' },
  fiscalYear: { zh: '年度应为四位年份，如 2025', en: 'Fiscal year (年度) should be a year such as 2025' },
  chartSystem: { zh: '会计制度应为 2023（农村集体经济组织会计制度）', en: 'Chart system (会计制度) should be 2023' },
};

/** 设置 table → settings; each missing or bad value is a finding at its row (or the sheet). */
export function decodeSettings(t: TableData): { settings?: BookSettings; chartSystem?: '2023'; findings: Finding[] } {
  const { index, findings } = resolveColumns(t.header, SETTINGS_WANTS, t.sheet, t.firstRow - 1);
  if (findings.length > 0) return { findings };
  const place = placeOf(t.sheet, t.firstRow, t.columnLetters);
  const [cKey, cVal] = [index.key ?? -1, index.value ?? -1];
  const found = new Map<Field, { value: string; row: number }>();
  const fieldOfLabel = new Map<string, Field>(Object.entries(SETTINGS_KEYS).map(([f, label]) => [label, f as Field]));
  t.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const f = fieldOfLabel.get(cellText(row[cKey]));
    if (f && !found.has(f)) found.set(f, { value: cellText(row[cVal]), row: t.firstRow + i });
  });
  const out: Partial<Record<Field, string | number>> = {};
  for (const f of Object.keys(fieldSchemas) as Field[]) {
    const cell = found.get(f);
    const parsed = fieldSchemas[f].safeParse(cell?.value ?? '');
    if (parsed.success) out[f] = parsed.data;
    else {
      const at: { sheet: string; row?: number; column?: string } = { sheet: t.sheet, column: cell ? place.columnName(cVal) : SETTINGS_KEYS[f] };
      if (cell) at.row = cell.row;
      const m = MESSAGES[f];
      findings.push(finding(cell && cell.value !== '' ? 'settings.bad-value' : 'cell.missing', 'error', m.zh, m.en, at));
    }
  }
  if (findings.length > 0) return { findings };
  const settings: BookSettings = { village: String(out.village), township: String(out.township), fiscalYear: Number(out.fiscalYear) };
  return { settings, chartSystem: '2023', findings };
}

/** Settings → 设置 rows in SETTINGS column order. */
export function encodeSettingsRows(s: BookSettings, chartSystem: '2023' = '2023'): Scalar[][] {
  return [
    [SETTINGS_KEYS.village, s.village],
    [SETTINGS_KEYS.township, s.township],
    [SETTINGS_KEYS.fiscalYear, String(s.fiscalYear)],
    [SETTINGS_KEYS.chartSystem, chartSystem],
  ];
}
