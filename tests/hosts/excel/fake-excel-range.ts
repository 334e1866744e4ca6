/** The fake Range: values, formulas and number formats as Excel types them; formats recorded by path. */
import { FakeExcelError, type Box, type RawValue, type SheetState, type Validation } from './fake-excel-state';
import { FakeProxy, payload, recorder } from './fake-excel-proxy';
import type { FakeContext } from './fake-excel';

export interface RangeState {
  sheet: SheetState;
  box: Box;
}

export class FakeRange extends FakeProxy<RangeState> {
  readonly format: Excel.RangeFormat;
  readonly dataValidation: { rule: Excel.DataValidationRule; ignoreBlanks: boolean; errorAlert: Excel.DataValidationErrorAlert; prompt: Excel.DataValidationPrompt };
  constructor(ctx: FakeContext, locate: () => RangeState | undefined, nullable = false) {
    super(ctx, locate, nullable);
    const act = (bytes: number, f: (r: RangeState) => void): void => this.act(bytes, f);
    // Bold and widths are modelled; every other format setting is recorded by its path.
    this.format = recorder('', (path, value) =>
      act(payload(value), ({ sheet, box }) => {
        if (path === 'font.bold') eachCell(sheet, box, (cell) => (cell.bold = value as boolean));
        else if (path === 'columnWidth') for (let c = box.col0; c < box.col0 + box.cols; c++) sheet.columnWidths.set(c, value as number);
        else sheet.styles.push({ box, path, value });
      }),
    ) as Excel.RangeFormat;
    // The rule is set first; ignoreBlanks and errorAlert then refine the latest rule on the range.
    const latest = ({ sheet, box }: RangeState): Validation => {
      const v = [...sheet.validations].reverse().find((x) => JSON.stringify(x.box) === JSON.stringify(box));
      if (!v) throw new FakeExcelError('InvalidOperation', 'set dataValidation.rule first');
      return v;
    };
    this.dataValidation = {
      get rule(): Excel.DataValidationRule {
        throw new Error('not modelled');
      },
      set rule(rule: Excel.DataValidationRule) {
        act(payload(rule), ({ sheet, box }) => sheet.validations.push({ box, rule }));
      },
      get ignoreBlanks(): boolean {
        throw new Error('not modelled');
      },
      set ignoreBlanks(v: boolean) {
        act(20, (r) => (latest(r).ignoreBlanks = v));
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        throw new Error('not modelled');
      },
      set errorAlert(v: Excel.DataValidationErrorAlert) {
        act(payload(v), (r) => (latest(r).errorAlert = v));
      },
      get prompt(): Excel.DataValidationPrompt {
        throw new Error('not modelled');
      },
      // An input message needs no rule (Excel's "any value" criteria); Excel refuses a title over
      // 32 characters and a message over 255, as its Data Validation dialog does.
      set prompt(v: Excel.DataValidationPrompt) {
        act(payload(v), ({ sheet, box }) => {
          if ((v.title ?? '').length > 32 || (v.message ?? '').length > 255) throw new FakeExcelError('InvalidArgument', 'prompt too long');
          sheet.prompts.push({ box, prompt: v });
        });
      },
    };
  }
  get values(): RawValue[][] {
    return this.get('values') as RawValue[][];
  }
  set values(v: RawValue[][]) {
    this.write('values', v);
  }
  get formulas(): RawValue[][] {
    return this.get('formulas') as RawValue[][];
  }
  set formulas(v: RawValue[][]) {
    this.write('formulas', v);
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat') as string[][];
  }
  set numberFormat(v: string[][]) {
    this.write('numberFormat', v);
  }
  get rowIndex(): number {
    return this.get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.get('columnIndex') as number;
  }
  get rowCount(): number {
    return this.get('rowCount') as number;
  }
  get columnCount(): number {
    return this.get('columnCount') as number;
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.state();
      return { sheet, box: { ...box, row0: box.row0 + i, rows: 1 } };
    });
  }
  clear(applyTo: 'All' | 'Contents' = 'All'): void {
    this.act(20, ({ sheet, box }) => {
      if (sheet.protection) throw new FakeExcelError('AccessDenied', `sheet ${sheet.name} is protected`);
      const inside = (r: number, c: number): boolean => r >= box.row0 && r < box.row0 + box.rows && c >= box.col0 && c < box.col0 + box.cols;
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        if (!inside(r, c)) continue;
        if (applyTo === 'All') sheet.cells.delete(key);
        else {
          cell.value = '';
          delete cell.formula;
        }
      }
    });
  }
  unmerge(): void {
    this.act(20, ({ sheet, box }) => {
      const inside = (m: Box): boolean => m.row0 >= box.row0 && m.col0 >= box.col0 && m.row0 + m.rows <= box.row0 + box.rows && m.col0 + m.cols <= box.col0 + box.cols;
      sheet.merges = sheet.merges.filter((m) => !inside(m));
    });
  }
  merge(across?: boolean): void {
    this.act(20, ({ sheet, box }) => {
      if (across) throw new Error('the host merges whole blocks');
      const overlaps = sheet.merges.some((m) => m.row0 < box.row0 + box.rows && box.row0 < m.row0 + m.rows && m.col0 < box.col0 + box.cols && box.col0 < m.col0 + m.cols);
      if (overlaps) throw new FakeExcelError('InvalidOperation', 'merge over a merged area');
      sheet.merges.push(box);
    });
  }
  select(): void {
    this.act(20, ({ sheet, box }) => (sheet.selected = { row0: box.row0, col0: box.col0 }));
  }
  private write(op: 'values' | 'formulas' | 'numberFormat', data: unknown): void {
    this.act(payload(data), ({ sheet, box }) => {
      sheet.write(box, data, op);
      this.ctx.fake.writes.push({ op, sheet: sheet.name, box, data });
    });
  }
  protected readProp(name: string): unknown {
    const { sheet, box } = this.state();
    if (name === 'values' || name === 'formulas' || name === 'numberFormat') return sheet.read(box, name);
    if (name === 'rowIndex') return box.row0;
    if (name === 'columnIndex') return box.col0;
    if (name === 'rowCount') return box.rows;
    if (name === 'columnCount') return box.cols;
    throw new FakeExcelError('InvalidArgument', `range.${name}`);
  }
}

function eachCell(sheet: SheetState, box: Box, f: (cell: { value: RawValue; formula?: string; bold?: boolean }) => void): void {
  if (sheet.protection) throw new FakeExcelError('AccessDenied', `sheet ${sheet.name} is protected`);
  for (let r = box.row0; r < box.row0 + box.rows; r++) {
    for (let c = box.col0; c < box.col0 + box.cols; c++) {
      const key = `${r},${c}`;
      const cell = sheet.cells.get(key) ?? { value: '' };
      f(cell);
      sheet.cells.set(key, cell);
    }
  }
}

/**
 * An object that accepts any property path: assignments, `set({...})` (flattened to paths),
 * `getItem(name)` (a path step) and method calls (recorded as 'path()' with the arguments).
 */
