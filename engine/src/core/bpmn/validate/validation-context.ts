import type { FlowNode, ModelProblem, ProcessModel } from '../model.js';

export interface ValidationContext {
  model: ProcessModel;
  /** Elements already reported as unsupported. */
  unsupportedIds: ReadonlySet<string>;
  /** Elements whose message or error reference is broken, already reported. */
  brokenReferenceIds: ReadonlySet<string>;
  /** Every id in the file, to tell a missing element from one that is not a flow node. */
  documentIds: ReadonlySet<string>;
}

/** One concern of the validation: every problem it finds, never only the first. */
export type Validator = (context: ValidationContext) => ModelProblem[];

export function problem(elementId: string, message: string): ModelProblem {
  return { elementId, message };
}

/** The flow nodes directly inside a scope (undefined: the process). */
export function childrenOf(model: ProcessModel, scopeId: string | undefined): FlowNode[] {
  return Object.values(model.elements).filter((node) => node.parentId === scopeId);
}
