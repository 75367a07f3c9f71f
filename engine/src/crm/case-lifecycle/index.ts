import type { HttpModule } from '../../http/http-module.js';
import { startCaseUpdateWorker } from './case-update-worker.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    'case-lifecycle': void;
  }
}

/** The `tramit:case-update` job worker: BPMN service tasks that patch the case record. */
export function caseLifecycleModule(): HttpModule<'case-lifecycle'> {
  let worker: { stop(): Promise<void> } | undefined;
  return {
    name: 'case-lifecycle',
    dependsOn: ['process-engine', 'entities'],
    init() {},
    start({ logger, get }) {
      worker = startCaseUpdateWorker(get('process-engine'), get('entities'), logger);
    },
    stop: () => worker?.stop(),
  };
}
