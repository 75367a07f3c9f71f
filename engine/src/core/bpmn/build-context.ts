import type { ModelProblem } from './model.js';
import type { UnresolvedReferences } from './moddle/unresolved-references.js';

/** What the builder shares while it reads one file. */
export class BuildContext {
  readonly problems: ModelProblem[] = [];
  /** Elements reported as unsupported: flows to them are not reported again as dangling. */
  readonly unsupportedIds = new Set<string>();
  /** Elements whose message or error reference names nothing (reported once, here). */
  readonly brokenReferenceIds = new Set<string>();

  constructor(readonly unresolved: UnresolvedReferences) {}

  report(elementId: string | undefined, message: string): void {
    this.problems.push(elementId === undefined ? { message } : { elementId, message });
  }

  brokenReference(elementId: string, what: string, id: string | undefined): void {
    this.brokenReferenceIds.add(elementId);
    this.report(elementId, `the ${what} "${id ?? ''}" does not exist`);
  }

  unsupported(elementId: string | undefined, what: string): void {
    if (elementId !== undefined) this.unsupportedIds.add(elementId);
    this.report(elementId, `${what} is not supported`);
  }
}
