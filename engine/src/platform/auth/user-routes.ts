import { z } from 'zod';
import { roles } from './roles.js';
import { createUser, findUserByUsername, listUsers } from './users-repo.js';
import type { Db } from '../../infra/db/create-knex.js';
import { conflict } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';

const newUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(2)
      .max(64)
      .regex(/^[a-zA-Z0-9._@-]+$/, 'letters, digits and . _ @ - only'),
    displayName: z.string().trim().min(1).max(200),
    email: z.email().optional(),
    password: z.string().min(12, 'at least 12 characters').max(1024),
    roles: z.array(z.enum(roles)).min(1),
    locale: z.enum(['ca', 'es', 'en']).optional(),
  })
  .strict();

export function userRoutes(r: SecureRouter, deps: { db: Db }): void {
  r.get('/api/v1/users', 'users.read', async (_req, res) => {
    res.json({ items: await listUsers(deps.db) });
  });

  r.post('/api/v1/users', 'users.write', async (req, res) => {
    const input = parseInput(newUserBody, req.body);
    if (await findUserByUsername(deps.db, input.username)) {
      throw conflict(`A user named "${input.username}" already exists.`);
    }
    const user = await createUser(deps.db, input);
    res.status(201).location(`/api/v1/users/${user.id}`).json(user);
  });
}
