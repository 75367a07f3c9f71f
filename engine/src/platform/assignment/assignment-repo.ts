import type { Knex } from 'knex';
import { openTaskCounts } from '../../process-engine/user-task-reads.js';
import type { Candidate, Strategy } from './pick-agent.js';

export interface GroupSettings {
  groupId: string;
  strategy: Strategy;
  autoAssign: boolean;
}

/** Active members of a group, each with open user tasks and whether absent at `now`. */
export async function loadCandidates(db: Knex, groupId: string, now: Date): Promise<Candidate[]> {
  const rows = await db('group_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.group_id': groupId, 'u.active': true })
    .select(
      'u.id',
      'u.username',
      db.raw(
        `exists (select 1 from agent_absences a where a.user_id = u.id and a.starts_at <= ?
          and (a.ends_at is null or a.ends_at > ?)) as absent`,
        [now, now],
      ),
    );
  const open = await openTaskCounts(
    db,
    rows.map((r) => r.username as string),
  );
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    openTasks: open.get(r.username) ?? 0,
    absent: r.absent,
  }));
}

export async function groupSettings(db: Knex, groupId: string): Promise<GroupSettings | undefined> {
  const row = await db('assignment_groups').where({ group_id: groupId }).first();
  return row ? { groupId, strategy: row.strategy, autoAssign: row.auto_assign } : undefined;
}

/** Locks the group's round-robin cursor for the transaction and returns the last user picked. */
export async function lockCursor(trx: Knex.Transaction, groupId: string): Promise<string | null> {
  await trx('assignment_cursors').insert({ group_id: groupId }).onConflict('group_id').ignore();
  const row = await trx('assignment_cursors').where({ group_id: groupId }).forUpdate().first('last_user_id');
  return row?.last_user_id ?? null;
}

export async function moveCursor(
  trx: Knex.Transaction,
  groupId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await trx('assignment_cursors')
    .where({ group_id: groupId })
    .update({ last_user_id: userId, updated_at: now });
}
