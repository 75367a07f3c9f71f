/** A Camunda element template (the parts Tramit checks; the designer reads the rest). */
export interface ElementTemplate {
  $schema?: string;
  id: string;
  name: string;
  version?: number;
  appliesTo: string[];
  properties: Record<string, unknown>[];
  [member: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with a parsed element-template file (one template or an array of them), as
 * `{ path, message }`; templates that pass are returned.
 */
export function checkElementTemplates(json: unknown): {
  templates: ElementTemplate[];
  problems: { path: string; message: string }[];
} {
  const list = Array.isArray(json) ? json : [json];
  const templates: ElementTemplate[] = [];
  const problems: { path: string; message: string }[] = [];
  list.forEach((candidate: unknown, i) => {
    const at = Array.isArray(json) ? `/${i}` : '';
    if (!isRecord(candidate)) {
      problems.push({ path: at || '/', message: 'expected an element template object' });
      return;
    }
    const own: { path: string; message: string }[] = [];
    for (const key of ['id', 'name'] as const) {
      if (typeof candidate[key] !== 'string' || candidate[key] === '') {
        own.push({ path: `${at}/${key}`, message: 'expected a non-empty string' });
      }
    }
    if (candidate.version !== undefined && !Number.isInteger(candidate.version)) {
      own.push({ path: `${at}/version`, message: 'expected a whole number' });
    }
    const appliesTo = candidate.appliesTo;
    if (
      !Array.isArray(appliesTo) ||
      appliesTo.length === 0 ||
      !appliesTo.every((t) => /^bpmn:\w+$/.test(String(t)))
    ) {
      own.push({ path: `${at}/appliesTo`, message: 'expected BPMN types such as "bpmn:ServiceTask"' });
    }
    if (!Array.isArray(candidate.properties) || !candidate.properties.every(isRecord)) {
      own.push({ path: `${at}/properties`, message: 'expected an array of property objects' });
    }
    if (own.length > 0) problems.push(...own);
    else templates.push(candidate as ElementTemplate);
  });
  return { templates, problems };
}
