import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { AuthSettings } from '../platform/auth/authenticate.js';
import { usesSecureCookies } from '../platform/auth/index.js';
import { guard } from '../platform/auth/rbac.js';
import { resolveSecrets } from '../platform/auth/secrets.js';
import { SigningKeysError, loadSigningKeys } from '../platform/auth/signing-keys.js';
import { ConfigError, type Config } from '../infra/config/config.js';
import { createKnex, type Db } from '../infra/db/create-knex.js';
import { migrateLatest } from '../infra/db/migrations.js';
import type { HttpModule } from '../http/http-module.js';
import { createMetrics } from '../http/metrics.js';
import { SecureRouter, type RouteInfo } from '../http/secure-router.js';
import type { ServiceName } from '../infra/module/tramit-module.js';
import type { Logger } from '../infra/logging/logger.js';
import type { ProcessEngine } from '../process-engine/index.js';
import type { DefinitionStore } from '../platform/definitions/definition-store.js';
import type { EntityStore } from '../platform/entities/entity-store.js';
import { configuredAuditKeys, useAuditKeys } from '../platform/audit/audit-keys.js';
import type { RuleService } from '../platform/rules/rule-service.js';
import type { AlertService } from '../platform/notifications/alert-service.js';
import type { AssignmentService } from '../platform/assignment/assignment-service.js';
import type { CalendarRegistry } from '../platform/calendars/calendar-registry.js';
import type { SlaService } from '../platform/sla/sla-service.js';
import { createApp } from './app.js';
import { assemble, type Assembly } from './assemble.js';
import { findDesignerDir } from './designer-static.js';
import { serverModules } from './modules.js';
import { drain, listen } from './serve.js';

export interface Tramit {
  config: Config;
  db: Db;
  engine: ProcessEngine;
  /** Drafted-then-published JSON definitions (rule sets, calendars, SLA policies). */
  definitions: DefinitionStore;
  /** Records of the dynamic-schema entity types, and the types themselves. */
  entities: EntityStore;
  /** Business calendars and SLA clocks. */
  sla: { calendars: CalendarRegistry; sla: SlaService };
  /** Rule sets: evaluation with computed facts and explanations. */
  rules: RuleService;
  /** Picks a group and an agent; auto-assigns user tasks of groups that ask for it. */
  assignment: AssignmentService;
  /** Alert rule sets on record and SLA events, raising internal notifications. */
  alerts: AlertService;
  app: Express;
  routes: RouteInfo[];
  /** Starts the HTTP server; resolves with its base URL. */
  listen(): Promise<string>;
  /** Graceful stop: refuse new work, finish in-flight requests, stop the modules, close the database. */
  close(): Promise<void>;
}

/** The modules of this server: those of `modules.ts`, and in development the demo (never imported otherwise). */
async function modulesFor(config: Config): Promise<HttpModule<ServiceName>[]> {
  const modules = serverModules();
  if (config.env === 'development') modules.push((await import('../../demo/index.js')).demoModule());
  return modules;
}

export async function createTramit(config: Config, logger: Logger): Promise<Tramit> {
  const secrets = await resolveSecrets(config);
  const keys = await loadSigningKeys(secrets.jwtKeys).catch((error: unknown) => {
    throw error instanceof SigningKeysError ? new ConfigError([`TRAMIT_JWT_KEYS: ${error.message}`]) : error;
  });
  useAuditKeys(configuredAuditKeys(secrets.auditKeys));
  const db = createKnex(
    config.database.kind === 'postgres'
      ? config.database
      : { kind: 'pglite', dataDir: config.database.dataDir },
    { report: (error) => logger.error({ err: error }, 'nested database connection acquire') },
  );
  let shuttingDown = false;
  const metrics = createMetrics(db);
  let system: Assembly<SecureRouter>;
  try {
    const applied = await migrateLatest(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    system = await assemble(await modulesFor(config), {
      config,
      db,
      logger,
      provided: {
        secrets: { sessionSecret: secrets.sessionSecret, keys },
        shell: { metrics, isShuttingDown: () => shuttingDown },
      },
      router: (services) => {
        const auth: AuthSettings = services.get('auth');
        return new SecureRouter((permission) => guard(auth, permission));
      },
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const { app, routes } = createApp({
    logger,
    metrics,
    bodyLimit: config.bodyLimit,
    limits: config.limits,
    trustProxy: config.trustProxy,
    secureCookies: usesSecureCookies(config),
    designerDir: findDesignerDir(config.designerDir),
    routes: system.router,
  });

  let server: Server | undefined;
  return {
    config,
    db,
    engine: system.get('process-engine'),
    definitions: system.get('definitions'),
    entities: system.get('entities'),
    rules: system.get('rules'),
    assignment: system.get('assignment'),
    alerts: system.get('notifications'),
    sla: { calendars: system.get('calendars'), sla: system.get('sla') },
    app,
    routes,
    async listen() {
      server = await listen(app, config.host, config.port);
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      return `http://${host}:${port}`;
    },
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      if (server) {
        const forced = await drain(server, config.shutdownTimeoutMs);
        if (forced) logger.warn('in-flight requests were cut off at the shutdown deadline');
      }
      try {
        await system.stop();
      } finally {
        await db.destroy();
      }
    },
  };
}
