/**
 * The templates that ship with the program, by name. Other templates are JSON files the faces
 * read (src/cli/template-file.ts) and hand to `parseTemplate`; the core never reads files.
 */
import national from './templates/national.json';
import type { DisclosureTemplate } from './template';

export const DEFAULT_TEMPLATE = 'national';

/**
 * The shipped templates are our own constants, not input: tests/core/disclosure/template.test.ts
 * proves each is exactly what `parseTemplate` returns for it (valid, every default written out),
 * so they are not run through zod here. That parse cost every `validate` ~20 ms of its start.
 */
const BUILT_IN: Readonly<Record<string, unknown>> = { national };

export function builtInTemplateNames(): string[] {
  return Object.keys(BUILT_IN);
}

/** A shipped template by name: a fresh copy each call, as a parse would give, so no caller can change another's. */
export function builtInTemplate(name: string): DisclosureTemplate | undefined {
  const json = BUILT_IN[name];
  return json === undefined ? undefined : (JSON.parse(JSON.stringify(json)) as DisclosureTemplate);
}

/** The national baseline (农经发〔2011〕13号's eight categories). */
export function nationalTemplate(): DisclosureTemplate {
  return builtInTemplate(DEFAULT_TEMPLATE)!;
}
