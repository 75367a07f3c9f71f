import { describe, expect, it } from 'vitest';
import { clockActions } from './record-transition.js';

const pause = ['pending_information'];
const open = { status: 'open', priority: 'normal' };

describe('what a record change does to its clocks', () => {
  it.each([
    ['a new open case starts them', 'case', 'create', null, open, [{ kind: 'start' }]],
    [
      'a new case already waiting starts them paused',
      'case',
      'create',
      null,
      { ...open, status: 'pending_information' },
      [{ kind: 'start' }, { kind: 'pause' }],
    ],
    ['a new resolved case starts nothing', 'case', 'create', null, { ...open, status: 'resolved' }, []],
    [
      'waiting for the citizen pauses',
      'case',
      'update',
      open,
      { ...open, status: 'pending_information' },
      [{ kind: 'pause' }],
    ],
    [
      'the citizen answering resumes',
      'case',
      'update',
      { ...open, status: 'pending_information' },
      { ...open, status: 'in_progress' },
      [{ kind: 'resume' }],
    ],
    ['open to in progress changes nothing', 'case', 'update', open, { ...open, status: 'in_progress' }, []],
    [
      'resolved stops every metric',
      'case',
      'update',
      open,
      { ...open, status: 'resolved' },
      [{ kind: 'stop', metrics: 'all' }],
    ],
    [
      'a first response stops first_response',
      'case',
      'update',
      open,
      { ...open, firstResponseAt: '2030-01-07T10:00:00Z' },
      [{ kind: 'stop', metrics: ['first_response'] }],
    ],
    [
      'a priority change re-targets',
      'case',
      'update',
      open,
      { ...open, priority: 'urgent' },
      [{ kind: 'retarget', priority: 'urgent', reason: 'priority' }],
    ],
    ['a deleted record cancels', 'case', 'delete', open, null, [{ kind: 'cancel' }]],
    [
      'a cancelled work order cancels',
      'work_order',
      'update',
      { status: 'started' },
      { status: 'cancelled' },
      [{ kind: 'cancel' }],
    ],
    [
      'a finished work order stops',
      'work_order',
      'update',
      { status: 'started' },
      { status: 'finished' },
      [{ kind: 'stop', metrics: 'all' }],
    ],
  ] as const)('%s', (_name, type, action, before, after, expected) => {
    expect(clockActions(type, action, before, after, pause)).toEqual(expected);
  });
});
