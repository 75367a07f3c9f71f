import type { FlowNode } from '../bpmn/model.js';
import type { Execution } from './execution.js';
import type { ElementInstance } from './state.js';

export type FlowChoice = { ok: true; flowIds: string[] } | { ok: false; message: string };

/**
 * Which outgoing flows a completing element takes. Exclusive: the first whose condition holds, else
 * the default. Inclusive: every one whose condition holds, else the default. Everything else: all.
 */
export function chooseOutgoing(x: Execution, element: ElementInstance, node: FlowNode): FlowChoice {
  if (node.type !== 'EXCLUSIVE_GATEWAY' && node.type !== 'INCLUSIVE_GATEWAY') {
    return { ok: true, flowIds: node.outgoing };
  }
  if (node.outgoing.length === 1 && !x.snapshot.model.flows[node.outgoing[0]!]?.condition) {
    return { ok: true, flowIds: node.outgoing };
  }
  const taken: string[] = [];
  const context = x.visibleVariables(element.key);
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlowId) continue;
    const flow = x.snapshot.model.flows[flowId]!;
    if (!flow.condition) continue;
    const result = x.feel.evaluate(flow.condition, context);
    if (!result.ok) return { ok: false, message: `Condition of flow '${flowId}' failed: ${result.message}` };
    if (result.value !== true && result.value !== false && result.value !== null) {
      return {
        ok: false,
        message: `Condition of flow '${flowId}' must be a boolean, got ${JSON.stringify(result.value)}`,
      };
    }
    if (result.value === true) {
      taken.push(flowId);
      if (node.type === 'EXCLUSIVE_GATEWAY') break;
    }
  }
  if (taken.length > 0) return { ok: true, flowIds: taken };
  if (node.defaultFlowId) return { ok: true, flowIds: [node.defaultFlowId] };
  return {
    ok: false,
    message: `Expected at least one condition to evaluate to true, or to have a default flow, at gateway '${node.id}'`,
  };
}
