import express, { type Express } from 'express';
import helmet from 'helmet';
import { v2Routes } from '../api-v2/index.js';
import type { AuthSettings } from '../platform/auth/authenticate.js';
import { guard } from '../platform/auth/rbac.js';
import type { Db } from '../infra/db/create-knex.js';
import type { DefinitionStore } from '../platform/definitions/definition-store.js';
import { ruleRoutes } from '../platform/rules/rule-routes.js';
import type { RuleService } from '../platform/rules/rule-service.js';
import { notificationRoutes } from '../platform/notifications/notification-routes.js';
import { assignmentRoutes } from '../platform/assignment/assignment-routes.js';
import type { AssignmentService } from '../platform/assignment/assignment-service.js';
import type { CalendarRegistry } from '../platform/calendars/calendar-registry.js';
import { calendarRoutes } from '../platform/calendars/calendar-routes.js';
import { reportRoutes } from '../crm/reports/report-routes.js';
import { slaRoutes } from '../platform/sla/sla-routes.js';
import type { Logger } from '../infra/logging/logger.js';
import type { ProcessEngine } from '../process-engine/index.js';
import { healthRoutes } from './health-routes.js';
import { oauthRoutes } from '../platform/auth/oauth-routes.js';
import { sessionAuthRoutes } from '../platform/auth/session-auth-routes.js';
import { userRoutes } from '../platform/auth/user-routes.js';
import { oauthClientRoutes } from '../platform/auth/oauth-client-routes.js';
import { auditRoutes } from '../platform/audit/audit-routes.js';
import type { EntityStore } from '../platform/entities/entity-store.js';
import type { Idempotency } from '../platform/idempotency/idempotency.js';
import { entityRoutes } from '../platform/entities/entity-routes.js';
import { entityTypeRoutes } from '../platform/entities/entity-type-routes.js';
import { RecordRelations } from '../platform/entities/record-relations.js';
import { relationRoutes } from '../platform/entities/relation-routes.js';
import { elementTemplateRoutes } from '../platform/element-templates/element-template-routes.js';
import { elementTemplateSource } from '../platform/element-templates/element-template-source.js';
import { processDraftRoutes } from '../platform/process-drafts/process-draft-routes.js';
import { ProcessDraftStore } from '../platform/process-drafts/process-draft-store.js';
import { designerApp } from './designer-static.js';
import { errorHandler, unknownRoute } from '../http/error-handler.js';
import { checkJsonContent } from '../http/json-content.js';
import type { Limits } from '../infra/config/config.js';
import type { Metrics } from '../http/metrics.js';
import { requestContext } from '../http/request-id.js';
import { requestLog } from '../http/request-log.js';
import { SecureRouter, type RouteInfo } from '../http/secure-router.js';

export interface AppDeps {
  db: Db;
  engine: ProcessEngine;
  definitions: DefinitionStore;
  entities: EntityStore;
  rules: RuleService;
  assignment: AssignmentService;
  calendars: CalendarRegistry;
  logger: Logger;
  metrics: Metrics;
  auth: AuthSettings;
  bodyLimit: string;
  limits: Limits;
  exportMaxRows: number;
  sensitiveVariables: readonly string[];
  trustProxy: boolean;
  secureCookies: boolean;
  metricsToken: string | undefined;
  login: { maxFailures: number; lockMs: number };
  designerDir: string | undefined;
  isShuttingDown: () => boolean;
  idempotency: Idempotency;
}

export function createApp(deps: AppDeps): { app: Express; routes: RouteInfo[] } {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);

  app.use(requestContext());
  app.use(requestLog(deps.logger));
  app.use(deps.metrics.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'worker-src': ["'self'", 'blob:'],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': deps.secureCookies ? [] : null,
        },
      },
    }),
  );
  app.use(express.json({ limit: deps.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(checkJsonContent(deps.limits.jsonMaxDepth));

  const routes = new SecureRouter((permission) => guard(deps.auth, permission));
  healthRoutes(routes, {
    db: deps.db,
    metrics: deps.metrics,
    metricsToken: deps.metricsToken,
    isShuttingDown: deps.isShuttingDown,
    auth: deps.auth,
    logger: deps.logger,
  });
  oauthRoutes(routes, {
    db: deps.db,
    keys: deps.auth.keys,
    tokens: deps.auth.tokens,
    bodyLimit: deps.bodyLimit,
  });
  sessionAuthRoutes(routes, { auth: deps.auth, secureCookies: deps.secureCookies, login: deps.login });
  userRoutes(routes, { db: deps.db });
  oauthClientRoutes(routes, { db: deps.db, auth: deps.auth });
  auditRoutes(routes, { db: deps.db, readAudit: deps.entities.readAudit });
  entityTypeRoutes(routes, deps.entities.types);
  entityRoutes(routes, deps.entities, deps.db, {
    exportMaxRows: deps.exportMaxRows,
    idempotency: deps.idempotency,
  });
  relationRoutes(routes, new RecordRelations(deps.db, deps.entities.types), deps.idempotency);
  v2Routes(routes, {
    engine: deps.engine,
    db: deps.db,
    idempotency: deps.idempotency,
    sensitiveVariables: deps.sensitiveVariables,
    limits: deps.limits,
  });
  ruleRoutes(routes, deps.definitions, deps.rules);
  assignmentRoutes(routes, { db: deps.db, assignment: deps.assignment });
  notificationRoutes(routes, { db: deps.db });
  elementTemplateRoutes(routes, elementTemplateSource(deps.logger));
  processDraftRoutes(routes, new ProcessDraftStore(deps.db));
  calendarRoutes(routes, deps.definitions, deps.calendars);
  slaRoutes(routes, { db: deps.db, definitions: deps.definitions, calendars: deps.calendars });
  reportRoutes(routes, { db: deps.db, timeZone: 'Europe/Madrid' });
  app.use(routes.router);

  app.use(designerApp(deps.designerDir));
  app.use(unknownRoute());
  app.use(errorHandler(deps.logger));
  return { app, routes: routes.routes };
}
