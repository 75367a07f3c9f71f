import type { SecureRouter } from '../../http/secure-router.js';
import type { EntityTypeRegistry } from './entity-type-registry.js';
import { notFound, AppError } from '../../infra/errors/app-error.js';

function publishOptions(body: unknown): { dryRun: boolean; force: boolean } {
  const value = (body ?? {}) as Record<string, unknown>;
  const errors = (['dryRun', 'force'] as const)
    .filter((key) => value[key] !== undefined && typeof value[key] !== 'boolean')
    .map((key) => ({ path: `/${key}`, message: 'must be true or false' }));
  const unknown = Object.keys(value).filter((key) => key !== 'dryRun' && key !== 'force');
  errors.push(...unknown.map((key) => ({ path: `/${key}`, message: 'is not an option' })));
  if (typeof body !== 'object' || Array.isArray(body))
    errors.push({ path: '/', message: 'must be an object' });
  if (errors.length > 0)
    throw new AppError('bad-input', 'bad-request', 'The publish options are invalid.', { errors });
  return { dryRun: value.dryRun === true, force: value.force === true };
}

/** Entity types: list, read, draft, discard the draft, publish (dry run, force). */
export function entityTypeRoutes(router: SecureRouter, types: EntityTypeRegistry): void {
  router.get('/api/v1/entity-types', 'entitytypes.read', async (_req, res) => {
    const rows = await types.list();
    res.json({
      items: rows.map((row) => {
        const schema = row.schema ?? row.draft;
        return {
          name: row.name,
          label: schema?.['x-label'] ?? null,
          version: row.version,
          hasDraft: row.draft !== null,
          schema,
        };
      }),
    });
  });

  router.get('/api/v1/entity-types/:name', 'entitytypes.read', async (req, res) => {
    res.json(await types.describe(String(req.params.name)));
  });

  router.put('/api/v1/entity-types/:name/draft', 'entitytypes.write', async (req, res) => {
    const name = String(req.params.name);
    await types.saveDraft(name, req.body);
    res.json({ draft: (await types.describe(name)).draft });
  });

  router.delete('/api/v1/entity-types/:name/draft', 'entitytypes.write', async (req, res) => {
    if (!(await types.discardDraft(String(req.params.name))))
      throw notFound('This entity type has no draft.');
    res.status(204).end();
  });

  router.post('/api/v1/entity-types/:name/publish', 'entitytypes.write', async (req, res) => {
    res.json(await types.publish(String(req.params.name), publishOptions(req.body ?? {})));
  });
}
