import { isFeel } from '../../feel/expression.js';
import { parseIsoDateTime } from '../../feel/iso-date-time.js';
import { describeElementType } from '../element-types.js';
import type { Expression, FlowNode, ModelProblem } from '../model.js';
import { problem, type ValidationContext } from './validation-context.js';

/** Task types, retries, scripts, user-task settings and called processes (static values only). */
export function validateTasks({ model }: ValidationContext): ModelProblem[] {
  return Object.values(model.elements).flatMap((node) => [
    ...jobProblems(node),
    ...scriptProblems(node),
    ...userTaskProblems(node),
    ...callActivityProblems(node),
  ]);
}

function jobProblems(node: FlowNode): ModelProblem[] {
  if (!node.job) return [];
  const problems: ModelProblem[] = [];
  if (isEmpty(node.job.type)) problems.push(problem(node.id, missingTypeMessage(node)));
  const retries = node.job.retries;
  if (!isFeel(retries) && !/^\s*\d+\s*$/.test(retries.static)) {
    problems.push(problem(node.id, `retries must be a whole number, not "${retries.static}"`));
  }
  return problems;
}

function missingTypeMessage(node: FlowNode): string {
  if (node.type === 'END_EVENT') return 'message end event without a task type';
  if (node.type === 'INTERMEDIATE_THROW_EVENT') return 'message throw event without a task type';
  if (node.type === 'SCRIPT_TASK') return 'script task without a FEEL script or a task type';
  return `${describeElementType(node.type)} without a task type`;
}

function scriptProblems(node: FlowNode): ModelProblem[] {
  if (!node.script || node.script.resultVariable.trim() !== '') return [];
  return [problem(node.id, 'a FEEL script needs a result variable')];
}

function userTaskProblems(node: FlowNode): ModelProblem[] {
  const task = node.userTask;
  if (!task) return [];
  const problems: ModelProblem[] = [];
  const priority = task.priority && !isFeel(task.priority) ? task.priority.static.trim() : undefined;
  if (priority !== undefined && !(/^\d+$/.test(priority) && Number(priority) <= 100)) {
    problems.push(problem(node.id, `the priority must be a whole number from 0 to 100, not "${priority}"`));
  }
  for (const [label, date] of [
    ['due date', task.dueDate],
    ['follow-up date', task.followUpDate],
  ] as const) {
    if (date && !isFeel(date) && !parseIsoDateTime(date.static)) {
      problems.push(problem(node.id, `the ${label} must be an ISO 8601 date-time, not "${date.static}"`));
    }
  }
  const forms = [task.formKey, task.formId, task.externalFormReference].filter((form) => form !== undefined);
  if (forms.length > 1) {
    problems.push(
      problem(node.id, 'a user task can have only one of form key, form id and external form reference'),
    );
  }
  return problems;
}

function callActivityProblems(node: FlowNode): ModelProblem[] {
  if (!node.callActivity || !isEmpty(node.callActivity.processId)) return [];
  return [problem(node.id, 'call activity without the id of the process to call')];
}

function isEmpty(expression: Expression): boolean {
  return !isFeel(expression) && expression.static.trim() === '';
}
