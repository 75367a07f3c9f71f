import type { Principal } from './principal.js';
import type { Role } from './roles.js';

/** Roles that may act on any user task, whoever it is assigned to: every such act is audited. */
export const taskOverrideRoles: readonly Role[] = ['admin', 'supervisor'];

/** Who a user task belongs to. */
export interface TaskParties {
  assignee: string | null;
  candidateUsers: readonly string[];
  candidateGroups: readonly string[];
}

/** The caller as task rules see it: a person's username and groups; machines have neither. */
export interface TaskActor {
  username: string | null;
  groups: readonly string[];
  mayOverride: boolean;
}

export type TaskAction =
  { kind: 'complete' } | { kind: 'assign'; assignee: string } | { kind: 'unassign' } | { kind: 'update' };

export type TaskDecision = { allowed: true; override: boolean } | { allowed: false; reason: string };

export function taskActorOf(principal: Principal, groups: readonly string[]): TaskActor {
  return {
    username: principal.kind === 'user' ? principal.name : null,
    groups: principal.kind === 'user' ? groups : [],
    mayOverride: principal.roles.some((role) => taskOverrideRoles.includes(role)),
  };
}

/** A task with neither candidate users nor groups is open to anyone who works tasks. */
export function isCandidate(actor: TaskActor, task: TaskParties): boolean {
  if (actor.username === null) return false;
  if (task.candidateUsers.length === 0 && task.candidateGroups.length === 0) return true;
  return (
    task.candidateUsers.includes(actor.username) || task.candidateGroups.some((g) => actor.groups.includes(g))
  );
}

function whyNot(actor: TaskActor, task: TaskParties, action: TaskAction): string {
  if (actor.username === null) {
    return 'A machine client is never a task assignee or candidate; only clients with the admin or supervisor role may act on user tasks.';
  }
  if (action.kind === 'assign' && action.assignee !== actor.username) {
    return 'Only admins and supervisors may assign a user task to someone else.';
  }
  if (task.assignee !== null) return `The user task is assigned to '${task.assignee}'.`;
  const groups = task.candidateGroups.length > 0 ? task.candidateGroups.join(', ') : 'none';
  const users = task.candidateUsers.length > 0 ? task.candidateUsers.join(', ') : 'none';
  return `The user task is unassigned and you are not among its candidates (groups: ${groups}; users: ${users}).`;
}

/**
 * May the actor do this to the task? Its assignee may complete, update, release it; an unassigned
 * task may be claimed or completed by a candidate; anything else only by an override role.
 */
export function decideTaskAction(actor: TaskActor, task: TaskParties, action: TaskAction): TaskDecision {
  const own = actor.username !== null && task.assignee === actor.username;
  const claimable = task.assignee === null && isCandidate(actor, task);
  const selfService =
    action.kind === 'assign' ? action.assignee === actor.username && (own || claimable) : own || claimable;
  if (selfService) return { allowed: true, override: false };
  if (actor.mayOverride) return { allowed: true, override: true };
  return { allowed: false, reason: whyNot(actor, task, action) };
}
