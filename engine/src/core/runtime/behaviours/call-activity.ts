import type { Behaviour } from './behaviour.js';

/** Starts an instance of another process (the engine resolves its latest version) and waits for it. */
export const callActivity: Behaviour = {
  activate(x, element, node) {
    const def = node.callActivity!;
    const processId = x.evaluate(def.processId, element.key);
    if (!processId.ok || typeof processId.value !== 'string' || !processId.value) {
      const message = processId.ok
        ? `expected a process id, got ${JSON.stringify(processId.value)}`
        : processId.message;
      x.raiseIncident(
        element,
        'EXTRACT_VALUE_ERROR',
        `Called element of '${node.id}': ${message}`,
        'activate',
      );
      return;
    }
    const variables = def.propagateAllParentVariables
      ? x.visibleVariables(element.key)
      : x.localVariables(element.key);
    x.effects.push({
      kind: 'child.start',
      callActivityKey: element.key,
      bpmnProcessId: processId.value,
      variables,
    });
  },
};
