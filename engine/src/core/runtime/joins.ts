import type { FlowNode, ProcessModel } from '../bpmn/model.js';
import { completeElement } from './complete.js';
import type { Execution } from './execution.js';
import type { ElementInstance } from './state.js';

/** A parallel or inclusive gateway with several incoming flows waits for tokens before it goes on. */
export function isJoin(node: FlowNode): boolean {
  return (node.type === 'PARALLEL_GATEWAY' || node.type === 'INCLUSIVE_GATEWAY') && node.incoming.length > 1;
}

export function arriveAtJoin(x: Execution, node: FlowNode, scopeKey: string, flowId: string): void {
  let waiting = x
    .children(scopeKey)
    .find((e) => e.elementId === node.id && e.data.arrivals && !e.data.arrivals.includes(flowId));
  if (!waiting) waiting = x.createElement(node.id, scopeKey, { data: { arrivals: [] } });
  waiting.data.arrivals = [...(waiting.data.arrivals ?? []), flowId];
  x.touch(waiting);
  tryToPass(x, waiting, node);
}

function tryToPass(x: Execution, waiting: ElementInstance, node: FlowNode): void {
  const arrived = new Set(waiting.data.arrivals);
  if (node.type === 'PARALLEL_GATEWAY') {
    if (!node.incoming.every((flowId) => arrived.has(flowId))) return;
  } else {
    const upstream = reachingElements(x.snapshot.model, node.id);
    const pending = x
      .children(waiting.flowScopeKey)
      .some(
        (e) =>
          e.key !== waiting.key && upstream.has(e.elementId) && !(e.data.arrivals && e.elementId === node.id),
      );
    if (pending && !node.incoming.every((flowId) => arrived.has(flowId))) return;
  }
  delete waiting.data.arrivals;
  completeElement(x, waiting);
}

/** Inclusive joins re-check whether they may pass once tokens elsewhere in their scope are gone. */
export function settleInclusiveJoins(x: Execution, scopeKey: string): void {
  for (const element of x.children(scopeKey)) {
    if (element.elementType === 'INCLUSIVE_GATEWAY' && element.data.arrivals && x.element(element.key)) {
      tryToPass(x, element, x.node(element.elementId));
    }
  }
}

const reachCache = new WeakMap<ProcessModel, Map<string, Set<string>>>();

/** Elements from which a token can still reach `targetId` (boundary events count for their activity). */
export function reachingElements(model: ProcessModel, targetId: string): Set<string> {
  let perModel = reachCache.get(model);
  if (!perModel) reachCache.set(model, (perModel = new Map()));
  const cached = perModel.get(targetId);
  if (cached) return cached;
  const found = new Set<string>();
  const queue = [targetId];
  while (queue.length > 0) {
    const node = model.elements[queue.pop()!];
    if (!node) continue;
    for (const flowId of node.incoming) {
      const source = model.flows[flowId]?.sourceId;
      if (!source || source === targetId || found.has(source)) continue;
      found.add(source);
      queue.push(source);
      const attached = model.elements[source]?.attachedToId;
      if (attached && !found.has(attached)) {
        found.add(attached);
        queue.push(attached);
      }
    }
  }
  perModel.set(targetId, found);
  return found;
}
