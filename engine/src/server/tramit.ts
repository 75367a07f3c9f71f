import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { AuthSettings } from '../platform/auth/authenticate.js';
import { ClientStatusCache } from '../platform/auth/client-status-cache.js';
import { resolveSecrets } from '../platform/auth/secrets.js';
import { deleteExpiredSessions } from '../platform/auth/sessions-repo.js';
import { SigningKeysError, loadSigningKeys } from '../platform/auth/signing-keys.js';
import { ConfigError, type Config } from '../infra/config/config.js';
import { createKnex, type Db } from '../infra/db/create-knex.js';
import { migrateLatest } from '../infra/db/migrations.js';
import { createApp } from './app.js';
import { findDesignerDir } from './designer-static.js';
import { createMetrics } from '../http/metrics.js';
import type { RouteInfo } from '../http/secure-router.js';
import { drain, listen } from './serve.js';
import type { Logger } from '../infra/logging/logger.js';
import { ProcessEngine } from '../process-engine/index.js';
import { findInRepository } from '../infra/config/find-up.js';
import { deployFolder, startDemoWorkers } from '../../demo/demo-definitions.js';
import { loadDemoPersons } from '../../demo/demo-persons.js';
import { DefinitionStore } from '../platform/definitions/definition-store.js';
import { EntityStore } from '../platform/entities/entity-store.js';
import { ReadAuditQueue } from '../platform/audit/read-audit-queue.js';
import { checkpointAudit } from '../platform/audit/audit-checkpoint.js';
import { configuredAuditKeys, useAuditKeys } from '../platform/audit/audit-keys.js';
import { loadEntityDefinitions } from '../platform/entities/load-entity-definitions.js';
import { RuleService } from '../platform/rules/rule-service.js';
import { ruleSetKind, ruleSetKindName } from '../platform/rules/rule-set-kind.js';
import { startRulesWorker } from '../platform/rules/rules-worker.js';
import { startCaseUpdateWorker } from '../crm/case-lifecycle/case-update-worker.js';
import { AlertService } from '../platform/notifications/alert-service.js';
import { AssignmentService } from '../platform/assignment/assignment-service.js';
import { AutoAssigner } from '../platform/assignment/auto-assigner.js';
import { startSla, type SlaModule } from '../platform/sla/start-sla.js';
import { businessTimeResolver } from '../platform/calendars/business-time-resolver.js';
import { Idempotency } from '../platform/idempotency/idempotency.js';

export interface Tramit {
  config: Config;
  db: Db;
  engine: ProcessEngine;
  /** Drafted-then-published JSON definitions (rule sets, calendars, SLA policies). */
  definitions: DefinitionStore;
  /** Records of the dynamic-schema entity types, and the types themselves. */
  entities: EntityStore;
  /** Business calendars and SLA clocks. */
  sla: SlaModule;
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
  /** Graceful stop: refuse new work, finish in-flight requests, close the database. */
  close(): Promise<void>;
}

const sessionSweepMs = 10 * 60_000;
const autoAssignIntervalMs = 1_000;
const alertSweepMs = 15 * 60_000;
/** How often the audit chain's head is checkpointed (and logged, the witness outside the database). */
const auditCheckpointMs = 60_000;

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
  try {
    const applied = await migrateLatest(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const definitions = new DefinitionStore(db);
  const entities = new EntityStore(db, {
    readAudit: new ReadAuditQueue(db, {
      onError: (error) =>
        logger.error({ err: error }, 'could not write read audit entries; reads now wait for it'),
    }),
  });
  await loadEntityDefinitions(entities.types, findInRepository('definitions/entities'), logger);
  const reindexed = await entities.types.syncIndexes();
  if (reindexed.length > 0) logger.info({ types: reindexed }, 'entity type indexes brought up to date');
  definitions.register(ruleSetKind);
  const rules = new RuleService(definitions, db);
  const alerts = new AlertService(db, rules, logger);
  entities.events.onCommitted(alerts.onRecordChange);
  entities.events.reportError = (error, change) =>
    logger.warn({ err: error, entityType: change.entityType, id: change.id }, 'a record listener failed after commit');
  const shippedRules = findInRepository('definitions/rules');
  if (shippedRules) await definitions.loadFolder(ruleSetKindName, shippedRules);

  const engine = await ProcessEngine.create(
    db,
    config.database.kind === 'postgres' ? config.database : { kind: 'pglite' },
  );
  engine.startBackgroundWork(logger);
  const sla = await startSla({
    db,
    definitions,
    publish: async (message) => {
      const published = await engine.publishMessage(message);
      await alerts
        .onSlaEvent(message)
        .catch((error: unknown) => logger.warn({ err: error }, 'SLA alert could not be raised'));
      return published;
    },
    logger,
  });
  entities.events.on(sla.sla.onRecordChange);
  engine.useBusinessTime(businessTimeResolver(sla.calendars));
  rules.workingHours = sla.calendars;
  const rulesWorker = startRulesWorker(engine, rules, db, logger);
  const caseUpdateWorker = startCaseUpdateWorker(engine, entities, logger);
  const assignment = new AssignmentService(db, engine, rules);
  const autoAssigner = new AutoAssigner(db, assignment, logger).start(autoAssignIntervalMs);
  const alertSweeper = alerts.startSweeper(alertSweepMs);
  const demoFolder = config.env === 'development' ? findInRepository('definitions/bpmn/demo') : undefined;
  if (demoFolder) await deployFolder(engine, demoFolder, logger);
  const shippedProcesses = demoFolder ? findInRepository('definitions/bpmn') : undefined;
  if (shippedProcesses) await deployFolder(engine, shippedProcesses, logger);
  if (config.env === 'development') {
    await loadDemoPersons(entities, db, logger).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not load the demo persons'),
    );
  }
  const demoWorkers = demoFolder ? startDemoWorkers(engine, logger) : undefined;

  let shuttingDown = false;
  const idempotency = new Idempotency(db, config.idempotency);
  const idempotencySweeper = idempotency.startSweeper(logger);
  const auth: AuthSettings = {
    db,
    sessions: {
      secret: secrets.sessionSecret,
      idleMs: config.session.idleMs,
      absoluteMs: config.session.absoluteMs,
    },
    keys,
    tokens: {
      issuer: config.publicUrl ?? 'tramit',
      audience: config.jwt.audience,
      ttlSeconds: config.jwt.ttlSeconds,
    },
    cookieName: 'tramit_session',
    trustedOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
    clients: {
      status: new ClientStatusCache(db, config.clients.statusCacheMs),
      maxGraceSeconds: config.clients.maxGraceSeconds,
    },
  };
  const { app, routes } = createApp({
    db,
    engine,
    definitions,
    entities,
    rules,
    assignment,
    calendars: sla.calendars,
    logger,
    metrics: createMetrics(db),
    auth,
    bodyLimit: config.bodyLimit,
    limits: config.limits,
    exportMaxRows: config.exportMaxRows,
    sensitiveVariables: config.sensitiveVariables,
    trustProxy: config.trustProxy,
    secureCookies: config.publicUrl ? config.publicUrl.startsWith('https:') : config.production,
    metricsToken: config.metricsToken,
    login: config.login,
    designerDir: findDesignerDir(config.designerDir),
    isShuttingDown: () => shuttingDown,
    idempotency,
  });

  const sweeper = setInterval(() => {
    deleteExpiredSessions(db, auth.sessions).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not delete expired sessions'),
    );
  }, sessionSweepMs);
  sweeper.unref();
  let checkpointing: Promise<void> | undefined;
  const checkpointer = setInterval(() => {
    checkpointing ??= checkpointAudit(db, logger).finally(() => (checkpointing = undefined));
  }, auditCheckpointMs);
  checkpointer.unref();

  let server: Server | undefined;
  return {
    config,
    db,
    engine,
    definitions,
    entities,
    rules,
    assignment,
    alerts,
    sla,
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
      clearInterval(sweeper);
      clearInterval(checkpointer);
      idempotencySweeper.stop();
      if (server) {
        const forced = await drain(server, config.shutdownTimeoutMs);
        if (forced) logger.warn('in-flight requests were cut off at the shutdown deadline');
      }
      await demoWorkers?.stop();
      await sla.stop();
      await autoAssigner.stop();
      await alertSweeper.stop();
      await caseUpdateWorker.stop();
      await rulesWorker.stop();
      await engine.close();
      await entities.readAudit
        .flush()
        .catch((error: unknown) => logger.error({ err: error }, 'read audit entries were lost at shutdown'));
      await checkpointing;
      await checkpointAudit(db, logger);
      await db.destroy();
    },
  };
}
