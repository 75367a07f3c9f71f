import type { HttpModule } from '../../http/http-module.js';
import { processDraftRoutes } from './process-draft-routes.js';
import { ProcessDraftStore } from './process-draft-store.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** BPMN drafts the designer saves before deploying. */
    'process-drafts': ProcessDraftStore;
  }
}

export function processDraftsModule(): HttpModule<'process-drafts'> {
  return {
    name: 'process-drafts',
    init: ({ db }) => new ProcessDraftStore(db),
    routes(router, { get }) {
      processDraftRoutes(router, get('process-drafts'));
    },
  };
}
