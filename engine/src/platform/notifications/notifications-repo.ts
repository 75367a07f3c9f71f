import type { Knex } from 'knex';
import { dedupKey, type Alert } from './alert-event.js';

/** After a notification is read, the same alert stays quiet this long. */
export const quietPeriodMs = 24 * 3600_000;

export interface NotificationView {
  id: string;
  kind: string;
  severity: string;
  title: Record<string, string>;
  data: Record<string, unknown>;
  entityType: string | null;
  entityId: string | null;
  occurrences: number;
  createdAt: string;
  lastRaisedAt: string;
  readAt: string | null;
}

/** The users an alert goes to: members of its groups, plus the assignee (a username) if asked. */
export async function recipientsOf(db: Knex, alert: Alert, assignee: string | undefined): Promise<string[]> {
  const ids = new Set<string>();
  if (alert.groups.length > 0) {
    const members = await db('group_members as m')
      .join('users as u', 'u.id', 'm.user_id')
      .whereIn('m.group_id', alert.groups)
      .where('u.active', true)
      .pluck('u.id');
    for (const id of members) ids.add(id);
  }
  if (alert.toAssignee && assignee) {
    const user = await db('users').where({ username: assignee, active: true }).first('id');
    if (user) ids.add(user.id);
  }
  return [...ids];
}

/**
 * Raises the alert for each user: an unread notification of the same alert counts one more
 * occurrence instead of adding a row; one read within the quiet period keeps it quiet.
 * Returns how many notifications were created.
 */
export async function raiseNotification(
  db: Knex,
  alert: Alert,
  userIds: string[],
  data: Record<string, unknown>,
  now: Date,
): Promise<number> {
  let created = 0;
  const key = dedupKey(alert);
  const quietSince = new Date(now.getTime() - quietPeriodMs);
  for (const userId of userIds) {
    const { rows } = await db.raw<{ rows: { inserted: boolean }[] }>(
      `with bumped as (
         update notifications set occurrences = occurrences + 1, last_raised_at = :now, data = :data
          where user_id = :userId and dedup_key = :key and read_at is null
          returning id),
       quiet as (
         select 1 from notifications
          where user_id = :userId and dedup_key = :key and read_at >= :quietSince)
       insert into notifications (user_id, kind, severity, title, data, entity_type, entity_id, dedup_key, created_at, last_raised_at)
       select :userId, :kind, :severity, :title, :data, :entityType, :entityId, :key, :now, :now
        where not exists (select 1 from bumped) and not exists (select 1 from quiet)
       on conflict (user_id, dedup_key) where read_at is null do nothing
       returning true as inserted`,
      {
        now,
        data: JSON.stringify(data),
        userId,
        key,
        quietSince,
        kind: alert.alert,
        severity: alert.severity,
        title: JSON.stringify(alert.title),
        entityType: alert.entityType,
        entityId: alert.entityId,
      },
    );
    created += rows.length;
  }
  return created;
}

const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

export async function listNotifications(
  db: Knex,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<{ items: NotificationView[]; unread: number }> {
  const query = db('notifications')
    .where({ user_id: userId })
    .orderBy('last_raised_at', 'desc')
    .limit(options.limit);
  if (options.unreadOnly) query.whereNull('read_at');
  const rows = await query;
  const unread = Number(
    (await db('notifications').where({ user_id: userId }).whereNull('read_at').count({ n: '*' }))[0]!.n,
  );
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      severity: r.severity,
      title: r.title,
      data: r.data,
      entityType: r.entity_type,
      entityId: r.entity_id,
      occurrences: r.occurrences,
      createdAt: iso(r.created_at)!,
      lastRaisedAt: iso(r.last_raised_at)!,
      readAt: iso(r.read_at),
    })),
  };
}

/** Marks the user's notifications read (all, or the given ones); the number marked. */
export async function markRead(db: Knex, userId: string, ids: string[] | 'all', now: Date): Promise<number> {
  const query = db('notifications').where({ user_id: userId }).whereNull('read_at');
  if (ids !== 'all') query.whereIn('id', ids);
  return query.update({ read_at: now });
}
