import type { Knex } from 'knex';

/**
 * Reads of user tasks for the platform modules (assignment, rule facts): the process engine owns
 * the table, these are its queries.
 */

/** A user task's state, or undefined when there is none with that key. */
export async function userTaskState(db: Knex, key: string): Promise<string | undefined> {
  const row = (await db('user_tasks').where({ key }).first('state')) as { state: string } | undefined;
  return row?.state;
}

/** How many open (CREATED) user tasks each username is assigned; absent usernames have none. */
export async function openTaskCounts(db: Knex, assignees: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (assignees.length === 0) return counts;
  const rows = (await db('user_tasks')
    .where({ state: 'CREATED' })
    .whereIn('assignee', [...assignees])
    .groupBy('assignee')
    .select('assignee', db.raw('count(*)::int as n'))) as { assignee: string; n: number }[];
  for (const row of rows) counts.set(row.assignee, Number(row.n));
  return counts;
}

/** Open, unassigned user tasks offered to any of the groups, by key after `afterKey`. */
export async function unassignedTasks(
  db: Knex,
  groups: readonly string[],
  afterKey: string,
  limit: number,
): Promise<{ key: string; candidateGroups: string[] }[]> {
  const rows = (await db('user_tasks')
    .where({ state: 'CREATED' })
    .whereNull('assignee')
    .whereRaw('candidate_groups \\?| ?', [[...groups]])
    .where('key', '>', afterKey)
    .orderBy('key')
    .limit(limit)
    .select('key', 'candidate_groups')) as { key: unknown; candidate_groups: string[] }[];
  return rows.map((r) => ({ key: String(r.key), candidateGroups: r.candidate_groups }));
}
