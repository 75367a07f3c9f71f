import type { Behaviour } from './behaviour.js';
import { openEventWaits } from '../waits.js';

/** Waits on every event that follows it; the first to happen wins (see triggers). */
export const eventBasedGateway: Behaviour = {
  activate(x, element, node) {
    const targets = node.outgoing.map((flowId) => x.snapshot.model.flows[flowId]!.targetId);
    const opened = openEventWaits(x, element.key, targets, element.key);
    if (!opened.ok) x.raiseIncident(element, 'EXTRACT_VALUE_ERROR', opened.message, 'activate');
  },
};
