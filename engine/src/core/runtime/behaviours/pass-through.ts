import { completeElement } from '../complete.js';
import type { Behaviour } from './behaviour.js';

/** Start events, none throw events, manual tasks, plain tasks and gateways: done as soon as entered. */
export const passThrough: Behaviour = {
  activate(x, element) {
    completeElement(x, element);
  },
};
