import type { BuildContext } from './build-context.js';
import { readMessage } from './build-event.js';
import type { FlowNode } from './model.js';
import { findExtension, type ModdleElement } from './moddle/moddle-element.js';
import { hasTaskDefinition, readJob, readScript, readUserTask } from './zeebe-extensions.js';

/** The job, script, message or user-task part of a task, by its type. */
export function readTaskDetails(element: ModdleElement, node: FlowNode, context: BuildContext): void {
  switch (node.type) {
    case 'SERVICE_TASK':
    case 'SEND_TASK':
      node.job = readJob(element);
      return;
    case 'BUSINESS_RULE_TASK':
      if (findExtension(element, 'zeebe:CalledDecision')) {
        context.report(node.id, 'DMN decisions are not supported; use a task definition (rules land later)');
      } else {
        node.job = readJob(element);
      }
      return;
    case 'SCRIPT_TASK':
      readScriptTask(element, node, context);
      return;
    case 'RECEIVE_TASK':
      node.eventDefinition = readMessage(element, node.id, context);
      return;
    case 'USER_TASK':
      node.userTask = readUserTask(element);
      return;
    default:
      return;
  }
}

/** A script task is either a FEEL script run by the engine or a job for a worker, not both. */
function readScriptTask(element: ModdleElement, node: FlowNode, context: BuildContext): void {
  const script = readScript(element);
  if (script && hasTaskDefinition(element)) {
    context.report(node.id, 'a script task has both a FEEL script and a task definition; keep one of them');
  }
  if (script) node.script = script;
  else node.job = readJob(element);
}
