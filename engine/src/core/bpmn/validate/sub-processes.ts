import type { FlowNode, ModelProblem, ProcessModel } from '../model.js';
import { childrenOf, problem, type ValidationContext } from './validation-context.js';

const EVENT_SUB_PROCESS_STARTS = ['message', 'timer', 'error'];

/** Embedded sub-processes start with one none start event; event sub-processes with one event. */
export function validateSubProcesses({ model }: ValidationContext): ModelProblem[] {
  return Object.values(model.elements).flatMap((node) => {
    if (node.type === 'SUB_PROCESS') return embeddedProblems(model, node);
    if (node.type === 'EVENT_SUB_PROCESS') return eventSubProcessProblems(model, node);
    return [];
  });
}

function startEventsOf(model: ProcessModel, scope: FlowNode): FlowNode[] {
  return childrenOf(model, scope.id).filter((child) => child.type === 'START_EVENT');
}

function embeddedProblems(model: ProcessModel, subProcess: FlowNode): ModelProblem[] {
  const starts = startEventsOf(model, subProcess);
  const problems: ModelProblem[] = [];
  if (starts.length !== 1) {
    problems.push(
      problem(subProcess.id, `a sub-process needs exactly one start event, it has ${starts.length}`),
    );
  }
  for (const start of starts) {
    if (start.eventDefinition?.kind !== 'none') {
      problems.push(
        problem(start.id, 'the start event of an embedded sub-process must be a none start event'),
      );
    }
  }
  return problems;
}

function eventSubProcessProblems(model: ProcessModel, subProcess: FlowNode): ModelProblem[] {
  const starts = startEventsOf(model, subProcess);
  const problems: ModelProblem[] = [];
  if (starts.length !== 1) {
    problems.push(
      problem(subProcess.id, `an event sub-process needs exactly one start event, it has ${starts.length}`),
    );
  }
  for (const start of starts) {
    if (!EVENT_SUB_PROCESS_STARTS.includes(start.eventDefinition?.kind ?? 'none')) {
      problems.push(
        problem(
          start.id,
          'the start event of an event sub-process needs a message, timer or error definition',
        ),
      );
    }
  }
  if (subProcess.incoming.length > 0 || subProcess.outgoing.length > 0) {
    problems.push(
      problem(subProcess.id, 'an event sub-process cannot have incoming or outgoing sequence flows'),
    );
  }
  return problems;
}
