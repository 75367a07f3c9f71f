import { describe, expect, it } from 'vitest';
import { describeElementType, describeModdleType, withArticle } from './element-types.js';

describe('readable element names', () => {
  it.each([
    ['bpmn:ComplexGateway', 'complex gateway'],
    ['bpmn:AdHocSubProcess', 'ad hoc sub-process'],
    ['bpmn:SignalEventDefinition', 'signal event definition'],
  ])('describes the moddle type %s as "%s"', (type, words) => {
    expect(describeModdleType(type)).toBe(words);
  });

  it.each([
    ['SERVICE_TASK', 'service task'],
    ['EVENT_SUB_PROCESS', 'event sub-process'],
  ] as const)('describes %s as "%s"', (type, words) => {
    expect(describeElementType(type)).toBe(words);
  });

  it.each([
    ['event sub-process', 'an event sub-process'],
    ['task', 'a task'],
    ['intermediate catch event', 'an intermediate catch event'],
  ])('puts an article before "%s"', (words, expected) => {
    expect(withArticle(words)).toBe(expected);
  });
});
