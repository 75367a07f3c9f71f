import { completeElement } from '../complete.js';
import { openSubscription, openTimer } from '../waits.js';
import type { Behaviour } from './behaviour.js';

/** Intermediate timer/message catch events and receive tasks wait for their trigger. */
export const catchEvent: Behaviour = {
  activate(x, element, node) {
    const kind = node.eventDefinition?.kind;
    if (kind !== 'timer' && kind !== 'message') {
      completeElement(x, element);
      return;
    }
    const opened =
      kind === 'timer'
        ? openTimer(x, element.key, node, element.key)
        : openSubscription(x, element.key, node, element.key, true);
    if (!opened.ok) x.raiseIncident(element, 'EXTRACT_VALUE_ERROR', opened.message, 'activate');
  },
};
