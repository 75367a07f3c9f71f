import type { HttpModule } from '../../http/http-module.js';
import { DefinitionStore } from './definition-store.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Drafted-then-published JSON definitions; each kind is registered by the module that owns it. */
    definitions: DefinitionStore;
  }
}

export function definitionsModule(): HttpModule<'definitions'> {
  return {
    name: 'definitions',
    init: ({ db }) => new DefinitionStore(db),
  };
}
