/**
 * The month picker emits 'YYYY-MM' and writes months from our own tables (2025年12月 / Dec 2025),
 * never from the browser's locale. The grid is rendered on the server (no DOM here); the e2e test
 * clicks the real popover in Chromium with an en-US browser locale.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MonthGrid } from '../../src/taskpane/components/month-picker';
import { monthShort, monthText, monthValue, splitMonth, yearText } from '../../src/taskpane/month-text';
import type { Lang } from '../../src/taskpane/i18n';

function grid(lang: Lang, year: number, value: string | undefined, onPick: (v: string) => void = () => undefined): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <MonthGrid lang={lang} year={year} value={value} minYear={undefined} maxYear={undefined} prevLabel="上一年" nextLabel="下一年" onYear={() => undefined} onPick={onPick} />
    </FluentProvider>,
  );
}

describe('month picker values', () => {
  it('emits YYYY-MM with a two-digit month', () => {
    expect(monthValue(2025, 12)).toBe('2025-12');
    expect(monthValue(2025, 1)).toBe('2025-01');
    expect(() => monthValue(2025, 13)).toThrow(RangeError);
    expect(() => monthValue(2025, 0)).toThrow(RangeError);
  });

  it('writes 2025年12月 in Chinese and Dec 2025 in English, whatever the browser', () => {
    expect(monthText('2025-12', 'zh-CN')).toBe('2025年12月');
    expect(monthText('2025-03', 'zh-CN')).toBe('2025年3月');
    expect(monthText('2025-12', 'en-US')).toBe('Dec 2025');
    expect(monthText('not a month', 'zh-CN')).toBe('not a month');
    expect(yearText(2025, 'zh-CN')).toBe('2025年');
    expect(monthShort(9, 'en-US')).toBe('Sep');
  });

  it('splitMonth undoes monthValue for every month of every year', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      expect(splitMonth(monthValue(y, m))).toEqual({ year: y, month: m });
    }));
    expect(splitMonth('2025-13')).toBeUndefined();
    expect(splitMonth('2025-1')).toBeUndefined();
  });
});

describe('month grid', () => {
  it('offers the twelve months of the shown year, each button carrying the value it emits', () => {
    const html = grid('zh-CN', 2025, '2025-12');
    const values = [...html.matchAll(/data-value="([^"]+)"/g)].map((x) => x[1]);
    expect(values).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    expect(html).toContain('aria-label="2025年12月"');
    expect(html).toContain('>12月<');
    expect(html).toContain('2025年');
    // Only the chosen month is pressed.
    const pressed = html.match(/<button[^>]*aria-pressed="true"[^>]*>/g) ?? [];
    expect(pressed).toHaveLength(1);
    expect(pressed[0]).toContain('data-value="2025-12"');
  });

  it('speaks English in the English pane', () => {
    const html = grid('en-US', 2026, undefined);
    expect(html).toContain('aria-label="Dec 2026"');
    expect(html).toContain('>Jan<');
    expect(html).not.toContain('月');
    expect(html).not.toContain('aria-pressed="true"');
  });
});
