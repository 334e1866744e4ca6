/**
 * Charts in the fake Excel (issue 11): ChartCollection.add, Chart.name / title.text / setPosition /
 * delete, ChartSeriesCollection.getItemAt / add, ChartSeries.name / setValues / setXAxisValues /
 * chartType. Each call is queued and applies at sync, like the rest of the fake; a chart is
 * recorded on its sheet with its series as cell boxes, so tests read what Excel would draw.
 */
import type { FakeContext } from './fake-excel';
import { FakeProxy } from './fake-excel-proxy';
import type { FakeRange } from './fake-excel-range';
import { FakeExcelError, type Box, type SheetState } from './fake-excel-state';

export interface SeriesState {
  name?: string;
  values?: Box;
  categories?: Box;
  chartType?: string;
}

export interface ChartState {
  name: string;
  type: string;
  title?: string;
  series: SeriesState[];
  position?: { from: Box; to: Box };
}

const TYPES = new Set(['ColumnStacked', 'ColumnClustered', 'Line']);

/** A series' cells must be one row or one column of the chart's own sheet. */
function line(range: FakeRange, sheet: SheetState): Box {
  const { sheet: on, box } = range.state();
  if (on !== sheet) throw new FakeExcelError('InvalidArgument', 'series data on another sheet');
  if (box.rows > 1 && box.cols > 1) throw new FakeExcelError('InvalidArgument', 'series data must be one row or one column');
  return box;
}

class FakeSeries extends FakeProxy<SeriesState> {
  constructor(ctx: FakeContext, locate: () => SeriesState | undefined, private readonly sheet: () => SheetState) {
    super(ctx, locate);
  }
  set name(v: string) {
    this.act(20, (s) => (s.name = v));
  }
  set chartType(v: string) {
    this.act(20, (s) => {
      if (!TYPES.has(v)) throw new FakeExcelError('InvalidArgument', `chart type ${v} not modelled`);
      s.chartType = v;
    });
  }
  setValues(range: FakeRange): void {
    this.act(20, (s) => (s.values = line(range, this.sheet())));
  }
  setXAxisValues(range: FakeRange): void {
    this.act(20, (s) => (s.categories = line(range, this.sheet())));
  }
  protected readProp(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', `series.${name}`);
  }
}

export class FakeChart extends FakeProxy<ChartState> {
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => FakeSeries; add: (name?: string) => FakeSeries };
  constructor(ctx: FakeContext, locate: () => ChartState | undefined, private readonly sheet: () => SheetState) {
    super(ctx, locate);
    const act = (f: (c: ChartState) => void): void => this.act(20, f);
    this.title = {
      get text(): string {
        throw new Error('not modelled');
      },
      set text(v: string) {
        act((c) => (c.title = v));
      },
    };
    this.series = {
      getItemAt: (i) => new FakeSeries(ctx, () => this.state().series[i], sheet),
      add: (name) => {
        let created: SeriesState | undefined;
        act((c) => {
          created = name === undefined ? {} : { name };
          c.series.push(created);
        });
        return new FakeSeries(ctx, () => created, sheet);
      },
    };
  }
  get name(): string {
    return this.get('name') as string;
  }
  set name(v: string) {
    this.act(20, (c) => (c.name = v));
  }
  setPosition(start: FakeRange, end: FakeRange): void {
    this.act(20, (c) => (c.position = { from: start.state().box, to: end.state().box }));
  }
  delete(): void {
    this.act(20, (c) => {
      const s = this.sheet();
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
  preloadName(): this {
    this.loaded.set('name', this.state().name);
    return this;
  }
  protected readProp(name: string): unknown {
    if (name === 'name') return this.state().name;
    throw new FakeExcelError('InvalidArgument', `chart.${name}`);
  }
}

/** Worksheet.charts: add, and load('items/name') for the rebuild's clean-up. */
export class FakeCharts extends FakeProxy<SheetState> {
  get items(): FakeChart[] {
    return this.get('items') as FakeChart[];
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartState | undefined;
    this.act(100, (sheet) => {
      if (!TYPES.has(type)) throw new FakeExcelError('InvalidArgument', `chart type ${type} not modelled`);
      const box = line(source, sheet);
      // One row or column of data and its seriesBy: one series over it, no categories yet.
      if ((seriesBy === 'Rows' && box.rows !== 1) || (seriesBy === 'Columns' && box.cols !== 1)) throw new FakeExcelError('InvalidArgument', 'seriesBy does not match the data');
      created = { name: `Chart ${sheet.charts.length + 1}`, type, series: [{ values: box }] };
      sheet.charts.push(created);
    });
    return new FakeChart(this.ctx, () => created, () => this.state());
  }
  override load(props: string): this {
    if (props !== 'items/name') throw new Error(`charts.load(${props}) not modelled`);
    return super.load('items');
  }
  protected readProp(name: string): unknown {
    if (name !== 'items') throw new FakeExcelError('InvalidArgument', `charts.${name}`);
    const sheet = this.state();
    return sheet.charts.map((c) => new FakeChart(this.ctx, () => c, () => sheet).preloadName());
  }
}
