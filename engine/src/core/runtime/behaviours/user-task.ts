import type { Expression } from '../../bpmn/model.js';
import type { EvalResult } from '../../feel/evaluate.js';
import type { Behaviour } from './behaviour.js';

type Evaluate = (expression: Expression) => EvalResult;
type Result<T> = { ok: true; value: T } | { ok: false; message: string };

function text(evaluate: Evaluate, expression: Expression | undefined): Result<string | undefined> {
  if (!expression) return { ok: true, value: undefined };
  const result = evaluate(expression);
  if (!result.ok) return result;
  if (result.value === null || result.value === undefined) return { ok: true, value: undefined };
  if (typeof result.value === 'string') return { ok: true, value: result.value };
  if (typeof result.value === 'number') return { ok: true, value: String(result.value) };
  return { ok: false, message: `expected a string, got ${JSON.stringify(result.value)}` };
}

// ISO 8601 date-time with an offset or Z, as Camunda requires for due and follow-up dates.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function dateTime(evaluate: Evaluate, expression: Expression | undefined): Result<string | undefined> {
  const result = text(evaluate, expression);
  if (!result.ok || result.value === undefined) return result;
  if (!isoDateTime.test(result.value) || Number.isNaN(Date.parse(result.value))) {
    return {
      ok: false,
      message: `expected an ISO 8601 date-time (such as 2026-11-23T10:00:00+01:00), got '${result.value}'`,
    };
  }
  return result;
}

function list(evaluate: Evaluate, expression: Expression | undefined): Result<string[]> {
  if (!expression) return { ok: true, value: [] };
  if ('static' in expression) {
    return {
      ok: true,
      value: expression.static
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  const result = evaluate(expression);
  if (!result.ok) return result;
  if (result.value === null) return { ok: true, value: [] };
  if (Array.isArray(result.value) && result.value.every((v) => typeof v === 'string')) {
    return { ok: true, value: result.value as string[] };
  }
  if (typeof result.value === 'string') return { ok: true, value: [result.value] };
  return { ok: false, message: `expected a list of strings, got ${JSON.stringify(result.value)}` };
}

/** A Camunda user task: waits for a person; assignment and dates are evaluated on creation. */
export const userTask: Behaviour = {
  activate(x, element, node) {
    const def = node.userTask ?? {};
    const context = x.visibleVariables(element.key);
    const evaluate = (expression: Expression) => x.feel.evaluate(expression, context);
    const fields = {
      assignee: text(evaluate, def.assignee),
      candidateGroups: list(evaluate, def.candidateGroups),
      candidateUsers: list(evaluate, def.candidateUsers),
      dueDate: dateTime(evaluate, def.dueDate),
      followUpDate: dateTime(evaluate, def.followUpDate),
      priority: text(evaluate, def.priority),
    };
    for (const [name, result] of Object.entries(fields)) {
      if (!result.ok) {
        x.raiseIncident(
          element,
          'EXTRACT_VALUE_ERROR',
          `The ${name} of '${node.id}': ${result.message}`,
          'activate',
        );
        return;
      }
    }
    const value = <T>(r: Result<T>) => (r as { value: T }).value;
    const priority = value(fields.priority) === undefined ? 50 : Number(value(fields.priority));
    if (!Number.isInteger(priority) || priority < 0 || priority > 100) {
      x.raiseIncident(
        element,
        'EXTRACT_VALUE_ERROR',
        `The priority of '${node.id}' must be 0 to 100`,
        'activate',
      );
      return;
    }
    x.effects.push({
      kind: 'user-task.created',
      task: {
        key: x.keys.next(),
        elementInstanceKey: element.key,
        elementId: node.id,
        name: node.name,
        assignee: value(fields.assignee),
        candidateGroups: value(fields.candidateGroups),
        candidateUsers: value(fields.candidateUsers),
        dueDate: value(fields.dueDate),
        followUpDate: value(fields.followUpDate),
        priority,
        formKey: def.formKey ?? def.formId,
      },
    });
  },
};
