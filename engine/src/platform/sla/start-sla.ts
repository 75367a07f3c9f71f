import type { Knex } from 'knex';
import { calendarKind } from '../calendars/calendar-kind.js';
import { calendarKindName, CalendarRegistry } from '../calendars/calendar-registry.js';
import { findInRepository } from '../../infra/config/find-up.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import type { Logger } from '../../infra/logging/logger.js';
import type { SlaMessage } from './sla-outbox.js';
import { slaPolicyKindName } from './sla-policies.js';
import { slaPolicyKind } from './sla-policy.js';
import { SlaService } from './sla-service.js';

/** How often definitions published by other Tramit processes are picked up. */
const refreshMs = 30_000;

export interface SlaModule {
  calendars: CalendarRegistry;
  sla: SlaService;
  stop(): Promise<void>;
}

/**
 * Business calendars and SLA clocks: registers both definition kinds, publishes the shipped
 * definitions (definitions/calendars, definitions/sla) when new or changed, loads the calendars
 * into memory and starts the clock loop.
 */
export async function startSla(deps: {
  db: Knex;
  definitions: DefinitionStore;
  publish: (message: SlaMessage) => Promise<unknown>;
  logger: Logger;
  background?: boolean;
}): Promise<SlaModule> {
  deps.definitions.register(calendarKind);
  deps.definitions.register(slaPolicyKind);
  const calendars = new CalendarRegistry(deps.definitions);
  for (const [kind, folder] of [
    [calendarKindName, 'definitions/calendars'],
    [slaPolicyKindName, 'definitions/sla'],
  ] as const) {
    const found = findInRepository(folder);
    if (found) await deps.definitions.loadFolder(kind, found);
  }
  await calendars.loadAll();
  const sla = new SlaService({
    db: deps.db,
    definitions: deps.definitions,
    calendars,
    publish: deps.publish,
  });
  if (deps.background === false) return { calendars, sla, stop: () => sla.stop() };
  sla.start(deps.logger);
  const refresher = setInterval(() => {
    sla.ctx.policies.refresh();
    calendars
      .loadAll()
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not refresh calendars'));
  }, refreshMs);
  refresher.unref();
  return {
    calendars,
    sla,
    stop: () => {
      clearInterval(refresher);
      return sla.stop();
    },
  };
}
