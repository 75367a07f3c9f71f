import type { ModdleWarning } from 'bpmn-moddle';
import type { ModelProblem } from '../model.js';
import { ElementLocator } from './element-locator.js';
import { UnresolvedReferences } from './unresolved-references.js';

const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const ZEEBE_NAMESPACE = 'http://camunda.org/schema/zeebe/1.0';
const BPMN_DI_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/DI';

/**
 * Sorts moddle's import warnings: unknown attributes and elements in foreign namespaces are
 * ignored (modeler metadata, other tools), unresolved references are kept for the builder, and
 * anything that makes a BPMN or Zeebe element unreadable becomes a problem.
 */
export function interpretWarnings(
  warnings: ModdleWarning[],
  xml: string,
  namespaces: Record<string, string>,
): { problems: ModelProblem[]; unresolved: UnresolvedReferences } {
  const problems: ModelProblem[] = [];
  const unresolved = new UnresolvedReferences();
  const locator = new ElementLocator(xml);
  for (const warning of warnings) {
    if (warning.message.startsWith('unresolved reference')) {
      if (typeof warning.element === 'object' && warning.element !== null && warning.property) {
        unresolved.add(warning.element, warning.property, String(warning.value));
      }
      continue;
    }
    if (warning.message.startsWith('unknown attribute')) continue;
    const problem = unparsableContentProblem(warning, locator, namespaces);
    if (problem) problems.push(problem);
  }
  return { problems, unresolved };
}

function unparsableContentProblem(
  warning: ModdleWarning,
  locator: ElementLocator,
  namespaces: Record<string, string>,
): ModelProblem | undefined {
  const location = parseLocation(warning.message);
  const nested = warning.error?.message ?? /nested error: (.*)/.exec(warning.message)?.[1] ?? warning.message;
  const where = location ? ` at line ${location.line + 1}` : '';
  const elementId = location ? locator.idAt(location.line, location.column) : undefined;
  const tag = /^unparsable content (<[^\s>/]+)/.exec(warning.message)?.[1]?.concat('>') ?? 'an element';

  const duplicate = /^duplicate ID <(.*)>$/.exec(nested);
  if (duplicate) {
    if (namespaceOf(tag, namespaces) === BPMN_DI_NAMESPACE) return undefined;
    return { elementId: duplicate[1], message: `the id "${duplicate[1]}" is used by more than one element` };
  }
  if (nested.startsWith('unexpected body text') || nested.startsWith('missing namespace for prefix'))
    return undefined;

  const unknownType = /^unknown type <([\w.-]+):/.exec(nested);
  if (unknownType) {
    if (unknownType[1] === 'bpmn') return { elementId, message: `${tag}${where} is not a BPMN 2.0 element` };
    if (unknownType[1] === 'zeebe')
      return { elementId, message: `${tag}${where} is not a known Zeebe extension` };
    return undefined;
  }
  if (nested.startsWith('unrecognized element')) {
    const namespace = namespaceOf(tag, namespaces);
    if (namespace !== BPMN_NAMESPACE && namespace !== ZEEBE_NAMESPACE) return undefined;
    return { elementId, message: `${tag}${where} is not allowed in this place` };
  }
  return { elementId, message: `unreadable content${where}: ${nested}` };
}

/** The namespace of a tag as written (`<bpmndi:BPMNShape>`), from the root's declarations. */
function namespaceOf(tag: string, namespaces: Record<string, string>): string | undefined {
  const prefix = /^<([\w.-]+):/.exec(tag)?.[1];
  return namespaces[prefix ? `xmlns:${prefix}` : 'xmlns'];
}

function parseLocation(message: string): { line: number; column: number } | undefined {
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  return line === undefined || column === undefined
    ? undefined
    : { line: Number(line), column: Number(column) };
}
