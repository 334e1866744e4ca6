/** The hidden _meta sheet: WorkbookMeta as key/value rows under a 'key' | 'value' header. */
import * as z from 'zod';
import { finding, type Finding } from '../../core/findings';
import type { Scalar, WorkbookMeta } from '../port';
import { META_SHEET } from '../layout';
import { cellText } from './cells';
import { decodeChainRows, encodeChainRows, isChainKey } from './meta-chain';

export const META_HEADER: readonly Scalar[] = ['key', 'value'];

const metaSchema = z.object({
  layoutVersion: z.coerce.number().int().positive(),
  chartSystem: z.literal('2023'),
  village: z.string(),
  township: z.string(),
  fiscalYear: z.coerce.number().int().min(1900).max(2200),
  kind: z.enum(['village', 'township']),
  lockedThrough: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  lockDigest: z.string().regex(/^[0-9a-f]{16}$/).optional(),
});

/** Meta → key/value rows (header not included); values as text so Excel keeps them verbatim. */
export function encodeMetaRows(meta: WorkbookMeta): Scalar[][] {
  const rows: Scalar[][] = [
    ['layoutVersion', String(meta.layoutVersion)],
    ['chartSystem', meta.chartSystem],
    ['village', meta.village],
    ['township', meta.township],
    ['fiscalYear', String(meta.fiscalYear)],
    ['kind', meta.kind],
  ];
  if (meta.lockedThrough !== undefined) rows.push(['lockedThrough', meta.lockedThrough]);
  if (meta.lockDigest !== undefined) rows.push(['lockDigest', meta.lockDigest]);
  if (meta.lockChain !== undefined) rows.push(...encodeChainRows(meta.lockChain));
  return rows;
}

/** Key/value rows (header row skipped if present) → meta, or a finding 'meta.bad' saying what is wrong. */
export function decodeMetaRows(rows: readonly (readonly unknown[])[]): { meta?: WorkbookMeta; findings: Finding[] } {
  // No prototype: a key typed as '__proto__' or 'constructor' is just an unknown key.
  const obj = Object.create(null) as Record<string, string>;
  const chainRows: [string, string][] = [];
  for (const r of rows) {
    const k = cellText(r[0]);
    if (k === '' || k === 'key') continue;
    const v = cellText(r[1]);
    if (isChainKey(k)) chainRows.push([k, v]);
    else if (v !== '') obj[k] = v;
  }
  const parsed = metaSchema.safeParse(obj);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    return { findings: [finding('meta.bad', 'error', `隐藏表 _meta 内容无效（${fields}）`, `The hidden _meta sheet is invalid (${fields})`, { sheet: META_SHEET })] };
  }
  const d = parsed.data;
  const meta: WorkbookMeta = { layoutVersion: d.layoutVersion, chartSystem: d.chartSystem, village: d.village, township: d.township, fiscalYear: d.fiscalYear, kind: d.kind };
  if (d.lockedThrough !== undefined) meta.lockedThrough = d.lockedThrough;
  if (d.lockDigest !== undefined) meta.lockDigest = d.lockDigest;
  if (chainRows.length > 0) meta.lockChain = decodeChainRows(chainRows);
  return { meta, findings: [] };
}
