import { describe, expect, it, vi } from 'vitest';
import { CustomFunctionsRuntimeError, guardRuntime, type RuntimeScope } from '../../src/functions/runtime-guard';

const fn = (): void => undefined;

describe('the custom-functions runtime guard', () => {
  it('standalone: no CustomFunctions global becomes a no-op associate, nothing reported', () => {
    const scope: RuntimeScope = {};
    const report = vi.fn();
    expect(guardRuntime(scope, false, report)).toBeUndefined();
    expect(() => (scope.CustomFunctions?.associate as (id: string, f: unknown) => void)('BALANCE', fn)).not.toThrow();
    expect(report).not.toHaveBeenCalled();
  });

  it('inside Office with the shared runtime: the real associate is left alone', () => {
    const associate = vi.fn();
    const scope: RuntimeScope = { CustomFunctions: { associate }, Office: { actions: { associate: fn } } };
    expect(guardRuntime(scope, true, vi.fn())).toBeUndefined();
    expect(scope.CustomFunctions?.associate).toBe(associate);
  });

  it('inside Office without Office.actions.associate: fails loudly, never a silent no-op', () => {
    const scope: RuntimeScope = { CustomFunctions: { associate: fn }, Office: {} };
    const report = vi.fn();
    const problem = guardRuntime(scope, true, report);
    expect(problem).toBeInstanceOf(CustomFunctionsRuntimeError);
    expect(report).toHaveBeenCalledWith(problem);
    expect(problem?.message).toMatch(/^村账函数（CUN\.\*）无法注册：共享运行时缺少 Office\.actions\.associate/);
    expect(() => (scope.CustomFunctions?.associate as (id: string, f: unknown) => void)('BALANCE', fn)).toThrow(problem as Error);
  });

  it('inside Office with neither: names both', () => {
    const problem = guardRuntime({}, true, vi.fn());
    expect(problem?.message).toContain('CustomFunctions.associate, Office.actions.associate');
  });
});
