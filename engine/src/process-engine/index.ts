import type { HttpModule } from '../http/http-module.js';
import { ProcessEngine } from './process-engine.js';

declare module '../infra/module/tramit-module.js' {
  interface Services {
    /** The durable BPMN engine: commands, and (once started) its timers, jobs and snapshots. */
    'process-engine': ProcessEngine;
  }
}

export function processEngineModule(): HttpModule<'process-engine'> {
  return {
    name: 'process-engine',
    init: ({ config, db }) =>
      ProcessEngine.create(db, config.database.kind === 'postgres' ? config.database : { kind: 'pglite' }),
    start({ logger, get }) {
      get('process-engine').startBackgroundWork(logger);
    },
    stop: ({ get }) => get('process-engine').close(),
  };
}
