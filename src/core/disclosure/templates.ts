/**
 * The templates that ship with the program, by name. Other templates are JSON files the faces
 * read (src/cli/template-file.ts) and hand to `parseTemplate`; the core never reads files.
 */
import national from './templates/national.json';
import { parseTemplate, type DisclosureTemplate } from './template';

export const DEFAULT_TEMPLATE = 'national';

const BUILT_IN: Readonly<Record<string, unknown>> = { national };

export function builtInTemplateNames(): string[] {
  return Object.keys(BUILT_IN);
}

/** A shipped template by name (validated on every call: it is small, and a bad edit shows at once). */
export function builtInTemplate(name: string): DisclosureTemplate | undefined {
  const json = BUILT_IN[name];
  return json === undefined ? undefined : parseTemplate(json, `${name}.json`);
}

/** The national baseline (农经发〔2011〕13号's eight categories). */
export function nationalTemplate(): DisclosureTemplate {
  return builtInTemplate(DEFAULT_TEMPLATE)!;
}
