import type { RequestHandler } from 'express';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolStats, type Db } from '../infra/db/create-knex.js';

export interface Metrics {
  registry: Registry;
  middleware: RequestHandler;
}

/** One registry per server instance (not the global one), so several servers in one process stay apart. */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tramit_' });

  const duration = new Histogram({
    name: 'tramit_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const pool = (name: string, help: string, pick: (s: ReturnType<typeof poolStats>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(poolStats(db)));
      },
    });
  pool('tramit_db_pool_connections_used', 'Database connections in use', (s) => s.used);
  pool('tramit_db_pool_connections_free', 'Idle database connections in the pool', (s) => s.free);
  pool('tramit_db_pool_pending_acquires', 'Requests waiting for a database connection', (s) => s.pending);
  pool('tramit_db_pool_connections_max', 'Maximum size of the database pool', (s) => s.max);

  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // The route template, never the raw path: raw paths would explode the label cardinality.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };

  return { registry, middleware };
}
