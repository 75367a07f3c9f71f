import { completeElement } from './complete.js';
import type { Execution } from './execution.js';
import { settleInclusiveJoins } from './joins.js';
import type { ElementInstance } from './state.js';

/** When the last token inside a scope is gone, the scope (sub-process, process) completes. */
export function completeScopeIfDone(x: Execution, scopeKey: string): void {
  const scope = x.element(scopeKey);
  if (!scope || scope.incidentKey) return;
  if (x.children(scopeKey).length > 0) {
    settleInclusiveJoins(x, scopeKey);
    return;
  }
  completeElement(x, scope);
}

/** The process instance's own element completes: the instance ends, and a parent hears of it. */
export function completeProcess(x: Execution, root: ElementInstance): void {
  const variables = x.localVariables(root.key);
  x.finish(root, 'COMPLETED');
  x.header.status = 'COMPLETED';
  x.header.endedAt = x.now;
  x.effects.push({ kind: 'instance.ended', header: x.header });
  if (x.header.parentProcessInstanceKey && x.header.parentElementInstanceKey) {
    x.effects.push({
      kind: 'parent.complete',
      parentKey: x.header.parentProcessInstanceKey,
      callActivityKey: x.header.parentElementInstanceKey,
      variables,
    });
  }
}
