import { hasErrors, type Finding } from '../core/findings';

/** What every use case returns: ok is false when any finding is an error (then nothing was written). */
export interface UseCaseResult {
  ok: boolean;
  findings: Finding[];
}

export function resultOf<T extends object>(findings: Finding[], extra: T): UseCaseResult & T {
  return { ok: !hasErrors(findings), findings, ...extra };
}
