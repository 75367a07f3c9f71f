import { activateElement, runActivation } from './activate.js';
import { completeElement } from './complete.js';
import type { FeelEvaluator } from '../feel/evaluator.js';
import type { Effect } from './effects.js';
import { throwError } from './errors.js';
import { Execution, rootFlowScope, type BusinessTimeResolver, type KeySource } from './execution.js';
import { startBody } from './multi-instance.js';
import type { InstanceSnapshot } from './state.js';
import { terminateElement } from './terminate.js';
import { triggerWait } from './triggers.js';
import { eventSubProcessStarts, openEventWaits } from './waits.js';

/** Everything that moves a process instance. Each runs as one step in one transaction. */
export type Command =
  | { type: 'start'; startEventId: string; variables: Record<string, unknown> }
  | { type: 'complete-job'; elementInstanceKey: string; variables: Record<string, unknown> }
  | {
      type: 'throw-error';
      elementInstanceKey: string;
      errorCode: string;
      errorMessage: string;
      variables: Record<string, unknown>;
    }
  | { type: 'job-incident'; elementInstanceKey: string; jobKey: string; errorMessage: string }
  | { type: 'complete-user-task'; elementInstanceKey: string; variables: Record<string, unknown> }
  | { type: 'trigger'; ownerKey: string; elementId: string; variables: Record<string, unknown> }
  /** `jobIncident`: the job itself is retried, so only the incident mark goes. */
  | { type: 'resolve-incident'; elementInstanceKey: string; jobIncident?: boolean }
  | { type: 'cancel' }
  | { type: 'child-started'; callActivityKey: string; childKey: string }
  | { type: 'child-completed'; callActivityKey: string; variables: Record<string, unknown> }
  | { type: 'child-error'; callActivityKey: string; errorCode: string; errorMessage: string }
  | { type: 'called-element-missing'; callActivityKey: string; message: string };

export type CommandOutcome = 'applied' | 'stale';

export interface CommandResult {
  outcome: CommandOutcome;
  effects: Effect[];
}

/**
 * Runs one command against an instance's snapshot (which it mutates) at time `now`. Deterministic:
 * the same snapshot, command, time and keys always give the same effects. No I/O.
 */
export function execute(
  snapshot: InstanceSnapshot,
  command: Command,
  now: Date,
  keys: KeySource,
  businessTime?: BusinessTimeResolver,
  feel?: FeelEvaluator,
): CommandResult {
  const x = new Execution(snapshot, now, keys, businessTime, feel);
  const outcome = run(x, command);
  return { outcome, effects: x.effects };
}

function run(x: Execution, command: Command): CommandOutcome {
  const active = (key: string) => x.element(key);
  switch (command.type) {
    case 'start': {
      const root = x.createElement(x.header.bpmnProcessId, rootFlowScope, {
        key: x.header.key,
        type: 'PROCESS',
      });
      x.setLocalVariables(root.key, command.variables);
      // The process's event sub-processes listen first; then the token starts at the chosen start event.
      const opened = openEventWaits(x, root.key, eventSubProcessStarts(x, x.node(root.elementId)), root.key);
      if (!opened.ok) x.raiseIncident(root, 'EXTRACT_VALUE_ERROR', opened.message, 'activate');
      else activateElement(x, command.startEventId, root.key);
      return 'applied';
    }
    case 'complete-job':
    case 'complete-user-task': {
      const element = active(command.elementInstanceKey);
      if (!element) return 'stale';
      completeElement(x, element, command.variables);
      return 'applied';
    }
    case 'throw-error': {
      const element = active(command.elementInstanceKey);
      if (!element) return 'stale';
      x.propagateVariables(element.key, command.variables);
      throwError(x, element, command.errorCode, command.errorMessage, {});
      return 'applied';
    }
    case 'job-incident': {
      const element = active(command.elementInstanceKey);
      if (!element) return 'stale';
      x.raiseIncident(element, 'JOB_NO_RETRIES', command.errorMessage, 'activate', command.jobKey);
      return 'applied';
    }
    case 'trigger':
      return triggerWait(x, command.ownerKey, command.elementId, command.variables) ? 'applied' : 'stale';
    case 'resolve-incident': {
      const element = active(command.elementInstanceKey);
      if (!element?.incidentKey) return 'stale';
      const step = element.data.failedStep;
      delete element.incidentKey;
      delete element.data.failedStep;
      x.touch(element);
      if (command.jobIncident) return 'applied';
      if (step === 'complete') completeElement(x, element);
      else if (element.elementType === 'MULTI_INSTANCE_BODY') startBody(x, element);
      else runActivation(x, element);
      return 'applied';
    }
    case 'cancel': {
      const root = active(x.header.key);
      if (!root) return 'stale';
      terminateElement(x, root);
      x.header.status = 'TERMINATED';
      x.header.endedAt = x.now;
      x.effects.push({ kind: 'instance.ended', header: x.header });
      return 'applied';
    }
    case 'child-started': {
      const element = active(command.callActivityKey);
      if (!element) return 'stale';
      element.data.childInstanceKey = command.childKey;
      x.touch(element);
      return 'applied';
    }
    case 'child-completed': {
      const element = active(command.callActivityKey);
      if (!element) return 'stale';
      delete element.data.childInstanceKey;
      const node = x.node(element.elementId);
      const passOn =
        node.callActivity?.propagateAllChildVariables !== false || node.outputMappings.length > 0;
      completeElement(x, element, passOn ? command.variables : {});
      return 'applied';
    }
    case 'child-error': {
      const element = active(command.callActivityKey);
      if (!element) return 'stale';
      delete element.data.childInstanceKey;
      throwError(x, element, command.errorCode, command.errorMessage, {});
      return 'applied';
    }
    case 'called-element-missing': {
      const element = active(command.callActivityKey);
      if (!element) return 'stale';
      x.raiseIncident(element, 'CALLED_ELEMENT_ERROR', command.message, 'activate');
      return 'applied';
    }
  }
}
