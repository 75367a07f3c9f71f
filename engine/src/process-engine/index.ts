import type { TramitModule } from '../infra/module/tramit-module.js';
import { ProcessEngine } from './process-engine.js';

declare module '../infra/module/tramit-module.js' {
  interface Services {
    /** The durable BPMN engine: commands, and (once started) its timers, jobs and snapshots. */
    'process-engine': ProcessEngine;
  }
}

export function processEngineModule(): TramitModule<'process-engine'> {
  return {
    name: 'process-engine',
    async init({ config, db }) {
      const engine = await ProcessEngine.create(
        db,
        config.database.kind === 'postgres' ? config.database : { kind: 'pglite' },
      );
      engine.useFeelLimits(config.feel);
      return engine;
    },
    start({ logger, get }) {
      get('process-engine').startBackgroundWork(logger);
    },
    stop: ({ get }) => get('process-engine').close(),
  };
}
