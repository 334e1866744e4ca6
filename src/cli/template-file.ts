/**
 * Choosing a disclosure template on the command line: a built-in name (national), a path to a
 * .json file, or a name found as templates/<name>.json next to the workbook or in the current
 * folder. The file is validated by the template schema; a bad one is refused with every issue.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { TemplateError, parseTemplate, type DisclosureTemplate } from '../core/disclosure/template';
import { builtInTemplate, builtInTemplateNames, nationalTemplate } from '../core/disclosure/templates';

async function readJson(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new TemplateError(path, [`不是有效的 JSON / not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }
}

/** The template `name` names, for the workbook at `bookPath`; the national baseline when no name is given. */
export async function loadTemplate(name: string | undefined, bookPath: string): Promise<DisclosureTemplate> {
  if (name === undefined) return nationalTemplate();
  const builtIn = builtInTemplate(name);
  if (builtIn) return builtIn;
  const candidates = /[\\/]|\.json$/i.test(name)
    ? [resolve(name)]
    : [join(dirname(resolve(bookPath)), 'templates', `${name}.json`), resolve('templates', `${name}.json`)];
  for (const path of candidates) {
    const json = await readJson(path);
    if (json !== undefined) return parseTemplate(json, path);
  }
  throw new TemplateError(name, [`找不到模板；内置模板：${builtInTemplateNames().join('、')}，或给出 .json 路径，或放在 templates/${name}.json / template not found; built in: ${builtInTemplateNames().join(', ')}; or give a .json path, or put it in templates/${name}.json`]);
}
