import type { Knex } from 'knex';
import { appendAudit } from '../platform/audit/append-audit.js';
import type { Principal } from '../platform/auth/principal.js';
import {
  decideTaskAction,
  taskActorOf,
  type TaskAction,
  type TaskParties,
} from '../platform/auth/task-access.js';
import { rejection } from './problems.js';
import { fromJsonText, keyOf } from './row-values.js';

export interface TaskForAccess extends TaskParties {
  key: string;
  state: string;
  processInstanceKey: string;
  elementInstanceKey: string;
}

export async function loadTaskForAccess(db: Knex, key: string): Promise<TaskForAccess> {
  const row = (await db('user_tasks')
    .where({ key })
    .first(
      'state',
      'assignee',
      'process_instance_key',
      'element_instance_key',
      db.raw('candidate_users::text as candidate_users_json'),
      db.raw('candidate_groups::text as candidate_groups_json'),
    )) as Record<string, unknown> | undefined;
  if (!row) throw rejection('NOT_FOUND', `User task with key '${key}' not found`);
  return {
    key,
    state: row.state as string,
    assignee: (row.assignee as string | null) ?? null,
    candidateUsers: fromJsonText<string[] | null>(row.candidate_users_json) ?? [],
    candidateGroups: fromJsonText<string[] | null>(row.candidate_groups_json) ?? [],
    processInstanceKey: keyOf(row.process_instance_key),
    elementInstanceKey: keyOf(row.element_instance_key),
  };
}

/** The assignment groups (`group_members`) a signed-in person belongs to; machines have none. */
export async function groupsOf(db: Knex, principal: Principal): Promise<string[]> {
  if (principal.kind !== 'user') return [];
  const rows = (await db('group_members').where({ user_id: principal.id }).select('group_id')) as {
    group_id: string;
  }[];
  return rows.map((row) => row.group_id);
}

export interface TaskAccess {
  task: TaskForAccess;
  /** Allowed only because the caller's role overrides assignment: audit it. */
  override: boolean;
}

/** The task, if the caller may do this to it; a 403 saying why otherwise (404 if there is none). */
export async function authorizeTaskAction(
  db: Knex,
  principal: Principal,
  key: string,
  action: TaskAction,
): Promise<TaskAccess> {
  const task = await loadTaskForAccess(db, key);
  const decision = decideTaskAction(taskActorOf(principal, await groupsOf(db, principal)), task, action);
  if (!decision.allowed) {
    throw rejection('FORBIDDEN', `You may not ${verbOf(action)} user task '${key}': ${decision.reason}`);
  }
  return { task, override: decision.override };
}

function verbOf(action: TaskAction): string {
  if (action.kind === 'assign') return `assign to '${action.assignee}'`;
  return action.kind;
}

/** The audit entry of an act on a task allowed by an override role: who, which task, whose it was. */
export async function auditTaskOverride(
  db: Knex | Knex.Transaction,
  principal: Principal,
  task: TaskForAccess,
  action: TaskAction,
  previousAssignee: string | null,
): Promise<void> {
  const after =
    action.kind === 'assign' ? action.assignee : action.kind === 'unassign' ? null : previousAssignee;
  const changes = [
    { path: '/assignee', old: previousAssignee, new: after },
    ...(action.kind === 'complete' ? [{ path: '/state', old: 'CREATED', new: 'COMPLETED' }] : []),
  ];
  await appendAudit(db, [
    {
      action: `user-task.${action.kind}.override`,
      entityType: 'user-task',
      entityId: task.key,
      actor: { kind: principal.kind, id: principal.id },
      changes: [...changes, { path: '/processInstanceKey', new: task.processInstanceKey }],
    },
  ]);
}
