import type { ModelProblem } from './model.js';
import { createModdle } from './moddle/create-moddle.js';
import { interpretWarnings } from './moddle/interpret-warnings.js';
import { isModdleElement, type ModdleElement } from './moddle/moddle-element.js';
import { UnresolvedReferences } from './moddle/unresolved-references.js';

export const MAX_BPMN_BYTES = 5 * 1024 * 1024;
export const BPMN_MODEL_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export interface XmlReadResult {
  /** The `bpmn:Definitions`, absent when the file could not be read at all. */
  definitions?: ModdleElement;
  problems: ModelProblem[];
  unresolved: UnresolvedReferences;
  /** Every id in the file, including elements the engine does not execute. */
  documentIds: ReadonlySet<string>;
}

/**
 * Refuses what must never reach the XML parser (too large, DTDs and entities: billion laughs, XXE;
 * anything that is not a BPMN 2.0 document), then reads the definitions with moddle.
 */
export async function readXml(xml: string): Promise<XmlReadResult> {
  const refused = checkBeforeParsing(xml);
  const empty = { problems: [], unresolved: new UnresolvedReferences(), documentIds: new Set<string>() };
  if (refused) return { ...empty, problems: [refused] };
  try {
    const { rootElement, warnings, elementsById } = await createModdle().fromXML(xml, 'bpmn:Definitions');
    if (!isModdleElement(rootElement)) return { ...empty, problems: [{ message: NOT_BPMN }] };
    const { problems, unresolved } = interpretWarnings(warnings, xml, rootElement.$attrs ?? {});
    return {
      definitions: rootElement,
      problems,
      unresolved,
      documentIds: new Set(Object.keys(elementsById)),
    };
  } catch (error) {
    return { ...empty, problems: [{ message: notWellFormed(error) }] };
  }
}

const NOT_BPMN = `not a BPMN 2.0 file: the root element must be <definitions> in the namespace ${BPMN_MODEL_NAMESPACE}`;

/** The reason to refuse the content without parsing it, if any. */
export function checkBeforeParsing(xml: string): ModelProblem | undefined {
  if (xml.length > MAX_BPMN_BYTES || Buffer.byteLength(xml, 'utf8') > MAX_BPMN_BYTES) {
    return { message: 'the file is larger than 5 MB' };
  }
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return { message: 'DTDs and entities are not allowed in BPMN files (<!DOCTYPE>, <!ENTITY>)' };
  }
  if (!hasBpmnRoot(xml)) return { message: NOT_BPMN };
  return undefined;
}

function hasBpmnRoot(xml: string): boolean {
  const start = skipProlog(xml);
  const root = /^<(?:([A-Za-z_][\w.-]*):)?definitions(?=[\s/>])([^>]*)>/.exec(
    xml.slice(start, start + 10_000),
  );
  if (!root) return false;
  const declaration = root[1] ? `xmlns:${root[1]}` : 'xmlns';
  const attributes = root[2] ?? '';
  for (const [, name, double, single] of attributes.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (name === declaration) return (double ?? single) === BPMN_MODEL_NAMESPACE;
  }
  return false;
}

/** The offset after the byte-order mark, XML declaration, comments and processing instructions. */
function skipProlog(xml: string): number {
  let offset = xml.startsWith('\uFEFF') ? 1 : 0;
  for (;;) {
    while (offset < xml.length && /\s/.test(xml.charAt(offset))) offset += 1;
    const closing = xml.startsWith('<?', offset) ? '?>' : xml.startsWith('<!--', offset) ? '-->' : undefined;
    if (!closing) return offset;
    const end = xml.indexOf(closing, offset);
    if (end < 0) return xml.length;
    offset = end + closing.length;
  }
}

function notWellFormed(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('failed to parse document')) return NOT_BPMN;
  const nested = /nested error: (.*)/.exec(message)?.[1] ?? message.split('\n')[0];
  const line = /line: (\d+)/.exec(message)?.[1];
  return `the file is not well-formed XML: ${nested}${line === undefined ? '' : ` (line ${Number(line) + 1})`}`;
}
