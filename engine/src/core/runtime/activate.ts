import { behaviourOf } from './behaviours/index.js';
import type { Execution } from './execution.js';
import { arriveAtJoin, isJoin } from './joins.js';
import { activateMultiInstanceBody } from './multi-instance.js';
import type { ElementInstance } from './state.js';
import { openEventWaits } from './waits.js';

/** A token arrives at an element (through `flowId`, when it came along a sequence flow). */
export function activateElement(
  x: Execution,
  elementId: string,
  flowScopeKey: string,
  flowId?: string,
): void {
  const node = x.node(elementId);
  if (flowId && isJoin(node)) {
    arriveAtJoin(x, node, flowScopeKey, flowId);
    return;
  }
  if (node.multiInstance) {
    activateMultiInstanceBody(x, node, flowScopeKey);
    return;
  }
  runActivation(x, x.createElement(elementId, flowScopeKey));
}

/**
 * The activation step of an element instance: input mappings, boundary events, then the element's
 * own behaviour. Also what resolving an incident raised during activation runs again.
 */
export function runActivation(x: Execution, element: ElementInstance): void {
  const node = x.node(element.elementId);
  if (node.inputMappings.length > 0) {
    const mapped = x.mapVariables(element, node.inputMappings, 'Input', 'activate');
    if (!mapped) return;
    x.setLocalVariables(element.key, mapped);
  }
  // Boundary events sit on the activity, or on the multi-instance body when there is one.
  const isInner = node.multiInstance !== undefined && element.elementType !== 'MULTI_INSTANCE_BODY';
  if (!isInner && node.boundaryEventIds.length > 0) {
    const opened = openEventWaits(x, element.key, node.boundaryEventIds, element.key);
    if (!opened.ok) {
      x.raiseIncident(element, 'EXTRACT_VALUE_ERROR', opened.message, 'activate');
      return;
    }
  }
  behaviourOf(node.type).activate(x, element, node);
}
