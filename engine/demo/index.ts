import type { HttpModule } from '../src/http/http-module.js';
import { findInRepository } from '../src/infra/config/find-up.js';
import { deployFolder, startDemoWorkers } from './demo-definitions.js';
import { loadDemoPersons } from './demo-persons.js';

declare module '../src/infra/module/tramit-module.js' {
  interface Services {
    demo: void;
  }
}

/**
 * Development only (the server imports this folder only when `NODE_ENV=development`): deploys the
 * demo processes (definitions/bpmn/demo) and the shipped ones (definitions/bpmn), loads the demo
 * persons, and runs the demo's job worker.
 */
export function demoModule(): HttpModule<'demo'> {
  let workers: { stop(): Promise<void> } | undefined;
  return {
    name: 'demo',
    // sla and notifications: their record listeners must be running when the demo persons are loaded.
    dependsOn: ['process-engine', 'entities', 'sla', 'notifications'],
    init() {},
    async start({ db, logger, get }) {
      const engine = get('process-engine');
      const demoFolder = findInRepository('definitions/bpmn/demo');
      if (demoFolder) await deployFolder(engine, demoFolder, logger);
      const shippedProcesses = demoFolder ? findInRepository('definitions/bpmn') : undefined;
      if (shippedProcesses) await deployFolder(engine, shippedProcesses, logger);
      await loadDemoPersons(get('entities'), db, logger).catch((error: unknown) =>
        logger.warn({ err: error }, 'could not load the demo persons'),
      );
      if (demoFolder) workers = startDemoWorkers(engine, logger);
    },
    stop: () => workers?.stop(),
  };
}
