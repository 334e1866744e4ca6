/**
 * Native charts on generated sheets (the plan's 规划测算 and 计划执行, issue 11), queued with the
 * sheet's rebuild. A chart is added over its first series (Worksheet.charts / ChartCollection.add,
 * ExcelApi 1.1: https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)),
 * then every series is set explicitly from the sheet's own cells: values and category labels with
 * ChartSeries.setValues / setXAxisValues and further series with ChartSeriesCollection.add (all
 * ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.chartseries). A combo chart
 * (stacked columns with a target line) sets that series' chartType to 'Line' (ChartSeries.chartType,
 * ExcelApi 1.7). Charts sit below the body, one under the other; their names carry CHART_PREFIX so
 * a rebuild deletes ours and leaves any chart a person added.
 */
import type { ChartSpec, GeneratedSheet } from '../../workbook/port';

export const CHART_PREFIX = '村账图表';

/** Rows a chart takes below the body, and the columns it spans. */
const CHART_ROWS = 18;
const CHART_COLS = 8;

export function chartName(sheet: string, k: number): string {
  return `${CHART_PREFIX}-${sheet}-${k + 1}`;
}

/** Deletes the charts we drew on a sheet before its rebuild (loaded by the commit's second probe). */
export function deleteOurCharts(charts: Excel.ChartCollection): void {
  for (const c of charts.items) if (c.name.startsWith(CHART_PREFIX)) c.delete();
}

/** The cells of one series (`index` a body row or column) and of the categories. */
function seriesRanges(sheet: Excel.Worksheet, spec: ChartSpec, index: number, headerRow: number, bodyRow: number): { values: Excel.Range; categories: Excel.Range } {
  const n = spec.span.to - spec.span.from;
  if (spec.seriesIn === 'rows') {
    return {
      values: sheet.getRangeByIndexes(bodyRow + index, spec.span.from, 1, n),
      categories: sheet.getRangeByIndexes(headerRow, spec.span.from, 1, n),
    };
  }
  return {
    values: sheet.getRangeByIndexes(bodyRow + spec.span.from, index, n, 1),
    categories: sheet.getRangeByIndexes(bodyRow + spec.span.from, spec.categoryColumn ?? 0, n, 1),
  };
}

export function queueCharts(sheet: Excel.Worksheet, gen: GeneratedSheet, headerRow: number, bodyRow: number): void {
  const specs = (gen.charts ?? []).filter((c) => c.series.length > 0 && c.span.to > c.span.from);
  let top = bodyRow + Math.max(1, gen.rows.length) + 1;
  specs.forEach((spec, k) => {
    const [first, ...rest] = spec.series;
    if (!first) return;
    const r0 = seriesRanges(sheet, spec, first.index, headerRow, bodyRow);
    const chart = sheet.charts.add(spec.columns === 'stacked' ? 'ColumnStacked' : 'ColumnClustered', r0.values, spec.seriesIn === 'rows' ? 'Rows' : 'Columns');
    chart.name = chartName(gen.name, k);
    chart.title.text = spec.title;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setValues(r0.values);
    s0.setXAxisValues(r0.categories);
    if (first.line === true) s0.chartType = 'Line';
    for (const s of rest) {
      const r = seriesRanges(sheet, spec, s.index, headerRow, bodyRow);
      const series = chart.series.add(s.name);
      series.setValues(r.values);
      series.setXAxisValues(r.categories);
      if (s.line === true) series.chartType = 'Line';
    }
    chart.setPosition(sheet.getRangeByIndexes(top, 0, 1, 1), sheet.getRangeByIndexes(top + CHART_ROWS - 1, CHART_COLS - 1, 1, 1));
    top += CHART_ROWS + 1;
  });
}
