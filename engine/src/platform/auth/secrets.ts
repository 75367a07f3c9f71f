import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../infra/config/config.js';
import { randomToken } from './password.js';
import { generateSigningKeyJson } from './signing-keys.js';

export interface Secrets {
  sessionSecret: string;
  jwtKeys: string;
  /** True when a secret was made up for this development data directory. */
  generated: boolean;
}

/**
 * In production both secrets come from the configuration (checked at load). In development, what is
 * not configured is generated once and kept in the data directory, so restarts keep sessions valid.
 */
export async function resolveSecrets(config: Config): Promise<Secrets> {
  if (config.session.secret && config.jwt.keys) {
    return { sessionSecret: config.session.secret, jwtKeys: config.jwt.keys, generated: false };
  }
  if (config.production) throw new Error('Secrets must be configured in production');
  const file = path.join(config.dataDir, 'dev-secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    sessionSecret: config.session.secret ?? stored.sessionSecret ?? randomToken(32),
    jwtKeys: config.jwt.keys ?? stored.jwtKeys ?? (await generateSigningKeyJson()),
    generated: true,
  };
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ sessionSecret: secrets.sessionSecret, jwtKeys: secrets.jwtKeys }), {
    mode: 0o600,
  });
  return secrets;
}
