import { z } from 'zod';
import type { Db } from '../../infra/db/create-knex.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';
import type { AuthSettings } from './authenticate.js';
import { ClientAdmin } from './client-admin.js';
import { listClients } from './clients-repo.js';
import { roles } from './roles.js';
import { scopes, scopesOfRoles, type Scope } from './scopes.js';

const unique = <T>(list: T[]) => new Set(list).size === list.length;

const clientIdField = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/,
    '3 to 64 letters, digits and . _ - (starting with a letter or digit)',
  );
const nameField = z.string().trim().min(1).max(200);
const rolesField = z.array(z.enum(roles)).min(1).max(roles.length).refine(unique, 'each role once');
const scopesField = z
  .array(z.enum(scopes as [Scope, ...Scope[]]))
  .min(1, 'at least one scope; leave the field out for no scope limit')
  .max(scopes.length)
  .refine(unique, 'each scope once');

const newClientBody = z
  .object({
    clientId: clientIdField.optional(),
    name: nameField,
    roles: rolesField.default(['integration']),
    scopes: scopesField.optional(),
  })
  .strict();

const changeBody = z
  .object({
    name: nameField.optional(),
    roles: rolesField.optional(),
    scopes: scopesField.nullable().optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.roles !== undefined || b.scopes !== undefined, {
    message: 'give at least one of name, roles, scopes',
  });

const rotateBody = (maxGraceSeconds: number) =>
  z
    .object({
      graceSeconds: z
        .number()
        .int()
        .min(0)
        .max(maxGraceSeconds, `at most ${maxGraceSeconds} (TRAMIT_CLIENT_SECRET_MAX_GRACE_SECONDS)`)
        .default(0),
    })
    .strict();

const idParam = (value: unknown) => parseInput(clientIdField, value, 'client id');

/** OAuth clients, for admins: the secret is answered once, at creation and at each rotation. */
export function oauthClientRoutes(r: SecureRouter, deps: { db: Db; auth: AuthSettings }): void {
  const admin = new ClientAdmin(deps.db, deps.auth.clients.status);

  r.get('/api/v1/oauth-clients', 'clients.read', async (_req, res) => {
    // The scopes each role can use, so a form can offer only those.
    const usableScopes = Object.fromEntries(roles.map((role) => [role, scopesOfRoles([role])]));
    res.json({ items: await listClients(deps.db), scopes, usableScopes });
  });

  r.post('/api/v1/oauth-clients', 'clients.write', async (req, res) => {
    const client = await admin.create(parseInput(newClientBody, req.body));
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).location(`/api/v1/oauth-clients/${client.clientId}`).json(client);
  });

  r.patch('/api/v1/oauth-clients/:id', 'clients.write', async (req, res) => {
    const id = idParam(req.params.id);
    res.json(await admin.update(id, parseInput(changeBody, req.body)));
  });

  r.post('/api/v1/oauth-clients/:id/rotate-secret', 'clients.write', async (req, res) => {
    const id = idParam(req.params.id);
    const { graceSeconds } = parseInput(rotateBody(deps.auth.clients.maxGraceSeconds), req.body ?? {});
    res.setHeader('Cache-Control', 'no-store');
    res.json(await admin.rotateSecret(id, graceSeconds));
  });

  r.delete('/api/v1/oauth-clients/:id', 'clients.write', async (req, res) => {
    await admin.revoke(idParam(req.params.id));
    res.status(204).end();
  });
}
