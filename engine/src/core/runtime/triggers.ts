import { completeElement } from './complete.js';
import { triggerEventSubProcess } from './event-sub-process.js';
import type { Execution } from './execution.js';
import { terminateElement } from './terminate.js';

/**
 * A timer fired or a message was correlated for the wait that `ownerKey` holds on event `elementId`.
 * Returns false when that wait no longer exists (the element moved on in the meantime).
 */
export function triggerWait(
  x: Execution,
  ownerKey: string,
  elementId: string,
  variables: Record<string, unknown>,
): boolean {
  const owner = x.element(ownerKey);
  if (!owner) return false;
  const node = x.node(elementId);
  if (node.type === 'BOUNDARY_EVENT') {
    if (node.attachedToId !== owner.elementId) return false;
    if (node.cancelActivity !== false) terminateElement(x, owner);
    completeElement(x, x.createElement(node.id, owner.flowScopeKey), variables);
    return true;
  }
  if (node.type === 'START_EVENT' && node.parentId && x.node(node.parentId).type === 'EVENT_SUB_PROCESS') {
    triggerEventSubProcess(x, owner, node, variables);
    return true;
  }
  if (owner.elementType === 'EVENT_BASED_GATEWAY') {
    x.finish(owner, 'COMPLETED');
    completeElement(x, x.createElement(node.id, owner.flowScopeKey), variables);
    return true;
  }
  if (owner.elementId !== elementId) return false;
  completeElement(x, owner, variables);
  return true;
}
