/**
 * Makes functions.zh-CN.json from the generated (en-US) functions.json: the same metadata with
 * Chinese descriptions. Run by webpack (webpack.config.js, through tsx) and by the tests. Throws
 * when a function or parameter has no Chinese text, so a new function cannot ship untranslated.
 */
import type { FunctionText } from './zh-cn';

interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

/** Thrown at build time for a missing translation; a developer error, not user input. */
export class MissingTranslationError extends Error {
  override name = 'MissingTranslationError';
}

/** Overlays `texts` on the metadata JSON text; returns the localized JSON text. */
export function localizeMetadata(metadataJson: string, texts: Readonly<Record<string, FunctionText>>): string {
  const metadata = JSON.parse(metadataJson) as { functions: FunctionMetadata[] };
  const functions = metadata.functions.map((f) => {
    const t = texts[f.id];
    if (t === undefined) throw new MissingTranslationError(`no zh-CN text for function ${f.id}`);
    const parameters = f.parameters.map((p) => {
      const d = t.parameters[p.name];
      if (d === undefined) throw new MissingTranslationError(`no zh-CN text for parameter ${f.id}.${p.name}`);
      return { ...p, description: d };
    });
    return { ...f, description: t.description, parameters };
  });
  return JSON.stringify({ ...metadata, functions }, null, 2);
}
