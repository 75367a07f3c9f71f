import type { FlowNode } from '../bpmn/model.js';
import { completeElement } from './complete.js';
import { triggerEventSubProcess } from './event-sub-process.js';
import type { Execution } from './execution.js';
import { isInnerInstance } from './multi-instance.js';
import type { ElementInstance } from './state.js';
import { terminateElement } from './terminate.js';

/** The catching event for an error code among candidates: an exact code wins over a catch-all. */
function pick(x: Execution, candidates: FlowNode[], code: string, scopeKey: string): FlowNode | undefined {
  let catchAll: FlowNode | undefined;
  for (const event of candidates) {
    if (event.eventDefinition?.kind !== 'error') continue;
    const expected = event.eventDefinition.errorCode;
    if (!expected) {
      catchAll ??= event;
      continue;
    }
    const value = x.evaluate(expected, scopeKey);
    if (value.ok && String(value.value) === code) return event;
  }
  return catchAll;
}

/**
 * Throws a BPMN error from `thrower` (a task whose job threw it, an error end event, a call activity
 * whose child did not catch it). Walks outwards: boundary events, then the event sub-processes of
 * each enclosing scope; beyond the process it goes to a parent, else it is an incident.
 */
export function throwError(
  x: Execution,
  thrower: ElementInstance,
  errorCode: string,
  errorMessage: string,
  variables: Record<string, unknown>,
): void {
  for (
    let current: ElementInstance | undefined = thrower;
    current;
    current = x.element(current.flowScopeKey)
  ) {
    const node = x.node(current.elementId);
    if (current !== thrower && node.eventSubProcessIds?.length) {
      const starts = node.eventSubProcessIds.map((id) => x.node(x.node(id).startEventId ?? id));
      const start = pick(x, starts, errorCode, current.key);
      if (start) {
        triggerEventSubProcess(x, current, start, { ...variables, errorCode, errorMessage });
        return;
      }
    }
    if (!isInnerInstance(x, current) && node.boundaryEventIds.length > 0) {
      const boundary = pick(
        x,
        node.boundaryEventIds.map((id) => x.node(id)),
        errorCode,
        current.key,
      );
      if (boundary) {
        terminateElement(x, current);
        const caught = x.createElement(boundary.id, current.flowScopeKey);
        x.setLocalVariables(caught.key, { errorCode, errorMessage });
        completeElement(x, caught, variables);
        return;
      }
    }
    if (current.elementType === 'PROCESS') break;
  }
  if (x.header.parentProcessInstanceKey && x.header.parentElementInstanceKey) {
    x.effects.push({
      kind: 'parent.throw',
      parentKey: x.header.parentProcessInstanceKey,
      callActivityKey: x.header.parentElementInstanceKey,
      errorCode,
      errorMessage,
    });
    return;
  }
  x.raiseIncident(
    thrower,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${errorCode}'${errorMessage ? ` with message '${errorMessage}'` : ''}, but it was not caught. No error events are available in the scope.`,
    'activate',
  );
}
