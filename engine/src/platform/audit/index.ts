import type { HttpModule } from '../../http/http-module.js';
import { checkpointAudit } from './audit-checkpoint.js';
import { auditRoutes } from './audit-routes.js';
import { ReadAuditQueue } from './read-audit-queue.js';

/** The audit chain: the read-audit queue others write through, its routes, and the periodic checkpoint. */
export interface AuditService {
  readAudit: ReadAuditQueue;
  /**
   * Whether a record is an audit subject (has a trail of its own): registered by the module that
   * owns records (entities), which depends on this one.
   */
  isSubject: (type: string, id: string) => Promise<boolean>;
}

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    audit: AuditService;
  }
}

/** How often the audit chain's head is checkpointed (and logged, the witness outside the database). */
const auditCheckpointMs = 60_000;

export function auditModule(): HttpModule<'audit'> {
  let checkpointer: NodeJS.Timeout | undefined;
  let checkpointing: Promise<void> | undefined;
  return {
    name: 'audit',
    init: ({ db, logger }) => ({
      readAudit: new ReadAuditQueue(db, {
        onError: (error) =>
          logger.error({ err: error }, 'could not write read audit entries; reads now wait for it'),
      }),
      isSubject: async () => false,
    }),
    routes(router, { db, get }) {
      const audit = get('audit');
      auditRoutes(router, {
        db,
        readAudit: audit.readAudit,
        isSubject: (type, id) => audit.isSubject(type, id),
      });
    },
    start({ db, logger }) {
      checkpointer = setInterval(() => {
        checkpointing ??= checkpointAudit(db, logger).finally(() => (checkpointing = undefined));
      }, auditCheckpointMs);
      checkpointer.unref();
    },
    // First in the list, so last to stop: what the others read is flushed, then the chain checkpointed.
    async stop({ db, logger, get }) {
      clearInterval(checkpointer);
      await get('audit')
        .readAudit.flush()
        .catch((error: unknown) => logger.error({ err: error }, 'read audit entries were lost at shutdown'));
      await checkpointing;
      await checkpointAudit(db, logger);
    },
  };
}
