import { activateElement } from './activate.js';
import type { Execution } from './execution.js';
import { chooseOutgoing } from './flows.js';
import { innerInstanceCompleted, isInnerInstance } from './multi-instance.js';
import { completeProcess, completeScopeIfDone } from './scope.js';
import type { ElementInstance } from './state.js';

/**
 * An element instance completes with `variables` (a job's, a message's, a user task's): output
 * mappings (or propagation), then the token leaves along the chosen flows. Also what resolving an
 * incident raised during completion runs again.
 */
export function completeElement(
  x: Execution,
  element: ElementInstance,
  variables: Record<string, unknown> = {},
): void {
  const node = x.node(element.elementId);
  if (element.elementType === 'PROCESS') {
    x.propagateVariables(element.key, variables);
    completeProcess(x, element);
    return;
  }
  if (element.elementType !== 'MULTI_INSTANCE_BODY' && node.outputMappings.length > 0) {
    x.setLocalVariables(element.key, variables);
    const mapped = x.mapVariables(element, node.outputMappings, 'Output', 'complete');
    if (!mapped) return;
    x.propagateVariables(element.flowScopeKey, mapped);
  } else {
    x.propagateVariables(element.key, variables);
  }

  if (isInnerInstance(x, element)) {
    innerInstanceCompleted(x, element);
    return;
  }
  const choice = chooseOutgoing(x, element, node);
  if (!choice.ok) {
    x.raiseIncident(element, 'CONDITION_ERROR', choice.message, 'complete');
    return;
  }
  x.finish(element, 'COMPLETED');
  if (choice.flowIds.length === 0) {
    completeScopeIfDone(x, element.flowScopeKey);
    return;
  }
  for (const flowId of choice.flowIds) {
    const flow = x.snapshot.model.flows[flowId]!;
    activateElement(x, flow.targetId, element.flowScopeKey, flowId);
  }
}
