import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../infra/db/create-knex.js';
import { pendingMigrations } from '../infra/db/migrations.js';
import type { Logger } from '../infra/logging/logger.js';
import type { Metrics } from '../http/metrics.js';
import { AppError, unauthorized, unavailable } from '../infra/errors/app-error.js';
import type { SecureRouter } from '../http/secure-router.js';
import { authenticate, type AuthSettings } from '../platform/auth/authenticate.js';

export interface HealthDeps {
  db: Db;
  metrics: Metrics;
  /** Required in production (the configuration refuses to start without it); elsewhere optional. */
  metricsToken: string | undefined;
  isShuttingDown: () => boolean;
  /** To tell admins, who may see why the server is not ready. */
  auth?: AuthSettings;
  logger?: Logger;
}

function hasMetricsToken(req: Request, token: string | undefined): boolean {
  if (!token) return false;
  const sent = Buffer.from(req.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** The metrics token, or an admin's session or token: they may read why the server is not ready. */
async function mayReadDetails(req: Request, deps: HealthDeps): Promise<boolean> {
  if (hasMetricsToken(req, deps.metricsToken)) return true;
  if (!deps.auth) return false;
  try {
    return (await authenticate(deps.auth, req))?.roles.includes('admin') ?? false;
  } catch {
    return false; // a bad or unverifiable credential (the database may be the thing down) reads nothing
  }
}

/** Why the server is not ready, or undefined when it is. */
async function notReady(deps: HealthDeps): Promise<AppError | undefined> {
  if (deps.isShuttingDown()) return unavailable('The server is shutting down.');
  try {
    await deps.db.raw('select 1');
  } catch (error) {
    return new AppError(
      'unavailable',
      'database-unreachable',
      `The database is unreachable: ${(error as Error).message}`,
    );
  }
  const pending = await pendingMigrations(deps.db);
  if (pending.length > 0) {
    return new AppError(
      'unavailable',
      'migrations-pending',
      `Migrations not yet applied: ${pending.join(', ')}.`,
      {
        extensions: { pending },
      },
    );
  }
  return undefined;
}

export function healthRoutes(r: SecureRouter, deps: HealthDeps): void {
  r.get('/health', 'public', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The public learns ready or not ready; why (database error text, pending migrations) goes to the
  // log, and to the metrics token's holder and admins.
  r.get('/ready', 'public', async (req, res) => {
    const problem = await notReady(deps);
    const details = await mayReadDetails(req, deps);
    if (problem) {
      deps.logger?.warn({ reason: problem.code, detail: problem.message }, 'not ready');
      throw details ? problem : new AppError('unavailable', 'not-ready', 'The server is not ready.');
    }
    res.json(
      details ? { status: 'ready', checks: { database: 'ok', migrations: 'current' } } : { status: 'ready' },
    );
  });

  r.get('/metrics', 'public', async (req, res) => {
    if (deps.metricsToken && !hasMetricsToken(req, deps.metricsToken)) {
      throw unauthorized('A valid metrics token is required.');
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
