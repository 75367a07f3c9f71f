import { apiV2Module } from '../api-v2/index.js';
import { caseLifecycleModule } from '../crm/case-lifecycle/index.js';
import { reportsModule } from '../crm/reports/index.js';
import { crmRulesModule } from '../crm/rules/index.js';
import type { HttpModule } from '../http/http-module.js';
import type { ServiceName } from '../infra/module/tramit-module.js';
import { assignmentModule } from '../platform/assignment/index.js';
import { auditModule } from '../platform/audit/index.js';
import { authModule } from '../platform/auth/index.js';
import { calendarsModule } from '../platform/calendars/index.js';
import { definitionsModule } from '../platform/definitions/index.js';
import { elementTemplatesModule } from '../platform/element-templates/index.js';
import { entitiesModule } from '../platform/entities/index.js';
import { idempotencyModule } from '../platform/idempotency/index.js';
import { notificationsModule } from '../platform/notifications/index.js';
import { processDraftsModule } from '../platform/process-drafts/index.js';
import { rulesModule } from '../platform/rules/index.js';
import { slaModule } from '../platform/sla/index.js';
import { processEngineModule } from '../process-engine/index.js';
import { healthModule } from './health-module.js';

/**
 * The server's modules. The order is initialisation (and route) order where `dependsOn` leaves it
 * open, and shutdown runs it backwards: audit first (so it flushes and checkpoints last), the engine
 * before the workers that use it, and within the workers the order they stop in reversed.
 */
export function serverModules(): HttpModule<ServiceName>[] {
  return [
    auditModule(),
    definitionsModule(),
    idempotencyModule(),
    authModule(),
    healthModule(),
    entitiesModule(),
    processEngineModule(),
    calendarsModule(),
    rulesModule(),
    caseLifecycleModule(),
    notificationsModule(),
    crmRulesModule(),
    assignmentModule(),
    elementTemplatesModule(),
    processDraftsModule(),
    apiV2Module(),
    slaModule(),
    reportsModule(),
  ];
}
