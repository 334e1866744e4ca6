/**
 * Misuse of a pure function (a bad argument) is a typed error, not a finding: the caller passed
 * something no answer exists for. Every face maps it in one place (custom functions: #VALUE! for
 * kind 'value' — wrong type or missing — and #NUM! for kind 'num' — out of range, no answer).
 */
export class ArgumentError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly kind: 'value' | 'num' = 'value',
  ) {
    super(`${zh} / ${en}`);
    this.name = new.target.name;
  }
}
