import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../infra/config/config.js';
import { generateAuditKeysJson } from '../audit/audit-keys.js';
import { randomToken } from './password.js';
import { generateSigningKeyJson } from './signing-keys.js';

export interface Secrets {
  sessionSecret: string;
  jwtKeys: string;
  /** `TRAMIT_AUDIT_KEYS`: the audit chain's HMAC keys. */
  auditKeys: string;
  /** True when a secret was made up for this development data directory. */
  generated: boolean;
}

/**
 * In production every secret comes from the configuration (checked at load). In development, what
 * is not configured is generated once and kept in the data directory, so restarts keep sessions
 * valid and the audit chain verifiable.
 */
export async function resolveSecrets(config: Config): Promise<Secrets> {
  if (config.session.secret && config.jwt.keys && config.auditKeys) {
    return {
      sessionSecret: config.session.secret,
      jwtKeys: config.jwt.keys,
      auditKeys: config.auditKeys,
      generated: false,
    };
  }
  if (config.production) throw new Error('Secrets must be configured in production');
  const file = path.join(config.dataDir, 'dev-secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    sessionSecret: config.session.secret ?? stored.sessionSecret ?? randomToken(32),
    jwtKeys: config.jwt.keys ?? stored.jwtKeys ?? (await generateSigningKeyJson()),
    auditKeys: config.auditKeys ?? stored.auditKeys ?? generateAuditKeysJson(),
    generated: true,
  };
  mkdirSync(config.dataDir, { recursive: true });
  const kept = {
    sessionSecret: secrets.sessionSecret,
    jwtKeys: secrets.jwtKeys,
    auditKeys: secrets.auditKeys,
  };
  writeFileSync(file, JSON.stringify(kept), { mode: 0o600 });
  return secrets;
}
