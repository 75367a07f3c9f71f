import { completeElement } from '../complete.js';
import { throwError } from '../errors.js';
import { terminateChildren } from '../terminate.js';
import type { Behaviour } from './behaviour.js';
import { jobTask } from './job-task.js';

/** None ends the token; terminate ends the whole scope; error throws; message ends are a job. */
export const endEvent: Behaviour = {
  activate(x, element, node) {
    const definition = node.eventDefinition;
    if (node.job) {
      jobTask.activate(x, element, node);
      return;
    }
    if (definition?.kind === 'terminate') {
      terminateChildren(x, element.flowScopeKey, element.key);
      completeElement(x, element);
      return;
    }
    if (definition?.kind === 'error') {
      const code = definition.errorCode
        ? x.evaluate(definition.errorCode, element.key)
        : { ok: true as const, value: '' };
      if (!code.ok) {
        x.raiseIncident(
          element,
          'EXTRACT_VALUE_ERROR',
          `Error code of '${node.id}': ${code.message}`,
          'activate',
        );
        return;
      }
      throwError(x, element, String(code.value ?? ''), '', {});
      return;
    }
    completeElement(x, element);
  },
};
