import { describeElementType, withArticle } from '../element-types.js';
import type { ElementType, FlowNode, ModelProblem, SequenceFlow } from '../model.js';
import { problem, type ValidationContext } from './validation-context.js';

const CONDITIONAL_SOURCES: ReadonlySet<ElementType> = new Set(['EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY']);
const NO_INCOMING_ALLOWED: ReadonlySet<ElementType> = new Set(['START_EVENT', 'BOUNDARY_EVENT']);

/** Sequence flows connect two flow nodes of one scope; only gateways' flows have conditions. */
export function validateFlows(context: ValidationContext): ModelProblem[] {
  const { model } = context;
  const problems: ModelProblem[] = [];
  for (const flow of Object.values(model.flows)) {
    const source = model.elements[flow.sourceId];
    const target = model.elements[flow.targetId];
    const dangling = [
      danglingEnd(flow, 'source', source, context),
      danglingEnd(flow, 'target', target, context),
    ];
    for (const message of dangling) if (message) problems.push(problem(flow.id, message));
    if (source && target && source.parentId !== target.parentId) {
      problems.push(problem(flow.id, 'a sequence flow cannot cross the boundary of a sub-process'));
    }
    if (flow.condition && source && !CONDITIONAL_SOURCES.has(source.type)) {
      problems.push(
        problem(
          flow.id,
          `conditions are only allowed on flows out of exclusive and inclusive gateways; ` +
            `Camunda does not allow a condition on a flow out of ${withArticle(describeElementType(source.type))}`,
        ),
      );
    }
  }
  for (const node of Object.values(model.elements)) problems.push(...nodeFlowProblems(node));
  return problems;
}

function danglingEnd(
  flow: SequenceFlow,
  end: 'source' | 'target',
  node: FlowNode | undefined,
  { unsupportedIds, documentIds }: ValidationContext,
): string | undefined {
  const id = end === 'source' ? flow.sourceId : flow.targetId;
  if (node || unsupportedIds.has(id)) return undefined;
  if (id === '') return `dangling sequence flow: it has no ${end}`;
  if (!documentIds.has(id)) return `dangling sequence flow: its ${end} "${id}" does not exist`;
  return `dangling sequence flow: its ${end} "${id}" is not a flow node of this process`;
}

function nodeFlowProblems(node: FlowNode): ModelProblem[] {
  const what = describeElementType(node.type);
  const problems: ModelProblem[] = [];
  const needsIncoming = !NO_INCOMING_ALLOWED.has(node.type) && node.type !== 'EVENT_SUB_PROCESS';
  if (needsIncoming && node.incoming.length === 0) {
    problems.push(
      problem(node.id, `the ${what} has no incoming sequence flow; only start events may have none`),
    );
  }
  if (NO_INCOMING_ALLOWED.has(node.type) && node.incoming.length > 0) {
    problems.push(problem(node.id, `${withArticle(what)} cannot have incoming sequence flows`));
  }
  if (node.type === 'END_EVENT' && node.outgoing.length > 0) {
    problems.push(problem(node.id, 'an end event cannot have outgoing sequence flows'));
  }
  return problems;
}
