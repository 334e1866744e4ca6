/**
 * Our NPV and IRR of plan flows against LibreOffice's own NPV and IRR of the same flows: a small
 * .xlsx with formulas only (no cached results), recalculated by LibreOffice headless. Excel's
 * NPV discounts its first value, so year 0 is added outside it: =A1+NPV(r, A2:An).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money';
import { irr, npv } from '../../src/core/plan/appraisal';
import { projectFlows } from '../../src/core/plan/project-flows';
import { planFlows } from '../../src/core/plan/evaluate';
import { projectPlan } from '../../src/core/plan/projection';
import { xlsxToCsvSheets } from '../support/libreoffice';
import { funding, plan, project } from '../core/plan/helpers';

const pv = project({
  name: '光伏', kind: 'pv', startYear: 2026, lifeYears: 20, funding: funding({ bridge: 400_000 }),
  params: { capacityKw: 100, hours: 1200, baseTariff: '0.3779', subsidyTariff: '0.42', subsidyLagMonths: 24, runningCost: 5000, annualDegradation: '0.005' },
});
const lease = project({ name: '厂房', kind: 'lease', startYear: 2028, funding: funding({ county: 150_000, self: 50_000 }), params: { areaM2: 500, rentPerM2Month: 4, occupancy: '0.9', runningCost: 1000 } });
const yuan = (fen: number[]): string[] => fen.map((f) => new D(f).div(100).toFixed(2));
const cases: { name: string; flows: string[]; rate: string }[] = [
  { name: 'PV with a 24-month subsidy lag', flows: yuan(projectFlows(pv).flows), rate: '0.08' },
  { name: 'lease from 2028', flows: yuan(projectFlows(lease).flows), rate: '0.06' },
  { name: 'the plan of both', flows: yuan(planFlows(projectPlan(plan([pv, lease])))), rate: '0.08' },
  { name: 'uneven flows', flows: ['-250000.00', '12000.55', '-3000.10', '90000.00', '110000.99', '130000.00', '5.05'], rate: '0.08' },
];

describe('NPV and IRR agree with LibreOffice', () => {
  it('to the fen and to 1e-6', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-lo-'));
    try {
      const wb = new ExcelJS.Workbook();
      cases.forEach((c, k) => {
        const ws = wb.addWorksheet(`c${k}`);
        c.flows.forEach((f, i) => (ws.getCell(i + 1, 1).value = Number(f)));
        const n = c.flows.length;
        ws.getCell(1, 2).value = { formula: `A1+NPV(${c.rate},A2:A${n})` } as ExcelJS.CellFormulaValue;
        ws.getCell(1, 2).numFmt = '0.00';
        ws.getCell(2, 2).value = { formula: `IRR(A1:A${n})` } as ExcelJS.CellFormulaValue;
        ws.getCell(2, 2).numFmt = '0.0000000000';
      });
      const path = join(dir, 'npv.xlsx');
      await wb.xlsx.writeFile(path);
      const sheets = await xlsxToCsvSheets(path, { recalculate: true });
      cases.forEach((c, k) => {
        const rows = sheets[`c${k}`]!;
        const loNpv = rows[0]?.[1];
        const loIrr = Number(rows[1]?.[1]);
        expect([c.name, npv(c.flows, c.rate).toFixed(2)]).toEqual([c.name, loNpv]);
        expect(Math.abs(irr(c.flows).toNumber() - loIrr)).toBeLessThan(1e-6);
      });
      expect(cases[0]!.flows.length).toBeGreaterThan(20);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
