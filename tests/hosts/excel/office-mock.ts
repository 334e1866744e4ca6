/** office-addin-mock's context with its context.sync() counted and settled, for host tests. */
import { OfficeMockObject } from 'office-addin-mock';

export function countedContext(seed: Record<string, unknown>, onSync?: () => void): { mock: OfficeMockObject; context: OfficeMockObject; syncs: () => number } {
  const mock = new OfficeMockObject(seed);
  const context = mock.context as OfficeMockObject;
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    onSync?.();
    await sync();
    // The mock settles nested properties in later microtasks; let them land before the caller reads.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { mock, context, syncs: () => syncs };
}
