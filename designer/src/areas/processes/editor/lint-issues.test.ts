import { describe, expect, it } from 'vitest';
import { flattenIssues } from './lint-issues';

describe('flattenIssues', () => {
  it('lists errors before warnings, then by element, with the rule that found each', () => {
    const issues = flattenIssues({
      Task_2: [{ id: 'Task_2', message: 'Incoming flows do not join', category: 'warn', rule: 'fake-join' }],
      Gateway_1: [
        {
          id: 'Gateway_1',
          message: 'complex gateway is not supported by Tramit',
          category: 'error',
          rule: 'tramit/supported-elements',
        },
      ],
      Process_1: [
        {
          id: 'Process_1',
          message: 'Process is missing end event',
          category: 'error',
          rule: 'end-event-required',
        },
      ],
    });
    expect(issues.map((i) => [i.category, i.elementId, i.rule])).toEqual([
      ['error', 'Gateway_1', 'tramit/supported-elements'],
      ['error', 'Process_1', 'end-event-required'],
      ['warn', 'Task_2', 'fake-join'],
    ]);
  });
});
