/** The process engine as the rest of Tramit sees it: the façade, its errors and its types. */
export { ProcessEngine } from './process-engine.js';
export { EngineError } from './engine-error.js';
export type { CreateInstanceRequest, CreatedInstance } from './commands/instances.js';
export type { JobChanges } from './commands/job-updates.js';
export type { CorrelatedMessage, MessageRequest, PublishedMessage } from './commands/messages.js';
export type { TaskCommandOptions } from './commands/user-tasks.js';
export type { DeployedProcess, Deployment, DeployResource } from './deploy/deploy.js';
export type { ActivatedJob, ActivateJobsRequest } from './scheduling/job-activation.js';
export { startJobWorker, type JobHandler, type JobWorkerEngine } from './scheduling/job-worker.js';
export type { Channel } from './types.js';

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
