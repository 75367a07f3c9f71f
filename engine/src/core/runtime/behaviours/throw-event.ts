import { completeElement } from '../complete.js';
import type { Behaviour } from './behaviour.js';
import { jobTask } from './job-task.js';

/** Intermediate throw events: none passes through; a message throw with a task definition is a job. */
export const throwEvent: Behaviour = {
  activate(x, element, node) {
    if (node.job) jobTask.activate(x, element, node);
    else completeElement(x, element);
  },
};
