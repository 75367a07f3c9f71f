import type { Knex } from 'knex';
import { appendAudit } from '../audit/append-audit.js';
import { notFound, AppError } from '../../infra/errors/app-error.js';
import type { Strategy } from './pick-agent.js';

export interface GroupUpdate {
  strategy?: Strategy;
  autoAssign?: boolean;
  members: string[];
}

export interface AbsenceInput {
  username: string;
  startsAt: Date;
  endsAt?: Date;
  reason?: string;
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export async function listGroups(db: Knex, now: Date) {
  const settings = await db('assignment_groups').select('group_id', 'strategy', 'auto_assign');
  const members = await db('group_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .orderBy(['m.group_id', 'u.username'])
    .select(
      'm.group_id',
      'u.username',
      'u.display_name',
      'u.active',
      db.raw(
        `exists (select 1 from agent_absences a where a.user_id = u.id and a.starts_at <= ?
          and (a.ends_at is null or a.ends_at > ?)) as absent`,
        [now, now],
      ),
    );
  const ids = [...new Set([...settings.map((s) => s.group_id), ...members.map((m) => m.group_id)])].sort();
  return ids.map((id) => {
    const setting = settings.find((s) => s.group_id === id);
    return {
      id,
      strategy: setting?.strategy ?? 'least-loaded',
      autoAssign: setting?.auto_assign ?? false,
      members: members
        .filter((m) => m.group_id === id)
        .map((m) => ({
          username: m.username,
          displayName: m.display_name,
          active: m.active,
          absent: m.absent,
        })),
    };
  });
}

/** Replaces a group's members (and settings); unknown usernames are a 422 naming each. */
export async function updateGroup(db: Knex, groupId: string, update: GroupUpdate): Promise<void> {
  await db.transaction(async (trx) => {
    const users = await trx('users').whereIn('username', update.members).select('id', 'username');
    const unknown = update.members
      .map((username, i) => ({ username, i }))
      .filter(({ username }) => !users.some((u) => u.username === username));
    if (unknown.length > 0) {
      throw new AppError('invalid', 'unknown-users', 'Some members are not users.', {
        errors: unknown.map(({ username, i }) => ({
          path: `/members/${i}`,
          message: `no user "${username}"`,
        })),
      });
    }
    const before = (await trx('group_members as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where({ 'm.group_id': groupId })
      .orderBy('u.username')
      .pluck('u.username')) as string[];
    const old = await trx('assignment_groups').where({ group_id: groupId }).first();
    const strategy = update.strategy ?? old?.strategy ?? 'least-loaded';
    const autoAssign = update.autoAssign ?? old?.auto_assign ?? true;
    await trx('assignment_groups')
      .insert({ group_id: groupId, strategy, auto_assign: autoAssign, updated_at: new Date() })
      .onConflict('group_id')
      .merge();
    await trx('group_members').where({ group_id: groupId }).delete();
    if (users.length > 0) {
      await trx('group_members').insert(users.map((u) => ({ group_id: groupId, user_id: u.id })));
    }
    const after = users.map((u) => u.username as string).sort();
    await appendAudit(trx, [
      {
        action: old ? 'update' : 'create',
        entityType: 'assignment-group',
        entityId: groupId,
        changes: [
          { path: '/members', old: before, new: after },
          { path: '/strategy', ...(old ? { old: old.strategy } : {}), new: strategy },
          { path: '/autoAssign', ...(old ? { old: old.auto_assign } : {}), new: autoAssign },
        ],
      },
    ]);
  });
}

export async function listAbsences(db: Knex, username?: string) {
  const query = db('agent_absences as a')
    .join('users as u', 'u.id', 'a.user_id')
    .orderBy('a.starts_at')
    .select('a.id', 'u.username', 'a.starts_at', 'a.ends_at', 'a.reason');
  if (username) query.where('u.username', username);
  return (await query).map((r) => ({
    id: r.id,
    username: r.username,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    reason: r.reason ?? null,
  }));
}

export async function addAbsence(db: Knex, input: AbsenceInput): Promise<string> {
  return db.transaction(async (trx) => {
    const user = await trx('users').where({ username: input.username }).first('id');
    if (!user) {
      throw new AppError('invalid', 'unknown-user', `There is no user "${input.username}".`, {
        errors: [{ path: '/username', message: `no user "${input.username}"` }],
      });
    }
    const [row] = await trx('agent_absences')
      .insert({
        user_id: user.id,
        starts_at: input.startsAt,
        ends_at: input.endsAt ?? null,
        reason: input.reason ?? null,
      })
      .returning('id');
    await appendAudit(trx, [
      {
        action: 'create',
        entityType: 'agent-absence',
        entityId: row.id,
        changes: [
          { path: '/username', new: input.username },
          { path: '/startsAt', new: input.startsAt.toISOString() },
          { path: '/endsAt', new: input.endsAt?.toISOString() ?? null },
        ],
      },
    ]);
    return row.id as string;
  });
}

export async function removeAbsence(db: Knex, id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const deleted = await trx('agent_absences')
      .where({ id })
      .delete()
      .returning(['id', 'starts_at', 'ends_at']);
    if (deleted.length === 0) throw notFound(`There is no absence ${id}.`);
    await appendAudit(trx, [
      {
        action: 'delete',
        entityType: 'agent-absence',
        entityId: id,
        changes: [{ path: '/startsAt', old: iso(deleted[0].starts_at) }],
      },
    ]);
  });
}
