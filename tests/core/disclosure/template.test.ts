import { describe, expect, it } from 'vitest';
import { normalizeLabel, sameLabel } from '../../../src/core/disclosure/labels';
import { parsePeriodCode, periodInTitle, postingDeadline } from '../../../src/core/disclosure/period';
import { TemplateError, parseTemplate } from '../../../src/core/disclosure/template';
import { builtInTemplate, builtInTemplateNames, nationalTemplate } from '../../../src/core/disclosure/templates';
import national from '../../../src/core/disclosure/templates/national.json';

describe('label matching: tolerant in form, strict in meaning', () => {
  it.each([
    ['一、经营收入', '经营收入'],
    ['1．经营收入', '经营收入'],
    ['（一）经营收入', '经营收入'],
    ['(1)经营收入', '经营收入'],
    ['3、补助收入', '补助收入'],
    ['①其他收入', '其他收入'],
    ['项 目', '项目'],
    ['减：提取公积公益金', '提取公积公益金'],
    ['收入合计：', '收入合计'],
    ['ＡＢＣ', 'ABC'],
  ])('%s ≡ %s', (a, b) => {
    expect(sameLabel(a, b)).toBe(true);
  });

  it.each([
    ['管理费', '管理费用'],
    ['公益性支出', '公益支出'],
    ['其中：办公费', '办公费'],
  ])('%s ≢ %s', (a, b) => {
    expect(sameLabel(a, b)).toBe(false);
  });

  it('keeps a label that begins with a numeral word but has no list mark (一事一议资金)', () => {
    expect(normalizeLabel('一事一议资金')).toBe('一事一议资金');
    expect(normalizeLabel('六、一事一议资金')).toBe('一事一议资金');
  });
});

describe('disclosure periods', () => {
  it('parses the four command-line forms', () => {
    expect(parsePeriodCode('2025Q3')).toMatchObject({ cadence: 'quarter', from: '2025-07', to: '2025-09', label: '2025年第3季度' });
    expect(parsePeriodCode('2025-07')).toMatchObject({ cadence: 'month', from: '2025-07', to: '2025-07' });
    expect(parsePeriodCode('2025H2')).toMatchObject({ cadence: 'half', from: '2025-07', to: '2025-12', label: '2025年下半年' });
    expect(parsePeriodCode('2025')).toMatchObject({ cadence: 'year', from: '2025-01', to: '2025-12' });
    expect(parsePeriodCode('2025Q5')).toBeUndefined();
    expect(parsePeriodCode('2025-13')).toBeUndefined();
  });

  it('reads the period a title names, in Chinese or Arabic numerals', () => {
    expect(periodInTitle('青山镇示范村2025年第三季度财务公开榜')?.code).toBe('2025Q3');
    expect(periodInTitle('示范村 2025 年 7 月财务公开榜')?.code).toBe('2025-07');
    expect(periodInTitle('2025年上半年')?.code).toBe('2025H1');
    expect(periodInTitle('2025年度收益分配公开表')?.code).toBe('2025');
    expect(periodInTitle('财务公开榜')).toBeUndefined();
  });

  it('deadline = period end + the template days (quarter 15: 2025-09-30 + 15 = 2025-10-15; month 10: 2025-07-31 + 10 = 2025-08-10)', () => {
    const days = nationalTemplate().deadlineDays;
    expect(postingDeadline(parsePeriodCode('2025Q3')!, days)).toBe('2025-10-15');
    expect(postingDeadline(parsePeriodCode('2025-07')!, days)).toBe('2025-08-10');
    expect(postingDeadline(parsePeriodCode('2025Q4')!, days)).toBe('2026-01-15');
  });
});

describe('template schema', () => {
  it('the national baseline has the 2011 规定 eight categories in order and cites its sources', () => {
    const t = nationalTemplate();
    expect(t.categories.map((c) => c.label)).toEqual(['财务计划', '各项收入', '各项支出', '各项资产', '各类资源', '债权债务', '收益分配', '其他需要公开的事项']);
    expect(t.sources.some((s) => s.title.includes('农经发〔2011〕13号'))).toBe(true);
    expect(t.forms.map((f) => f.title)).toEqual(expect.arrayContaining(['财务公开榜', '收支逐笔公开榜', '收益分配公开表']));
  });

  // builtInTemplate hands out the shipped JSON without running zod at run time; this is what
  // makes that safe: each shipped template is valid and is exactly what the schema returns for it
  // (every default written out), so skipping the parse changes nothing a caller sees.
  it.each(builtInTemplateNames())('the shipped template %s is already in the form parseTemplate returns', (name) => {
    const shipped = builtInTemplate(name)!;
    expect(parseTemplate(JSON.parse(JSON.stringify(shipped)), `${name}.json`)).toStrictEqual(shipped);
  });

  it('a shipped template is a fresh copy each time: one caller changing it leaves the next untouched', () => {
    const a = nationalTemplate();
    a.forms.length = 0;
    expect(nationalTemplate().forms.length).toBeGreaterThan(0);
  });

  const clone = (): { forms: Record<string, unknown>[] } & Record<string, unknown> => JSON.parse(JSON.stringify(national)) as { forms: Record<string, unknown>[] } & Record<string, unknown>;

  it('refuses a formula that refers to a later line, naming where', () => {
    const bad = clone();
    const items = bad.forms[0]!.items as { line: number; formula?: [number, number][] }[];
    items[5]!.formula = [[14, 1]];
    expect(() => parseTemplate(bad, 'bad.json')).toThrow(TemplateError);
    try {
      parseTemplate(bad, 'bad.json');
    } catch (e) {
      expect((e as TemplateError).issues.join()).toContain('forms.0.items.5.formula');
    }
  });

  it('refuses an item with two sources, an unknown category and a duplicate form key', () => {
    const bad = clone();
    (bad.forms[0]!.items as Record<string, unknown>[])[1]!.heading = true;
    bad.forms[1]!.category = 'nowhere';
    bad.forms[2]!.key = 'board';
    let issues: readonly string[] = [];
    try {
      parseTemplate(bad, 'bad.json');
    } catch (e) {
      issues = (e as TemplateError).issues;
    }
    expect(issues.some((i) => i.startsWith('forms.0.items.1'))).toBe(true);
    expect(issues.some((i) => i.startsWith('forms.1.category'))).toBe(true);
    expect(issues.some((i) => i.startsWith('forms.2.key'))).toBe(true);
  });
});
