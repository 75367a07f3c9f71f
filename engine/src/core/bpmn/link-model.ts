import type { FlowNode, ProcessModel } from './model.js';

/**
 * Fills in what is derived from the elements: incoming and outgoing flows, the boundary events of
 * each activity, and the start events and event sub-processes of each scope. A sub-process's
 * `startEventId` is its first none start event; an event sub-process's, its first start event.
 */
export function linkModel(model: ProcessModel): void {
  for (const flow of Object.values(model.flows)) {
    model.elements[flow.sourceId]?.outgoing.push(flow.id);
    model.elements[flow.targetId]?.incoming.push(flow.id);
  }
  for (const node of Object.values(model.elements)) {
    const parent: FlowNode | undefined =
      node.parentId === undefined ? undefined : model.elements[node.parentId];
    if (node.type === 'BOUNDARY_EVENT' && node.attachedToId !== undefined) {
      model.elements[node.attachedToId]?.boundaryEventIds.push(node.id);
    }
    if (node.type === 'START_EVENT') linkStartEvent(model, node, parent);
    if (node.type === 'EVENT_SUB_PROCESS') {
      if (parent) parent.eventSubProcessIds?.push(node.id);
      else model.eventSubProcessIds.push(node.id);
    }
  }
}

function linkStartEvent(model: ProcessModel, start: FlowNode, parent: FlowNode | undefined): void {
  if (!parent) {
    model.startEventIds.push(start.id);
    return;
  }
  const eligible = parent.type === 'EVENT_SUB_PROCESS' || start.eventDefinition?.kind === 'none';
  if (eligible && parent.startEventId === undefined) parent.startEventId = start.id;
}
