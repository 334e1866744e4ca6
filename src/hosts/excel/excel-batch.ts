/**
 * Request batching for the Excel host. Office.js queues commands and sends them with
 * `context.sync()`; Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded).
 * So writes are queued until a byte budget is reached: normal use cases fit one request, and
 * only a huge write syncs once per ~4 MB, which is the least any client can do.
 */

/** `Excel.run`, or a stand-in with the same shape (tests pass a fake). */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Under the 5 MB web limit with room for the request envelope and our estimate's error. */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

export interface ExcelWorkbookOptions {
  /** Bytes of queued cell data per request before an intermediate sync (default 4 MB). */
  payloadBudgetBytes?: number;
}

/** Calls Excel.run only when invoked, so importing this module needs no Office global. */
export const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * Tracks the estimated payload of the queued commands of one context. `reserve` syncs first
 * when the next write would push the request over the budget; `flush` sends the rest.
 */
export class PayloadBatcher {
  private used = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    readonly budget: number,
    /** Runs after every intermediate sync, e.g. to suspend calculation again for the next request. */
    private readonly onNewRequest: () => void = () => undefined,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) {
      await this.ctx.sync();
      this.used = 0;
      this.onNewRequest();
    }
    this.used += bytes;
  }

  async flush(): Promise<void> {
    await this.ctx.sync();
    this.used = 0;
  }
}
