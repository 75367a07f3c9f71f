import type { ElementType } from './model.js';

/** moddle types the engine executes, by the element type it becomes (sub-processes decided apart). */
export const EXECUTABLE_TYPES: Readonly<Record<string, ElementType>> = {
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

/** Flow elements without execution semantics: read past silently. */
export const IGNORED_FLOW_ELEMENTS: ReadonlySet<string> = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

export const TASK_TYPES: ReadonlySet<ElementType> = new Set([
  'SERVICE_TASK',
  'SEND_TASK',
  'SCRIPT_TASK',
  'BUSINESS_RULE_TASK',
  'RECEIVE_TASK',
  'MANUAL_TASK',
  'TASK',
  'USER_TASK',
]);

/** What boundary events may sit on and what may be multi-instance. */
export const ACTIVITY_TYPES: ReadonlySet<ElementType> = new Set([
  ...TASK_TYPES,
  'SUB_PROCESS',
  'CALL_ACTIVITY',
]);

export const GATEWAY_TYPES: ReadonlySet<ElementType> = new Set([
  'EXCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'EVENT_BASED_GATEWAY',
]);

/** `bpmn:ComplexGateway` → "complex gateway". */
export function describeModdleType(type: string): string {
  return readable(type.replace(/^[\w.-]+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/** `SERVICE_TASK` → "service task". */
export function describeElementType(type: ElementType): string {
  return readable(type.replaceAll('_', ' '));
}

/** "an event sub-process", "a task". */
export function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

function readable(words: string): string {
  return words.toLowerCase().replace('sub process', 'sub-process');
}
