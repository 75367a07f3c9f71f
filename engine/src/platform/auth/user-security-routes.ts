import type { Request } from 'express';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import { unlockUsername } from './login-attempts-repo.js';
import { deleteMfa, findMfa } from './mfa-repo.js';
import { mfaAudit } from './second-factor.js';
import { findUserById } from './users-repo.js';
import type { Db } from '../../infra/db/create-knex.js';
import { badRequest, notFound } from '../../http/problem.js';
import type { SecureRouter } from '../../http/secure-router.js';

const userId = z.uuid();

/** Administrators lift sign-in locks and reset a lost second factor; both audited. */
export function userSecurityRoutes(r: SecureRouter, deps: { db: Db }): void {
  const { db } = deps;
  const target = async (id: unknown) => {
    const parsed = userId.safeParse(id);
    if (!parsed.success)
      throw badRequest('The user id must be a UUID.', [{ path: 'id', message: 'not a UUID' }]);
    const user = await findUserById(db, parsed.data);
    if (!user) throw notFound(`There is no user ${parsed.data}.`);
    return user;
  };
  const actorOf = (req: Request) => ({ kind: req.principal!.kind, id: req.principal!.id });

  r.post('/api/v1/users/:id/unlock', 'users.write', async (req, res) => {
    const user = await target(req.params.id);
    const addresses = await db.transaction(async (trx) => {
      const count = await unlockUsername(trx, user.username);
      await trx('users').where({ id: user.id }).update({ failed_logins: 0, locked_until: null });
      await appendAudit(trx, [
        {
          ...mfaAudit('unlock', user, actorOf(req)),
          changes: [{ path: '/lockedAddresses', old: count, new: 0 }],
        },
      ]);
      return count;
    });
    res.json({ unlockedAddresses: addresses });
  });

  r.post('/api/v1/users/:id/mfa/reset', 'users.write', async (req, res) => {
    const user = await target(req.params.id);
    const had = Boolean(await findMfa(db, user.id));
    await db.transaction(async (trx) => {
      await deleteMfa(trx, user.id);
      await appendAudit(trx, [mfaAudit('mfa.reset', user, actorOf(req))]);
    });
    res.json({ reset: had });
  });
}
