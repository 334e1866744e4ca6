/**
 * Upgrading an older village book in place. A version-1 book lacks only the plan tables
 * (规划设置, 规划项目, 规划情景, 历年数据): they are added empty through the port (a sheet
 * that exists is never rewritten) and _meta is rewritten with the current layout version.
 * The versions this program opens at all are SUPPORTED_LAYOUT_VERSIONS (workbook/layout.ts).
 */
import { LAYOUT_VERSION, PLAN_TABLES, SUPPORTED_LAYOUT_VERSIONS } from '../workbook/layout';
import type { BookWrite, WorkbookMeta, WorkbookPort } from '../workbook/port';
import { BookStateError } from './errors';

/**
 * The writes that bring `meta`'s book to LAYOUT_VERSION (none when it is current), for the caller
 * to commit with its own in one batch.
 */
export async function migrationWrites(port: WorkbookPort, meta: WorkbookMeta): Promise<BookWrite[]> {
  if (meta.layoutVersion === LAYOUT_VERSION) return [];
  if (!SUPPORTED_LAYOUT_VERSIONS.includes(meta.layoutVersion) || meta.layoutVersion > LAYOUT_VERSION) {
    throw new BookStateError('layout-version', `工作簿格式版本为 ${meta.layoutVersion}，无法升级`, `Workbook layout version ${meta.layoutVersion} cannot be upgraded`);
  }
  const present = new Set(await port.sheetNames());
  const next: WorkbookMeta = { ...meta, layoutVersion: LAYOUT_VERSION };
  return [{ kind: 'initialize', meta: next, tables: PLAN_TABLES.filter((t) => !present.has(t.sheet)) }];
}
