import { describe, expect, it } from 'vitest';
import { casePatchOf } from './case-update-worker.js';

const now = new Date('2026-12-01T10:00:00.000Z');

describe('the patch a case-update task applies', () => {
  const cases: [string, Record<string, unknown>, Record<string, string>, Record<string, unknown>][] = [
    ['status only', {}, { status: 'in_progress' }, { status: 'in_progress' }],
    [
      'resolved is stamped',
      {},
      { status: 'resolved' },
      { status: 'resolved', resolvedAt: now.toISOString() },
    ],
    ['closed is stamped', {}, { status: 'closed' }, { status: 'closed', closedAt: now.toISOString() }],
    [
      'casePatch merged, nulls dropped',
      { casePatch: { priority: 'urgent', zone: null } },
      { status: 'open' },
      { priority: 'urgent', status: 'open' },
    ],
    [
      'the header wins over casePatch',
      { casePatch: { status: 'closed' } },
      { status: 'in_progress' },
      { status: 'in_progress' },
    ],
    ['a casePatch that is not an object is ignored', { casePatch: ['x'] }, {}, {}],
    ['nothing to do', {}, {}, {}],
  ];
  it.each(cases)('%s', (_what, variables, headers, expected) => {
    expect(casePatchOf(variables, headers, now)).toEqual(expected);
  });
});
