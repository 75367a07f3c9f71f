import type { HttpModule } from '../../http/http-module.js';
import { findInRepository } from '../../infra/config/find-up.js';
import { slaPolicyKindName } from './sla-policies.js';
import { slaPolicyKind } from './sla-policy.js';
import { slaRoutes } from './sla-routes.js';
import { SlaService } from './sla-service.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** SLA clocks: started and stopped by record changes, fired as engine messages and alerts. */
    sla: SlaService;
  }
}

/** How often policies published by other Tramit processes are picked up. */
const refreshMs = 30_000;

/**
 * Registers the SLA policy kind, publishes the shipped policies (definitions/sla) when new or
 * changed; once started, keeps clocks in step with record changes and runs the clock loop, whose
 * messages go to the engine and to the alerts.
 */
export function slaModule(): HttpModule<'sla'> {
  let refresher: NodeJS.Timeout | undefined;
  return {
    name: 'sla',
    dependsOn: ['definitions', 'calendars', 'entities', 'process-engine', 'notifications'],
    async init({ db, logger, get }) {
      const definitions = get('definitions');
      definitions.register(slaPolicyKind);
      const shipped = findInRepository('definitions/sla');
      if (shipped) await definitions.loadFolder(slaPolicyKindName, shipped);
      const engine = get('process-engine');
      const alerts = get('notifications');
      return new SlaService({
        db,
        definitions,
        calendars: get('calendars'),
        publish: async (message) => {
          const published = await engine.publishMessage(message);
          await alerts
            .onSlaEvent(message)
            .catch((error: unknown) => logger.warn({ err: error }, 'SLA alert could not be raised'));
          return published;
        },
      });
    },
    routes(router, { db, get }) {
      slaRoutes(router, { db, definitions: get('definitions'), calendars: get('calendars') });
    },
    start({ logger, get }) {
      const sla = get('sla');
      get('entities').events.on(sla.onRecordChange);
      sla.start(logger);
      refresher = setInterval(() => sla.ctx.policies.refresh(), refreshMs);
      refresher.unref();
    },
    async stop({ get }) {
      clearInterval(refresher);
      await get('sla').stop();
    },
  };
}
