/**
 * The custom-functions webpack loader appends `CustomFunctions.associate("ID", fn)` calls to
 * functions.ts, and this page is also the standalone page. Imported first by functions.ts.
 *
 * - Standalone (a plain browser, no ?office=1): there is no Excel and no CustomFunctions global;
 *   the associate calls get a no-op target so the page runs.
 * - Inside Office (?office=1): the shared runtime must provide CustomFunctions.associate and
 *   Office.actions.associate. If either is missing the functions must fail loudly: every
 *   associate call throws, and the pane shows why, instead of CUN.* silently doing nothing.
 */

export interface RuntimeScope {
  CustomFunctions?: { associate?: unknown };
  Office?: { actions?: { associate?: unknown } };
}

/** Why the functions cannot work in this Office, Chinese first. */
export class CustomFunctionsRuntimeError extends Error {
  constructor(missing: string) {
    super(`村账函数（CUN.*）无法注册：共享运行时缺少 ${missing}。请使用 Microsoft 365、Excel 2021 或更新版本、网页版或 Mac 版 Excel。` +
      ` (CUN.* functions cannot be registered: the shared runtime lacks ${missing}; use Microsoft 365, Excel 2021 or later, Excel on the web or on Mac.)`);
    this.name = 'CustomFunctionsRuntimeError';
  }
}

/**
 * Makes the associate calls safe or loud. Returns the problem found inside Office (after
 * `report` has shown it), or undefined when all is well.
 */
export function guardRuntime(scope: RuntimeScope, inOffice: boolean, report: (e: CustomFunctionsRuntimeError) => void): CustomFunctionsRuntimeError | undefined {
  if (!inOffice) {
    if (scope.CustomFunctions === undefined) scope.CustomFunctions = { associate: (): void => undefined };
    return undefined;
  }
  const missing = [
    typeof scope.CustomFunctions?.associate === 'function' ? undefined : 'CustomFunctions.associate',
    typeof scope.Office?.actions?.associate === 'function' ? undefined : 'Office.actions.associate',
  ].filter((m): m is string => m !== undefined);
  if (missing.length === 0) return undefined;
  const problem = new CustomFunctionsRuntimeError(missing.join(', '));
  report(problem);
  scope.CustomFunctions = {
    associate: (): never => {
      throw problem;
    },
  };
  return problem;
}

/** Shows the problem at the top of the page (the task pane is this page) and in the console. */
function showOnPage(e: CustomFunctionsRuntimeError): void {
  console.error(e);
  if (typeof document === 'undefined') return;
  const show = (): void => {
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.dataset.testid = 'runtime-error';
    box.style.cssText = 'background:#fde7e9;color:#a80000;padding:8px 12px;font:14px sans-serif;border-bottom:1px solid #a80000';
    box.textContent = e.message;
    document.body.prepend(box);
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show);
}

const inOffice = typeof location !== 'undefined' && /[?&]office=1(&|$)/.test(location.search);
guardRuntime(globalThis as RuntimeScope, inOffice, showOnPage);
