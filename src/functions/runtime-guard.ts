/**
 * The custom-functions webpack loader appends `CustomFunctions.associate("ID", fn)` calls to
 * functions.ts. In the standalone page (plain browser, no Excel) there is no CustomFunctions
 * global and those calls would throw, so they get a no-op target. Inside Excel the real runtime
 * is already defined when this runs and is left alone. Imported first by functions.ts.
 */
const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === 'undefined') {
  scope.CustomFunctions = { associate: (): void => undefined };
}

export {};
