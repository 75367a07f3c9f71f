import { isFeel } from '../../feel/expression.js';
import { ACTIVITY_TYPES, describeElementType, withArticle } from '../element-types.js';
import type { ModelProblem } from '../model.js';
import { problem, type ValidationContext } from './validation-context.js';

/** Multi-instance tasks, sub-processes and call activities: collection in, optionally collection out. */
export function validateMultiInstance({ model }: ValidationContext): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const node of Object.values(model.elements)) {
    const multiInstance = node.multiInstance;
    if (!multiInstance) continue;
    if (!ACTIVITY_TYPES.has(node.type)) {
      problems.push(
        problem(node.id, `${withArticle(describeElementType(node.type))} cannot be multi-instance`),
      );
    }
    const input = multiInstance.inputCollection;
    if (!isFeel(input) && input.static.trim() === '') {
      problems.push(problem(node.id, 'a multi-instance activity needs an input collection'));
    }
    if ((multiInstance.outputCollection === undefined) !== (multiInstance.outputElement === undefined)) {
      problems.push(
        problem(node.id, 'a multi-instance output collection and output element must be set together'),
      );
    }
  }
  return problems;
}
