import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { ConfigError } from '../../infra/config/config.js';

/** One HMAC key of the audit chain, named by the id each entry it signed records. */
export interface AuditKey {
  kid: string;
  key: KeyObject;
}

/** The configured keys: the first signs new entries, every one verifies the entries it signed. */
export interface AuditKeyring {
  signing: AuditKey;
  byKid: ReadonlyMap<string, KeyObject>;
}

export class AuditKeysError extends Error {}

/** The fewest key bytes accepted: HMAC-SHA256 gains nothing past 64, and is weak below 32. */
export const minAuditKeyBytes = 32;
const kidPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses `TRAMIT_AUDIT_KEYS`: a JSON list of `{ "kid": "...", "key": "<base64 or base64url, ≥ 32
 * bytes>" }`. To rotate: put the new key first and keep the old ones after it for as long as the
 * entries they signed are to be verified (that is: always).
 */
export function parseAuditKeys(json: string): AuditKeyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AuditKeysError('not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new AuditKeysError('expected a non-empty JSON list of {"kid", "key"}');
  }
  const byKid = new Map<string, KeyObject>();
  for (const [index, item] of (parsed as unknown[]).entries()) {
    const { kid, key } = (item ?? {}) as { kid?: unknown; key?: unknown };
    if (typeof kid !== 'string' || !kidPattern.test(kid)) {
      throw new AuditKeysError(`key ${index}: "kid" must be 1 to 64 letters, digits, ".", "_" or "-"`);
    }
    if (byKid.has(kid)) throw new AuditKeysError(`key ${index}: duplicate kid "${kid}"`);
    if (typeof key !== 'string' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(key)) {
      throw new AuditKeysError(`key ${index}: "key" must be a base64 or base64url string`);
    }
    const bytes = Buffer.from(key, 'base64');
    if (bytes.length < minAuditKeyBytes) {
      throw new AuditKeysError(`key ${index}: "key" must hold at least ${minAuditKeyBytes} bytes`);
    }
    byKid.set(kid, createSecretKey(bytes));
  }
  const [kid, key] = byKid.entries().next().value as [string, KeyObject];
  return { signing: { kid, key }, byKid };
}

/** A new one-key `TRAMIT_AUDIT_KEYS` value (what development keeps in its data directory). */
export function generateAuditKeysJson(kid = `audit-${new Date().toISOString().slice(0, 10)}`): string {
  return JSON.stringify([{ kid, key: randomBytes(32).toString('base64url') }]);
}

let configured: AuditKeyring | undefined;

/**
 * Sets the process's audit keys (the server does so at start, from `TRAMIT_AUDIT_KEYS` or the
 * development data directory): `appendAudit` signs with them, `verifyAudit` checks with them.
 */
export function useAuditKeys(keyring: AuditKeyring): void {
  configured = keyring;
}

export function auditKeys(): AuditKeyring {
  if (!configured) {
    throw new Error('the audit keys are not configured (TRAMIT_AUDIT_KEYS; see useAuditKeys)');
  }
  return configured;
}

/** `parseAuditKeys` for a configured value: a bad one is a ConfigError naming the variable. */
export function configuredAuditKeys(json: string): AuditKeyring {
  try {
    return parseAuditKeys(json);
  } catch (error) {
    if (error instanceof AuditKeysError) throw new ConfigError([`TRAMIT_AUDIT_KEYS: ${error.message}`]);
    throw error;
  }
}
