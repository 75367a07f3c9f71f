import type { Request } from 'express';
import type { Permission } from '../auth/roles.js';
import { badRequest, notFound } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import type { DefinitionStore } from './definition-store.js';

export interface DefinitionRouteOptions {
  kind: string;
  basePath: string;
  read: Permission;
  write: Permission;
}

function param(req: Request, name: string): string {
  return String(req.params[name]);
}

function versionParam(req: Request): number {
  const raw = param(req, 'version');
  const version = Number(raw);
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) {
    throw badRequest(`"${raw}" is not a version number.`, [
      { path: 'version', message: 'a positive integer' },
    ]);
  }
  return version;
}

/** The same REST surface for every kind: list, read, draft, discard, publish, read one version. */
export function definitionRoutes(
  router: SecureRouter,
  store: DefinitionStore,
  opts: DefinitionRouteOptions,
): void {
  const { kind, basePath, read, write } = opts;

  router.get(basePath, read, async (_req, res) => {
    res.json({ items: await store.list(kind) });
  });

  router.get(`${basePath}/:id`, read, async (req, res) => {
    const id = param(req, 'id');
    const [draft, published, versions] = await Promise.all([
      store.getDraft(kind, id),
      store.get(kind, id),
      store.versions(kind, id),
    ]);
    if (draft === undefined && !published) throw notFound(`There is no ${kind} "${id}".`);
    res.json({ id, draft: draft ?? null, published: published ?? null, versions });
  });

  router.put(`${basePath}/:id/draft`, write, async (req, res) => {
    const id = param(req, 'id');
    await store.saveDraft(kind, id, req.body);
    res.json({ draft: await store.getDraft(kind, id) });
  });

  router.delete(`${basePath}/:id/draft`, write, async (req, res) => {
    const id = param(req, 'id');
    if (!(await store.discardDraft(kind, id))) throw notFound(`The ${kind} "${id}" has no draft.`);
    res.status(204).end();
  });

  router.post(`${basePath}/:id/publish`, write, async (req, res) => {
    const id = param(req, 'id');
    res.status(201).json(await store.publish(kind, id));
  });

  router.get(`${basePath}/:id/versions/:version`, read, async (req, res) => {
    const id = param(req, 'id');
    const version = versionParam(req);
    const found = await store.get(kind, id, version);
    if (!found) throw notFound(`The ${kind} "${id}" has no version ${version}.`);
    const info = (await store.versions(kind, id)).find((v) => v.version === version);
    res.json({ id, ...found, publishedBy: info?.publishedBy ?? null });
  });
}
