import type { FlowNode } from '../bpmn/model.js';
import { runActivation } from './activate.js';
import { completeElement } from './complete.js';
import type { Execution } from './execution.js';
import type { ElementInstance } from './state.js';
import { terminateChildren } from './terminate.js';
import { eventSubProcessStarts } from './waits.js';

/**
 * An event sub-process of `scope` starts because its start event happened. An interrupting one
 * first ends everything else in the scope and closes the scope's other event sub-process waits.
 */
export function triggerEventSubProcess(
  x: Execution,
  scope: ElementInstance,
  start: FlowNode,
  variables: Record<string, unknown>,
): void {
  const interrupting = start.interrupting !== false;
  if (interrupting) {
    terminateChildren(x, scope.key);
    x.effects.push({
      kind: 'waits.cleared',
      ownerKey: scope.key,
      elementIds: eventSubProcessStarts(x, x.node(scope.elementId)),
      kinds: { events: true, job: false, userTask: false, incident: false },
    });
  }
  const esp = x.createElement(start.parentId!, scope.key);
  x.setLocalVariables(esp.key, variables);
  runActivation(x, esp);
  if (!x.element(esp.key) || esp.incidentKey) return;
  completeElement(x, x.createElement(start.id, esp.key));
}
