import { describe, expect, it } from 'vitest';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { localizeMetadata, MissingTranslationError } from '../../src/functions/localize';
import { ZH_CN } from '../../src/functions/zh-cn';

interface Param {
  name: string;
  description: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type: string };
}

// What webpack's CustomFunctionsMetadataPlugin generates, made the same way.
async function generated(): Promise<{ json: string; functions: Fn[] }> {
  const r = await generateCustomFunctionsMetadata(['src/functions/functions.ts'], true);
  expect(r.errors).toEqual([]);
  return { json: r.metadataJson, functions: (JSON.parse(r.metadataJson) as { functions: Fn[] }).functions };
}

const CJK = /[\u4e00-\u9fff]/;

describe('functions.json generated from the JSDoc', () => {
  it('declares the thirteen CUN functions with upper-case ids equal to their names', async () => {
    const { functions } = await generated();
    expect(functions.map((fn) => fn.id).sort()).toEqual(
      ['ACCOUNTNAME', 'BALANCE', 'CLASSIFY', 'COOPDIVIDEND', 'GRAINRENT', 'IRR', 'LANDRENT', 'LEASEINCOME', 'NPV', 'OPINCOME', 'PAYBACK', 'PVINCOME', 'PVYIELD'],
    );
    for (const fn of functions) {
      expect(fn.name).toBe(fn.id);
      expect(fn.description.length).toBeGreaterThan(10);
      for (const p of fn.parameters) expect(p.description.length, `${fn.id}.${p.name}`).toBeGreaterThan(3);
    }
  }, 60_000);

  it('marks optional parameters and ranges', async () => {
    const { functions } = await generated();
    const byId = new Map(functions.map((fn) => [fn.id, fn]));
    const optional = (id: string) => byId.get(id)?.parameters.filter((p) => p.optional).map((p) => p.name);
    expect(optional('LANDRENT')).toEqual(['escalation_rate', 'escalation_every_years', 'start_month']);
    expect(optional('BALANCE')).toEqual(['include_children']);
    expect(optional('CLASSIFY')).toEqual(['thresholds']);
    expect(optional('LEASEINCOME')).toEqual(['occupancy', 'escalation_rate', 'escalation_every_years', 'months', 'start_month']);
    expect(byId.get('NPV')?.parameters.map((p) => p.dimensionality ?? 'scalar')).toEqual(['scalar', 'matrix']);
    expect(byId.get('CLASSIFY')?.result.type).toBe('string');
  }, 60_000);
});

describe('functions.zh-CN.json', () => {
  it('has a Chinese description for every function and parameter, ids and names unchanged', async () => {
    const { json, functions } = await generated();
    const zh = (JSON.parse(localizeMetadata(json, ZH_CN)) as { functions: Fn[] }).functions;
    expect(zh.map((fn) => [fn.id, fn.name])).toEqual(functions.map((fn) => [fn.id, fn.name]));
    for (const fn of zh) {
      expect(fn.description, fn.id).toMatch(CJK);
      for (const p of fn.parameters) expect(p.description, `${fn.id}.${p.name}`).toMatch(CJK);
    }
    expect(Object.keys(ZH_CN).sort()).toEqual(functions.map((fn) => fn.id).sort());
  }, 60_000);

  it('refuses to build when a function or parameter has no Chinese text', () => {
    const meta = JSON.stringify({ functions: [{ id: 'NEWFN', name: 'NEWFN', parameters: [] }] });
    expect(() => localizeMetadata(meta, ZH_CN)).toThrow(MissingTranslationError);
    const meta2 = JSON.stringify({ functions: [{ id: 'IRR', name: 'IRR', parameters: [{ name: 'guess' }] }] });
    expect(() => localizeMetadata(meta2, ZH_CN)).toThrow(/IRR\.guess/);
  });
});
