import { activateElement } from '../activate.js';
import { completeScopeIfDone } from '../scope.js';
import { eventSubProcessStarts, openEventWaits } from '../waits.js';
import type { Behaviour } from './behaviour.js';

/**
 * Embedded sub-processes and the process itself: open the waits of their event sub-processes, then
 * start at the none start event. Event sub-processes are entered through triggers instead.
 */
export const subProcess: Behaviour = {
  activate(x, element, node) {
    if (node.type === 'EVENT_SUB_PROCESS') return;
    const opened = openEventWaits(x, element.key, eventSubProcessStarts(x, node), element.key);
    if (!opened.ok) {
      x.raiseIncident(element, 'EXTRACT_VALUE_ERROR', opened.message, 'activate');
      return;
    }
    if (node.startEventId) activateElement(x, node.startEventId, element.key);
    else completeScopeIfDone(x, element.key);
  },
};
