import { describe, expect, it } from 'vitest';
import { decideTaskAction, type TaskAction, type TaskActor, type TaskParties } from './task-access.js';

const ada: TaskActor = { username: 'ada', groups: ['legal'], mayOverride: false };
const boss: TaskActor = { username: 'boss', groups: [], mayOverride: true };
const machine: TaskActor = { username: null, groups: [], mayOverride: false };

const task = (assignee: string | null, users: string[] = [], groups: string[] = []): TaskParties => ({
  assignee,
  candidateUsers: users,
  candidateGroups: groups,
});

const complete: TaskAction = { kind: 'complete' };
const claim: TaskAction = { kind: 'assign', assignee: 'ada' };
const handOver: TaskAction = { kind: 'assign', assignee: 'eve' };
const release: TaskAction = { kind: 'unassign' };

describe('decideTaskAction', () => {
  it.each([
    ['the assignee completes', ada, task('ada'), complete, 'allowed'],
    [
      'a candidate group member completes an unassigned task',
      ada,
      task(null, [], ['legal']),
      complete,
      'allowed',
    ],
    ['a candidate user claims', ada, task(null, ['ada']), claim, 'allowed'],
    ['anyone who works tasks claims a task without candidates', ada, task(null), claim, 'allowed'],
    ['the assignee releases', ada, task('ada'), release, 'allowed'],
    ['someone else’s task', ada, task('eve', ['ada'], ['legal']), complete, 'denied'],
    ['not a candidate', ada, task(null, ['eve'], ['finance']), complete, 'denied'],
    ['taking over an assigned task', ada, task('eve', ['ada']), claim, 'denied'],
    ['the assignee hands the task to someone else', ada, task('ada'), handOver, 'denied'],
    ['releasing someone else’s task', ada, task('eve'), release, 'denied'],
    ['a machine without an override role', machine, task(null), complete, 'denied'],
    ['a supervisor takes over', boss, task('eve'), complete, 'override'],
    ['a supervisor assigns to someone else', boss, task(null, ['eve']), handOver, 'override'],
  ] as const)('%s: %s', (_what, actor, parties, action, expected) => {
    const decision = decideTaskAction(actor, parties, action);
    const seen = !decision.allowed ? 'denied' : decision.override ? 'override' : 'allowed';
    expect(seen).toBe(expected);
  });

  it('says why it refuses', () => {
    expect(decideTaskAction(ada, task('supervisor'), complete)).toEqual({
      allowed: false,
      reason: "The user task is assigned to 'supervisor'.",
    });
    expect(decideTaskAction(ada, task(null, [], ['finance']), complete)).toEqual({
      allowed: false,
      reason:
        'The user task is unassigned and you are not among its candidates (groups: finance; users: none).',
    });
    expect(decideTaskAction(ada, task('ada'), handOver)).toMatchObject({
      reason: 'Only admins and supervisors may assign a user task to someone else.',
    });
  });
});
