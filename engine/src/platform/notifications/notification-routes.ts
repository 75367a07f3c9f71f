import type { Knex } from 'knex';
import { z } from 'zod';
import { unauthorized } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';
import { listNotifications, markRead } from './notifications-repo.js';

const listQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

const readBody = z.object({ ids: z.array(z.uuid()).min(1).max(500) }).strict();

function userIdOf(req: { principal?: { kind: string; id: string } }): string {
  if (req.principal?.kind !== 'user') throw unauthorized('Notifications belong to signed-in users.');
  return req.principal.id;
}

/** The signed-in user's internal notifications: list, mark some or all read. */
export function notificationRoutes(router: SecureRouter, deps: { db: Knex }): void {
  router.get('/api/v1/notifications', 'notifications.read', async (req, res) => {
    const query = parseInput(listQuery, req.query, 'query');
    res.json(
      await listNotifications(deps.db, userIdOf(req), {
        unreadOnly: query.unread === 'true',
        limit: query.limit ?? 50,
      }),
    );
  });

  router.post('/api/v1/notifications/read', 'notifications.read', async (req, res) => {
    const { ids } = parseInput(readBody, req.body);
    res.json({ marked: await markRead(deps.db, userIdOf(req), ids, new Date()) });
  });

  router.post('/api/v1/notifications/read-all', 'notifications.read', async (req, res) => {
    res.json({ marked: await markRead(deps.db, userIdOf(req), 'all', new Date()) });
  });
}
