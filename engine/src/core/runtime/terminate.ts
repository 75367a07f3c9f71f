import type { Execution } from './execution.js';
import type { ElementInstance } from './state.js';

/** Terminates an element instance and everything inside it (a called child instance too). */
export function terminateElement(x: Execution, element: ElementInstance): void {
  for (const child of x.children(element.key)) terminateElement(x, child);
  if (element.elementType === 'CALL_ACTIVITY' && element.data.childInstanceKey) {
    x.effects.push({ kind: 'child.terminate', childKey: element.data.childInstanceKey });
  }
  x.finish(element, 'TERMINATED');
}

/** Terminates every child of a scope except `keep`. */
export function terminateChildren(x: Execution, scopeKey: string, keep?: string): void {
  for (const child of x.children(scopeKey)) if (child.key !== keep) terminateElement(x, child);
}
