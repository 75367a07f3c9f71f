import type { HttpModule } from '../../http/http-module.js';
import { findInRepository } from '../../infra/config/find-up.js';
import { entityRoutes } from './entity-routes.js';
import { EntityStore } from './entity-store.js';
import { entityTypeRoutes } from './entity-type-routes.js';
import { loadEntityDefinitions } from './load-entity-definitions.js';
import { RecordRelations } from './record-relations.js';
import { relationRoutes } from './relation-routes.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Records of the dynamic-schema entity types, the types themselves, and record events. */
    entities: EntityStore;
  }
}

/** Entity types and records: loads the shipped types (definitions/entities) and brings indexes up to date. */
export function entitiesModule(): HttpModule<'entities'> {
  return {
    name: 'entities',
    dependsOn: ['audit', 'idempotency'],
    async init({ db, logger, get }) {
      const audit = get('audit');
      const entities = new EntityStore(db, { readAudit: audit.readAudit });
      audit.isSubject = (type, id) => entities.system.isSubject(type, id);
      entities.events.reportError = (error, change) =>
        logger.warn(
          { err: error, entityType: change.entityType, id: change.id },
          'a record listener failed after commit',
        );
      await loadEntityDefinitions(entities.types, findInRepository('definitions/entities'), logger);
      const reindexed = await entities.types.syncIndexes();
      if (reindexed.length > 0) logger.info({ types: reindexed }, 'entity type indexes brought up to date');
      return entities;
    },
    routes(router, { config, db, get }) {
      const entities = get('entities');
      const idempotency = get('idempotency');
      entityTypeRoutes(router, entities.types);
      entityRoutes(router, entities, db, { exportMaxRows: config.exportMaxRows, idempotency });
      relationRoutes(router, new RecordRelations(db, entities.types), idempotency);
    },
  };
}
