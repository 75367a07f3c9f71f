import type { BuildContext } from './build-context.js';
import { readEventDefinition } from './build-event.js';
import { readTaskDetails } from './build-task.js';
import { ACTIVITY_TYPES, describeModdleType, EXECUTABLE_TYPES, TASK_TYPES } from './element-types.js';
import type { ElementType, FlowNode } from './model.js';
import {
  booleanProp,
  elementProp,
  findExtension,
  numberProp,
  stringProp,
  type ModdleElement,
} from './moddle/moddle-element.js';
import {
  calledElementBinding,
  readCalledElement,
  readJob,
  readMappings,
  readMultiInstance,
} from './zeebe-extensions.js';

/** Where a flow node sits: the sub-process containing it (none at process level). */
export interface Scope {
  id?: string;
  isEventSubProcess: boolean;
}

const EVENT_TYPES: ReadonlySet<ElementType> = new Set([
  'START_EVENT',
  'END_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
]);

/** The model of one flow node; undefined (after reporting) when the engine cannot execute it. */
export function buildFlowNode(
  element: ModdleElement,
  id: string,
  scope: Scope,
  context: BuildContext,
): FlowNode | undefined {
  const type = elementTypeOf(element);
  if (!type) {
    context.unsupported(id, describeModdleType(element.$type));
    return undefined;
  }
  const { inputs, outputs } = readMappings(element);
  const node: FlowNode = {
    id,
    name: stringProp(element, 'name'),
    type,
    parentId: scope.id,
    incoming: [],
    outgoing: [],
    inputMappings: inputs,
    outputMappings: outputs,
    boundaryEventIds: [],
  };
  if (EVENT_TYPES.has(type) && !readEvent(element, node, scope, context)) return undefined;
  if (TASK_TYPES.has(type)) readTaskDetails(element, node, context);
  if (ACTIVITY_TYPES.has(type) || type === 'EVENT_SUB_PROCESS') readActivity(element, node, context);
  readOtherDetails(element, node, context);
  reportUnsupportedExtensions(element, id, context);
  return node;
}

function elementTypeOf(element: ModdleElement): ElementType | undefined {
  if (element.$type === 'bpmn:SubProcess') {
    return booleanProp(element, 'triggeredByEvent') ? 'EVENT_SUB_PROCESS' : 'SUB_PROCESS';
  }
  return EXECUTABLE_TYPES[element.$type];
}

function readEvent(element: ModdleElement, node: FlowNode, scope: Scope, context: BuildContext): boolean {
  const definition = readEventDefinition(element, node.id, context);
  if (!definition) return false;
  node.eventDefinition = definition;
  if (node.type === 'START_EVENT' && scope.isEventSubProcess) {
    node.interrupting = booleanProp(element, 'isInterrupting') ?? true;
  }
  if (node.type === 'BOUNDARY_EVENT') {
    node.attachedToId = context.unresolved.referenceId(element, 'attachedToRef');
    node.cancelActivity = booleanProp(element, 'cancelActivity') ?? true;
  }
  const throwsMessage = node.type === 'END_EVENT' || node.type === 'INTERMEDIATE_THROW_EVENT';
  if (throwsMessage && definition.kind === 'message') node.job = readJob(element);
  return true;
}

function readOtherDetails(element: ModdleElement, node: FlowNode, context: BuildContext): void {
  if (node.type === 'EXCLUSIVE_GATEWAY' || node.type === 'INCLUSIVE_GATEWAY') {
    node.defaultFlowId = context.unresolved.referenceId(element, 'default');
  }
  if (node.type === 'EVENT_BASED_GATEWAY' && booleanProp(element, 'instantiate')) {
    context.report(node.id, 'an event-based gateway that starts the process is not supported');
  }
  if (node.type === 'CALL_ACTIVITY') {
    node.callActivity = readCalledElement(element);
    const binding = calledElementBinding(element);
    if (binding)
      context.report(node.id, `the called element binding "${binding}" is not supported; use "latest"`);
  }
  if (node.type === 'SUB_PROCESS' || node.type === 'EVENT_SUB_PROCESS') node.eventSubProcessIds = [];
}

/** Loop characteristics and the activity attributes the engine does not execute. */
function readActivity(element: ModdleElement, node: FlowNode, context: BuildContext): void {
  const loop = elementProp(element, 'loopCharacteristics');
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') node.multiInstance = readMultiInstance(loop);
  else if (loop) context.report(node.id, `${describeModdleType(loop.$type)} is not supported`);
  if (booleanProp(element, 'isForCompensation')) {
    context.report(node.id, 'a compensation activity (isForCompensation) is not supported');
  }
  const quantities = [numberProp(element, 'startQuantity'), numberProp(element, 'completionQuantity')];
  if (quantities.some((quantity) => quantity !== undefined && quantity !== 1)) {
    context.report(node.id, 'a start or completion quantity other than 1 is not supported');
  }
}

function reportUnsupportedExtensions(element: ModdleElement, id: string, context: BuildContext): void {
  if (findExtension(element, 'zeebe:ExecutionListeners')) {
    context.report(id, 'execution listeners are not supported');
  }
  if (findExtension(element, 'zeebe:TaskListeners')) context.report(id, 'task listeners are not supported');
}
