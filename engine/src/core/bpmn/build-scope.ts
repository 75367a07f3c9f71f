import type { BuildContext } from './build-context.js';
import { buildFlowNode, type Scope } from './build-flow-node.js';
import { describeModdleType, IGNORED_FLOW_ELEMENTS, withArticle } from './element-types.js';
import type { ProcessModel, SequenceFlow } from './model.js';
import { toExpression } from '../feel/expression.js';
import {
  elementList,
  expressionBody,
  idOf,
  stringProp,
  type ModdleElement,
} from './moddle/moddle-element.js';

/**
 * Reads the flow elements of a process or sub-process into the model, descending into
 * sub-processes. Lanes, artifacts (text annotations, associations, groups) and data are not flow
 * elements the engine executes and are not read.
 */
export function readScope(
  container: ModdleElement,
  scope: Scope,
  model: ProcessModel,
  context: BuildContext,
): void {
  for (const element of elementList(container, 'flowElements')) {
    if (IGNORED_FLOW_ELEMENTS.has(element.$type)) continue;
    const id = idOf(element);
    if (id === undefined || id.trim() === '') {
      context.report(undefined, `${withArticle(describeModdleType(element.$type))} has no id`);
      continue;
    }
    if (element.$type === 'bpmn:SequenceFlow') {
      model.flows[id] = readSequenceFlow(element, id, context);
      continue;
    }
    const node = buildFlowNode(element, id, scope, context);
    if (!node) continue;
    model.elements[id] = node;
    if (node.type === 'SUB_PROCESS' || node.type === 'EVENT_SUB_PROCESS') {
      readScope(element, { id, isEventSubProcess: node.type === 'EVENT_SUB_PROCESS' }, model, context);
    }
  }
}

function readSequenceFlow(element: ModdleElement, id: string, context: BuildContext): SequenceFlow {
  return {
    id,
    name: stringProp(element, 'name'),
    sourceId: context.unresolved.referenceId(element, 'sourceRef') ?? '',
    targetId: context.unresolved.referenceId(element, 'targetRef') ?? '',
    condition: toExpression(expressionBody(element, 'conditionExpression')),
  };
}
