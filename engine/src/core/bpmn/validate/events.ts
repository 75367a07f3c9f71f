import { isFeel } from '../../feel/expression.js';
import { timerValueError } from '../../feel/timers.js';
import { ACTIVITY_TYPES, describeElementType, withArticle } from '../element-types.js';
import type { EventDefinition, FlowNode, ModelProblem, ProcessModel, TimerDefinition } from '../model.js';
import { problem, type ValidationContext } from './validation-context.js';

type Kind = EventDefinition['kind'];

/** Which event definitions each kind of event may have (sub-process start events: sub-processes.ts). */
const ALLOWED: Record<string, readonly Kind[]> = {
  PROCESS_START: ['none', 'message', 'timer'],
  END_EVENT: ['none', 'terminate', 'error', 'message'],
  INTERMEDIATE_CATCH_EVENT: ['message', 'timer'],
  INTERMEDIATE_THROW_EVENT: ['none', 'message'],
  BOUNDARY_EVENT: ['message', 'timer', 'error'],
};

/** Start, end, intermediate and boundary events, and the content of their definitions. */
export function validateEvents({
  model,
  brokenReferenceIds,
  documentIds,
}: ValidationContext): ModelProblem[] {
  const problems: ModelProblem[] = [...processStartProblems(model)];
  for (const node of Object.values(model.elements)) {
    const definition = node.eventDefinition;
    if (!definition) continue;
    problems.push(...kindProblems(model, node, definition.kind));
    if (node.type === 'BOUNDARY_EVENT')
      problems.push(...boundaryProblems(model, node, definition.kind, documentIds));
    if (definition.kind === 'timer') problems.push(...timerProblems(model, node, definition.timer));
    if (brokenReferenceIds.has(node.id)) continue;
    if (definition.kind === 'message') problems.push(...messageProblems(node, definition));
    if (definition.kind === 'error') problems.push(...errorProblems(node, definition));
  }
  return problems;
}

function processStartProblems(model: ProcessModel): ModelProblem[] {
  if (model.startEventIds.length === 0) {
    return [problem(model.bpmnProcessId, 'a process needs at least one start event')];
  }
  const noneStarts = model.startEventIds.filter((id) => model.elements[id]?.eventDefinition?.kind === 'none');
  return noneStarts.slice(1).map((id) => problem(id, 'a process can have only one none start event'));
}

function kindProblems(model: ProcessModel, node: FlowNode, kind: Kind): ModelProblem[] {
  const isProcessStart = node.type === 'START_EVENT' && node.parentId === undefined;
  const allowed = ALLOWED[isProcessStart ? 'PROCESS_START' : node.type];
  if (!allowed || allowed.includes(kind)) return [];
  const what = withArticle(isProcessStart ? 'process start event' : describeElementType(node.type));
  if (kind === 'none') {
    const needed = allowed.filter((allowedKind) => allowedKind !== 'none');
    const listed = `${needed.slice(0, -1).join(', ')}${needed.length > 1 ? ' or ' : ''}${needed.at(-1) ?? ''}`;
    return [problem(node.id, `${what} needs a ${listed} definition`)];
  }
  if (isProcessStart && kind === 'error') {
    return [problem(node.id, 'an error start event is only allowed in an event sub-process')];
  }
  return [problem(node.id, `${what} cannot have ${withArticle(kind)} definition`)];
}

function boundaryProblems(
  model: ProcessModel,
  node: FlowNode,
  kind: Kind,
  documentIds: ReadonlySet<string>,
): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const attachedToId = node.attachedToId;
  const activity = attachedToId === undefined ? undefined : model.elements[attachedToId];
  if (!activity || !ACTIVITY_TYPES.has(activity.type)) {
    const what = activity
      ? `, not to ${withArticle(describeElementType(activity.type))}`
      : attachedToId && !documentIds.has(attachedToId)
        ? `; "${attachedToId}" does not exist`
        : '';
    problems.push(problem(node.id, `a boundary event must be attached to an activity${what}`));
  } else if (activity.parentId !== node.parentId) {
    problems.push(problem(node.id, 'a boundary event must be in the same scope as its activity'));
  }
  if (kind === 'error' && node.cancelActivity === false) {
    problems.push(
      problem(node.id, 'an error boundary event always interrupts (cancelActivity must be true)'),
    );
  }
  if (node.outgoing.length === 0)
    problems.push(problem(node.id, 'a boundary event needs an outgoing sequence flow'));
  return problems;
}

function timerProblems(model: ProcessModel, node: FlowNode, timer: TimerDefinition): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const kindError = timerKindError(model, node, timer.kind);
  if (kindError) problems.push(problem(node.id, kindError));
  if (!isFeel(timer.value)) {
    const valueError =
      timer.value.static.trim() === ''
        ? 'the timer has no value (a time duration, date or cycle)'
        : timerValueError(timer.kind, timer.value.static);
    if (valueError) problems.push(problem(node.id, valueError));
  }
  return problems;
}

function timerKindError(
  model: ProcessModel,
  node: FlowNode,
  kind: TimerDefinition['kind'],
): string | undefined {
  const inEventSubProcess = model.elements[node.parentId ?? '']?.type === 'EVENT_SUB_PROCESS';
  if (node.type === 'START_EVENT' && !inEventSubProcess && kind === 'duration') {
    return 'a timer start event of a process needs a time date or a time cycle, not a duration';
  }
  if (node.type === 'INTERMEDIATE_CATCH_EVENT' && kind === 'cycle') {
    return 'an intermediate timer event needs a time duration or date, not a cycle';
  }
  if (node.type === 'BOUNDARY_EVENT' && kind === 'cycle' && node.cancelActivity !== false) {
    return 'only a non-interrupting timer boundary event can have a time cycle';
  }
  return undefined;
}

function messageProblems(
  node: FlowNode,
  message: Extract<EventDefinition, { kind: 'message' }>,
): ModelProblem[] {
  if (node.type === 'END_EVENT' || node.type === 'INTERMEDIATE_THROW_EVENT') return [];
  const problems: ModelProblem[] = [];
  const isProcessStart = node.type === 'START_EVENT' && node.parentId === undefined;
  if (!isFeel(message.messageName) && message.messageName.static.trim() === '') {
    problems.push(problem(node.id, 'the message has no name'));
  } else if (isProcessStart && isFeel(message.messageName)) {
    problems.push(problem(node.id, 'the message name of a process start event must be static, not FEEL'));
  }
  if (!isProcessStart && !message.correlationKey) {
    problems.push(problem(node.id, 'a message catch event needs a correlation key (zeebe:subscription)'));
  }
  return problems;
}

function errorProblems(node: FlowNode, error: Extract<EventDefinition, { kind: 'error' }>): ModelProblem[] {
  if (node.type === 'END_EVENT') {
    return error.errorCode ? [] : [problem(node.id, 'an error end event needs an error with an error code')];
  }
  const problems: ModelProblem[] = [];
  if (error.errorCode && isFeel(error.errorCode)) {
    problems.push(problem(node.id, 'the error code of a catching error event must be static, not FEEL'));
  }
  if (node.type === 'START_EVENT' && node.interrupting === false) {
    problems.push(problem(node.id, 'an error start event always interrupts (isInterrupting must be true)'));
  }
  return problems;
}
