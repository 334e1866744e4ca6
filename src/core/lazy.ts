/**
 * A value made on first use and kept. For zod schemas above all: building one runs zod's
 * constructors for every field, and a schema built at a module's top level is paid by every
 * command that loads the module, whether or not it parses anything with it (the 合同 row schema
 * cost each `validate` and `report` of a book without contracts a few ms of a CLI start).
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
