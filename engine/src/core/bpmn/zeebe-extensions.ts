import { toExpression } from '../feel/expression.js';
import type {
  CallActivityDefinition,
  Expression,
  JobDefinition,
  Mapping,
  MultiInstanceDefinition,
  UserTaskDefinition,
} from './model.js';
import {
  booleanProp,
  elementList,
  expressionBody,
  findExtension,
  stringProp,
  type ModdleElement,
} from './moddle/moddle-element.js';

const EMPTY: Expression = { static: '' };

/** `zeebe:taskDefinition` (type, retries defaulting to 3) and `zeebe:taskHeaders`. */
export function readJob(element: ModdleElement): JobDefinition {
  const definition = findExtension(element, 'zeebe:TaskDefinition');
  const headers: Record<string, string> = {};
  const taskHeaders = findExtension(element, 'zeebe:TaskHeaders');
  for (const header of taskHeaders ? elementList(taskHeaders, 'values') : []) {
    const key = stringProp(header, 'key');
    if (key !== undefined) headers[key] = stringProp(header, 'value') ?? '';
  }
  return {
    type: toExpression(definition && stringProp(definition, 'type')) ?? EMPTY,
    retries: toExpression(definition && stringProp(definition, 'retries')) ?? { static: '3' },
    headers,
  };
}

export function hasTaskDefinition(element: ModdleElement): boolean {
  return findExtension(element, 'zeebe:TaskDefinition') !== undefined;
}

/** `zeebe:ioMapping`: inputs and outputs in document order. */
export function readMappings(element: ModdleElement): { inputs: Mapping[]; outputs: Mapping[] } {
  const ioMapping = findExtension(element, 'zeebe:IoMapping');
  const read = (property: string): Mapping[] =>
    (ioMapping ? elementList(ioMapping, property) : []).map((parameter) => ({
      source: toExpression(stringProp(parameter, 'source')) ?? { static: '' },
      target: stringProp(parameter, 'target') ?? '',
    }));
  return { inputs: read('inputParameters'), outputs: read('outputParameters') };
}

/** `zeebe:script` of a script task evaluated by the engine. */
export function readScript(
  element: ModdleElement,
): { expression: Expression; resultVariable: string } | undefined {
  const script = findExtension(element, 'zeebe:Script');
  if (!script) return undefined;
  return {
    expression: toExpression(stringProp(script, 'expression')) ?? EMPTY,
    resultVariable: stringProp(script, 'resultVariable') ?? '',
  };
}

/** Assignment, schedule, priority and form of a user task. */
export function readUserTask(element: ModdleElement): UserTaskDefinition {
  const assignment = findExtension(element, 'zeebe:AssignmentDefinition');
  const schedule = findExtension(element, 'zeebe:TaskSchedule');
  const priority = findExtension(element, 'zeebe:PriorityDefinition');
  const form = findExtension(element, 'zeebe:FormDefinition');
  const attribute = (extension: ModdleElement | undefined, name: string) =>
    toExpression(extension && stringProp(extension, name));
  return {
    assignee: attribute(assignment, 'assignee'),
    candidateGroups: attribute(assignment, 'candidateGroups'),
    candidateUsers: attribute(assignment, 'candidateUsers'),
    dueDate: attribute(schedule, 'dueDate'),
    followUpDate: attribute(schedule, 'followUpDate'),
    priority: attribute(priority, 'priority'),
    formKey: nonEmpty(form && stringProp(form, 'formKey')),
    formId: nonEmpty(form && stringProp(form, 'formId')),
    externalFormReference: attribute(form, 'externalReference'),
  };
}

/** `zeebe:calledElement`; both propagation flags default to true. */
export function readCalledElement(element: ModdleElement): CallActivityDefinition {
  const called = findExtension(element, 'zeebe:CalledElement');
  const processId = called && (stringProp(called, 'processId') ?? stringProp(called, 'processIdExpression'));
  return {
    processId: toExpression(processId) ?? EMPTY,
    propagateAllChildVariables: (called && booleanProp(called, 'propagateAllChildVariables')) ?? true,
    propagateAllParentVariables: (called && booleanProp(called, 'propagateAllParentVariables')) ?? true,
  };
}

/** The binding of a called element other than "latest", which the engine does not support yet. */
export function calledElementBinding(element: ModdleElement): string | undefined {
  const called = findExtension(element, 'zeebe:CalledElement');
  const binding = called && stringProp(called, 'bindingType');
  return binding && binding !== 'latest' ? binding : undefined;
}

/** `bpmn:multiInstanceLoopCharacteristics` with its `zeebe:loopCharacteristics`. */
export function readMultiInstance(loop: ModdleElement): MultiInstanceDefinition {
  const zeebe = findExtension(loop, 'zeebe:LoopCharacteristics');
  const attribute = (name: string) => (zeebe ? stringProp(zeebe, name) : undefined);
  return {
    sequential: booleanProp(loop, 'isSequential') ?? false,
    inputCollection: toExpression(attribute('inputCollection')) ?? EMPTY,
    inputElement: nonEmpty(attribute('inputElement')),
    outputCollection: nonEmpty(attribute('outputCollection')),
    outputElement: toExpression(attribute('outputElement')),
    completionCondition: toExpression(expressionBody(loop, 'completionCondition')),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
