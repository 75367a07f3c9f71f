import { describeElementType } from '../element-types.js';
import type { FlowNode, ModelProblem, ProcessModel } from '../model.js';
import { problem, type ValidationContext } from './validation-context.js';

/** Default flows, conditions on exclusive and inclusive forks, targets of event-based gateways. */
export function validateGateways({ model }: ValidationContext): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const node of Object.values(model.elements)) {
    if (node.type === 'EXCLUSIVE_GATEWAY' || node.type === 'INCLUSIVE_GATEWAY') {
      problems.push(...conditionalGatewayProblems(model, node));
    }
    if (node.type === 'EVENT_BASED_GATEWAY') problems.push(...eventBasedGatewayProblems(model, node));
  }
  return problems;
}

function conditionalGatewayProblems(model: ProcessModel, gateway: FlowNode): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const defaultFlowId = gateway.defaultFlowId;
  if (defaultFlowId !== undefined && !gateway.outgoing.includes(defaultFlowId)) {
    problems.push(
      problem(gateway.id, `the default flow "${defaultFlowId}" is not an outgoing flow of this gateway`),
    );
  } else if (defaultFlowId !== undefined && model.flows[defaultFlowId]?.condition) {
    problems.push(problem(defaultFlowId, 'the default flow of a gateway cannot have a condition'));
  }
  if (gateway.outgoing.length > 1) {
    for (const flowId of gateway.outgoing) {
      if (flowId === defaultFlowId || model.flows[flowId]?.condition) continue;
      problems.push(
        problem(
          flowId,
          `a flow out of the ${describeElementType(gateway.type)} "${gateway.id}" needs a condition, ` +
            `unless it is the gateway's default flow`,
        ),
      );
    }
  }
  return problems;
}

function eventBasedGatewayProblems(model: ProcessModel, gateway: FlowNode): ModelProblem[] {
  const problems: ModelProblem[] = [];
  if (gateway.outgoing.length < 2) {
    problems.push(problem(gateway.id, 'an event-based gateway needs at least two outgoing flows'));
  }
  for (const flowId of gateway.outgoing) {
    const target = model.elements[model.flows[flowId]?.targetId ?? ''];
    if (!target || isEventGatewayTarget(target)) continue;
    problems.push(
      problem(
        target.id,
        'an event-based gateway may only lead to message or timer intermediate catch events and receive tasks',
      ),
    );
  }
  return problems;
}

function isEventGatewayTarget(node: FlowNode): boolean {
  if (node.type === 'RECEIVE_TASK') return true;
  const kind = node.eventDefinition?.kind;
  return node.type === 'INTERMEDIATE_CATCH_EVENT' && (kind === 'message' || kind === 'timer');
}
