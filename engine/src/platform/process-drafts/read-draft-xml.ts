import type { FieldError } from '../../infra/errors/app-error.js';

/** Longest BPMN document a draft may hold (characters). */
export const maxDraftXmlLength = 5_000_000;

/** A BPMN id (an XML NCName), as process ids must be to deploy. */
export const processIdPattern = /^[A-Za-z_][\w.-]{0,199}$/;

export interface DraftXml {
  /** The process's `name` attribute, when it has one. */
  name: string | null;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => entities[entity] ?? '');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3] ?? '') : undefined;
}

/**
 * Checks that a draft is a BPMN document defining the process it is saved as. A draft may be
 * unfinished (the engine validates it fully on deploy); it must only be one process's document.
 */
export function readDraftXml(
  processId: string,
  xml: unknown,
): { draft: DraftXml; errors: [] } | { draft?: undefined; errors: FieldError[] } {
  const fail = (message: string) => ({ errors: [{ path: '/xml', message }] });
  if (typeof xml !== 'string' || xml.trim() === '')
    return fail('expected the BPMN XML as a non-empty string');
  if (xml.length > maxDraftXmlLength) return fail(`at most ${maxDraftXmlLength} characters`);
  if (!/<([\w.-]+:)?definitions[\s>]/.test(xml)) return fail('not a BPMN document: no <definitions> element');
  const processes = [...xml.matchAll(/<(?:[\w.-]+:)?process\b[^>]*>/g)].map((m) => m[0]);
  const own = processes.find((tag) => attribute(tag, 'id') === processId);
  if (!own) {
    const ids = processes.map((tag) => attribute(tag, 'id')).filter((id) => id !== undefined);
    return fail(
      ids.length === 0
        ? 'the document defines no process'
        : `the document defines ${ids.map((id) => `"${id}"`).join(', ')}, not the process "${processId}"`,
    );
  }
  return { draft: { name: attribute(own, 'name') ?? null }, errors: [] };
}
