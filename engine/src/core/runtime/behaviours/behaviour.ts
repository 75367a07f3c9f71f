import type { FlowNode } from '../../bpmn/model.js';
import type { Execution } from '../execution.js';
import type { ElementInstance } from '../state.js';

/** What an element does once it is activated (after its input mappings and boundary events). */
export interface Behaviour {
  activate(x: Execution, element: ElementInstance, node: FlowNode): void;
}
