/** Base of the fake Excel proxies: queued commands, load-then-sync properties, null objects. */
import type { FakeContext } from './fake-excel';
import { FakeExcelError } from './fake-excel-state';

export function payload(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data)) + 100;
}

export abstract class FakeProxy<S> {
  protected readonly loaded = new Map<string, unknown>();
  private cached: S | undefined;
  constructor(
    protected readonly ctx: FakeContext,
    private readonly locate: () => S | undefined,
    nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue(0, () => {
        const s = locate();
        this.loaded.set('isNullObject', s === undefined);
        if (s !== undefined) this.cached = s;
      });
    }
  }
  get isNullObject(): boolean {
    return this.get('isNullObject') as boolean;
  }
  state(): S {
    if (this.cached === undefined) {
      const s = this.locate();
      if (s === undefined) throw new FakeExcelError('ItemNotFound', this.constructor.name);
      this.cached = s;
    }
    return this.cached;
  }
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new FakeExcelError('PropertyNotLoaded', `${prop} read before load and sync`);
    return this.loaded.get(prop);
  }
  load(props: string): this {
    const names = props.split(',').map((s) => s.trim());
    this.ctx.enqueue(50, () => {
      if (this.loaded.get('isNullObject') === true) return; // a null object loads nothing, without error
      for (const n of names) {
        const value = this.readProp(n);
        this.loaded.set(n, value);
        if (n === 'values') this.ctx.responseBytes += payload(value);
      }
    });
    return this;
  }
  protected act(bytes: number, f: (s: S) => void): void {
    this.ctx.enqueue(bytes, () => f(this.state()));
  }
  protected abstract readProp(name: string): unknown;
}


export function recorder(path: string, onSet: (path: string, value: unknown) => void): unknown {
  const join = (p: string): string => (path === '' ? p : `${path}.${p}`);
  const flatten = (prefix: string, obj: object): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && k !== 'zoom') flatten(`${prefix}${k}.`, v as object);
      else onSet(join(`${prefix}${k}`), v);
    }
  };
  return new Proxy(() => undefined, {
    get: (_t, prop) => {
      if (typeof prop !== 'string') return undefined;
      if (prop === 'set') return (obj: object) => flatten('', obj);
      if (prop === 'getItem') return (name: string) => recorder(join(name), onSet);
      return recorder(join(prop), onSet);
    },
    set: (_t, prop, value) => {
      onSet(join(String(prop)), value);
      return true;
    },
    apply: (_t, _this, args) => onSet(`${path}()`, args),
  });
}


