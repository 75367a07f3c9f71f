import { completeElement } from '../complete.js';
import type { Behaviour } from './behaviour.js';
import { jobTask } from './job-task.js';

/** `zeebe:script`: the engine evaluates the FEEL expression and completes with its result. */
export const scriptTask: Behaviour = {
  activate(x, element, node) {
    if (!node.script) {
      jobTask.activate(x, element, node);
      return;
    }
    const result = x.evaluate(node.script.expression, element.key);
    if (!result.ok) {
      x.raiseIncident(
        element,
        'EXTRACT_VALUE_ERROR',
        `Script of '${node.id}': ${result.message}`,
        'activate',
      );
      return;
    }
    completeElement(x, element, { [node.script.resultVariable]: result.value ?? null });
  },
};
