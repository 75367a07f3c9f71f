import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtInTemplates } from './built-in-templates.js';
import { checkElementTemplates, type ElementTemplate } from './check-element-template.js';

export interface TemplateFileProblem {
  file: string;
  path: string;
  message: string;
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * The built-in templates plus every `connectors/<name>/element-templates/*.json`. A file that is not
 * valid is left out and reported, so one broken connector does not hide the others.
 */
export async function loadElementTemplates(
  connectorsDir: string | undefined,
): Promise<{ templates: ElementTemplate[]; problems: TemplateFileProblem[] }> {
  const templates = [...builtInTemplates];
  const problems: TemplateFileProblem[] = [];
  if (!connectorsDir) return { templates, problems };
  for (const connector of await subfolders(connectorsDir)) {
    const folder = path.join(connectorsDir, connector, 'element-templates');
    const files = (await readdir(folder).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const name of files) {
      const file = path.join(connector, 'element-templates', name);
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
      } catch (error) {
        problems.push({ file, path: '/', message: `not JSON: ${(error as Error).message}` });
        continue;
      }
      const checked = checkElementTemplates(json);
      templates.push(...checked.templates);
      problems.push(...checked.problems.map((p) => ({ file, ...p })));
    }
  }
  return { templates, problems };
}
