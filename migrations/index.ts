import type { Knex } from 'knex';
import * as extensions from './0001-extensions.js';
import * as identity from './0002-identity.js';
import * as processEngine from './0003-process-engine.js';
import * as entities from './0004-entities.js';
import * as audit from './0005-audit.js';
import * as sla from './0006-sla.js';
import * as definitions from './0007-definitions.js';
import * as processDrafts from './0008-process-drafts.js';
import * as historyRecords from './0009-history-records.js';
import * as messageStartKey from './0010-message-start-key.js';
import * as auditCheckpoints from './0011-audit-checkpoints.js';
import * as idempotencyKeys from './0012-idempotency-keys.js';
import * as oauthClientScopes from './0013-oauth-client-scopes.js';
import * as auditKeyId from './0014-audit-key-id.js';
import * as signIn from './0015-sign-in.js';

export interface NamedMigration extends Knex.Migration {
  name: string;
}

/** Every core migration, in order. New migrations are appended here, never renumbered. */
export const migrations: NamedMigration[] = [
  { name: '0001-extensions', ...extensions },
  { name: '0002-identity', ...identity },
  { name: '0003-process-engine', ...processEngine },
  { name: '0004-entities', ...entities },
  { name: '0005-audit', ...audit },
  { name: '0006-sla', ...sla },
  { name: '0007-definitions', ...definitions },
  { name: '0008-process-drafts', ...processDrafts },
  { name: '0009-history-records', ...historyRecords },
  { name: '0010-message-start-key', ...messageStartKey },
  { name: '0011-audit-checkpoints', ...auditCheckpoints },
  { name: '0012-idempotency-keys', ...idempotencyKeys },
  { name: '0013-oauth-client-scopes', ...oauthClientScopes },
  { name: '0014-audit-key-id', ...auditKeyId },
  { name: '0015-sign-in', ...signIn },
];
