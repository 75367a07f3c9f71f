import type { HttpModule } from '../../http/http-module.js';
import { findInRepository } from '../../infra/config/find-up.js';
import { businessTimeResolver } from './business-time-resolver.js';
import { calendarKind } from './calendar-kind.js';
import { calendarKindName, CalendarRegistry } from './calendar-registry.js';
import { calendarRoutes } from './calendar-routes.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Business calendars in memory: working hours for rules, business time for the engine's timers. */
    calendars: CalendarRegistry;
  }
}

/** How often calendars published by other Tramit processes are picked up. */
const refreshMs = 30_000;

/**
 * Registers the calendar kind, publishes the shipped calendars (definitions/calendars) when new or
 * changed, loads them, and lets the engine's `tramit:calendar` timers count business time.
 */
export function calendarsModule(): HttpModule<'calendars'> {
  let refresher: NodeJS.Timeout | undefined;
  return {
    name: 'calendars',
    dependsOn: ['definitions', 'process-engine'],
    async init({ get }) {
      const definitions = get('definitions');
      definitions.register(calendarKind);
      const calendars = new CalendarRegistry(definitions);
      const shipped = findInRepository('definitions/calendars');
      if (shipped) await definitions.loadFolder(calendarKindName, shipped);
      await calendars.loadAll();
      get('process-engine').useBusinessTime(businessTimeResolver(calendars));
      return calendars;
    },
    routes(router, { get }) {
      calendarRoutes(router, get('definitions'), get('calendars'));
    },
    start({ logger, get }) {
      const calendars = get('calendars');
      refresher = setInterval(() => {
        calendars
          .loadAll()
          .catch((error: unknown) => logger.warn({ err: error }, 'could not refresh calendars'));
      }, refreshMs);
      refresher.unref();
    },
    stop() {
      clearInterval(refresher);
    },
  };
}
