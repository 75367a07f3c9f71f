import { isFeel } from '../../feel/expression.js';
import { parseMappingTarget } from '../../feel/mappings.js';
import { feelSyntaxError } from '../../feel/syntax.js';
import type { EventDefinition, Expression, FlowNode, Mapping, ModelProblem } from '../model.js';
import { problem, type ValidationContext } from './validation-context.js';

interface NamedExpression {
  /** What it is, for the message: "condition", "input collection". */
  property: string;
  expression: Expression | undefined;
  /** Camunda only accepts FEEL here (a static value is a mistake). */
  feelOnly?: boolean;
}

/**
 * Every FEEL expression of the process is syntax-checked (nothing is evaluated); properties that
 * must be FEEL are not static; mapping targets are variable names or dotted paths.
 */
export function validateExpressions({ model }: ValidationContext): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const flow of Object.values(model.flows)) {
    problems.push(...check(flow.id, [{ property: 'condition', expression: flow.condition, feelOnly: true }]));
  }
  for (const node of Object.values(model.elements)) {
    problems.push(...check(node.id, expressionsOf(node)));
    problems.push(...targetProblems(node.id, 'input', node.inputMappings));
    problems.push(...targetProblems(node.id, 'output', node.outputMappings));
  }
  return problems;
}

function check(elementId: string, expressions: NamedExpression[]): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const { property, expression, feelOnly } of expressions) {
    if (!expression) continue;
    if (!isFeel(expression)) {
      if (feelOnly && expression.static.trim() !== '') {
        problems.push(problem(elementId, `the ${property} must be a FEEL expression (start it with =)`));
      }
      continue;
    }
    const error = feelSyntaxError(expression.feel);
    if (error) problems.push(problem(elementId, `invalid FEEL in the ${property}: ${error}`));
  }
  return problems;
}

function expressionsOf(node: FlowNode): NamedExpression[] {
  const { job, userTask, multiInstance, script, callActivity } = node;
  return [
    ...node.inputMappings.map((mapping) => mappingSource('input', mapping)),
    ...node.outputMappings.map((mapping) => mappingSource('output', mapping)),
    ...eventExpressions(node.eventDefinition),
    { property: 'task type', expression: job?.type },
    { property: 'retries', expression: job?.retries },
    { property: 'script', expression: script?.expression, feelOnly: true },
    { property: 'assignee', expression: userTask?.assignee },
    { property: 'candidate groups', expression: userTask?.candidateGroups },
    { property: 'candidate users', expression: userTask?.candidateUsers },
    { property: 'due date', expression: userTask?.dueDate },
    { property: 'follow-up date', expression: userTask?.followUpDate },
    { property: 'priority', expression: userTask?.priority },
    { property: 'external form reference', expression: userTask?.externalFormReference },
    { property: 'input collection', expression: multiInstance?.inputCollection, feelOnly: true },
    { property: 'output element', expression: multiInstance?.outputElement, feelOnly: true },
    { property: 'completion condition', expression: multiInstance?.completionCondition, feelOnly: true },
    { property: 'called process id', expression: callActivity?.processId },
  ];
}

function eventExpressions(definition: EventDefinition | undefined): NamedExpression[] {
  switch (definition?.kind) {
    case 'timer':
      return [{ property: `timer ${definition.timer.kind}`, expression: definition.timer.value }];
    case 'message':
      return [
        { property: 'message name', expression: definition.messageName },
        { property: 'correlation key', expression: definition.correlationKey },
      ];
    case 'error':
      return [{ property: 'error code', expression: definition.errorCode }];
    default:
      return [];
  }
}

function mappingSource(direction: 'input' | 'output', mapping: Mapping): NamedExpression {
  return { property: `${direction} mapping to "${mapping.target}"`, expression: mapping.source };
}

function targetProblems(
  elementId: string,
  direction: 'input' | 'output',
  mappings: Mapping[],
): ModelProblem[] {
  return mappings
    .filter((mapping) => !parseMappingTarget(mapping.target))
    .map((mapping) =>
      problem(
        elementId,
        `the ${direction} mapping target "${mapping.target}" is not a variable name or path`,
      ),
    );
}
