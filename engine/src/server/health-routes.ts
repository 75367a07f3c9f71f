import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../infra/db/create-knex.js';
import { pendingMigrations } from '../infra/db/migrations.js';
import type { Metrics } from '../http/metrics.js';
import { Problem, unauthorized, unavailable } from '../http/problem.js';
import type { SecureRouter } from '../http/secure-router.js';

export interface HealthDeps {
  db: Db;
  metrics: Metrics;
  metricsToken: string | undefined;
  isShuttingDown: () => boolean;
}

export function healthRoutes(r: SecureRouter, deps: HealthDeps): void {
  r.get('/health', 'public', (_req, res) => {
    res.json({ status: 'ok' });
  });

  r.get('/ready', 'public', async (_req, res) => {
    if (deps.isShuttingDown()) throw unavailable('The server is shutting down.');
    try {
      await deps.db.raw('select 1');
    } catch (error) {
      throw new Problem(
        503,
        'database-unreachable',
        `The database is unreachable: ${(error as Error).message}`,
      );
    }
    const pending = await pendingMigrations(deps.db);
    if (pending.length > 0) {
      throw new Problem(503, 'migrations-pending', `Migrations not yet applied: ${pending.join(', ')}.`, {
        extensions: { pending },
      });
    }
    res.json({ status: 'ready', checks: { database: 'ok', migrations: 'current' } });
  });

  r.get('/metrics', 'public', async (req, res) => {
    if (deps.metricsToken) {
      const sent = Buffer.from(req.get('authorization') ?? '');
      const expected = Buffer.from(`Bearer ${deps.metricsToken}`);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        throw unauthorized('A valid metrics token is required.');
      }
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
