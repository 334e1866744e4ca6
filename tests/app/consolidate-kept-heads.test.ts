/**
 * The township keeps each village's lock-chain head (村级分类 哈希链末端) and checks it next time
 * (ConsolidateOptions.keptHeads, `consolidate --kept-heads`): a village whose chain no longer holds
 * the kept head had its chain rewritten and is left out; a village that only locked further is fine.
 */
import { describe, expect, it } from 'vitest';
import { consolidateVillages, readKeptHeadsFrom, writeTownshipWorkbook, type VillageSource } from '../../src/app/consolidate';
import { lockPeriod } from '../../src/app/lock-period';
import { createXlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { TOWNSHIP_SHEETS } from '../../src/workbook/layout';
import { villageBytes } from '../support/township-fixtures';

const sources = (fs: { label: string; bytes: Uint8Array }[]): VillageSource[] => fs.map((f) => ({ label: f.label, open: () => createXlsxWorkbook(f.bytes) }));

describe('kept chain heads', () => {
  it('are written to 村级分类, read back, and find a rewritten chain', async () => {
    const east = await villageBytes({ village: '东村', lockThrough: '2025-06' });
    const west = await villageBytes({ village: '西村', lockThrough: '2025-06' });
    const first = await consolidateVillages(sources([{ label: '东村.xlsx', bytes: east }, { label: '西村.xlsx', bytes: west }]), { township: '青山镇', year: 2025 });
    const wb = await createXlsxWorkbook();
    await writeTownshipWorkbook(wb, first, { generatedAt: '2025-07-10' });
    const saved = await createXlsxWorkbook(await wb.toBytes());
    const classes = (await saved.readSheet(TOWNSHIP_SHEETS.classes))!;
    const header = classes.rows.find((r) => r[0] === '排名')!;
    expect(header.slice(5)).toEqual(['结账至', '哈希链末端']);
    const kept = await readKeptHeadsFrom(saved);
    // The head is June's month hash, as verify prints it.
    expect([...kept.keys()].sort()).toEqual(['东村', '西村']);
    expect(kept.get('东村')).toBe(first.included.find((v) => v.village === '东村')!.lockHash);
    expect(kept.get('东村')).toMatch(/^[0-9a-f]{64}$/);

    // Later: 东村 locked on through September (its June record stays); 西村's book now only reaches May.
    const eastWb = await createXlsxWorkbook(east);
    expect((await lockPeriod(eastWb, { through: '2025-09' })).ok).toBe(true);
    const westRewritten = await villageBytes({ village: '西村', lockThrough: '2025-05' });
    const later = await consolidateVillages(sources([{ label: '东村.xlsx', bytes: await eastWb.toBytes() }, { label: '西村.xlsx', bytes: westRewritten }]), { township: '青山镇', year: 2025, keptHeads: kept });
    expect(later.included.map((v) => v.village)).toEqual(['东村']);
    const p = later.problems.filter((x) => x.rule === 'township.chain-rewritten');
    expect(p.map((x) => [x.village, x.sheet, x.excluded])).toEqual([['西村', '_meta', true]]);
    expect(p[0]!.zh).toBe(`留存的哈希链末端 ${kept.get('西村')!.slice(0, 16)}… 不在本账簿的结账记录中：结账记录被整体重写，或不是同一本账簿`);

    // A village book is not a source of kept heads.
    await expect(readKeptHeadsFrom(eastWb)).rejects.toMatchObject({ zh: '留存哈希的文件不是乡镇汇总工作簿' });
  }, 120_000);
});
