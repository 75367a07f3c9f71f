import supported from '../../../../schemas/bpmn/supported-elements.json' with { type: 'json' };
import type { ElementType } from './model.js';

// The lists are schemas/bpmn/supported-elements.json, which the designer's lint rule reads too.

/** moddle types the engine executes, by the element type it becomes (sub-processes decided apart). */
// JSON gives strings; supported-elements.test.ts checks each is an ElementType.
export const EXECUTABLE_TYPES = supported.executable as Readonly<Record<string, ElementType>>;

/** Flow elements without execution semantics: read past silently. */
export const IGNORED_FLOW_ELEMENTS: ReadonlySet<string> = new Set(supported.ignored);

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
