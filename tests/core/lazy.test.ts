import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/core/lazy';

describe('lazy', () => {
  it('makes the value on the first call only, and never before', () => {
    let made = 0;
    const get = lazy(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(made).toBe(1);
  });
  it('keeps a made value that is itself undefined (made once, not on every call)', () => {
    let made = 0;
    const get = lazy(() => {
      made++;
      return undefined;
    });
    get();
    get();
    expect(made).toBe(1);
  });
});
