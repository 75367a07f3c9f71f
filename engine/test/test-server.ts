import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { generateSigningKeyJson } from '../src/platform/auth/signing-keys.js';
import { loadConfig } from '../src/infra/config/config.js';
import { createLogger } from '../src/infra/logging/logger.js';
import { createTramit, type Tramit } from '../src/server/tramit.js';
import { testAuditKeys } from './audit-keys-setup.js';
import { adminUrl, createDatabase, dropDatabase, testDbKind, uniqueDatabaseName } from './test-databases.js';

export interface TestServer {
  url: string;
  tramit: Tramit;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export const testSessionSecret = 'test-session-secret-0123456789abcdefghij';

/** A fresh database (cloned from the migrated template, or a new PGlite folder) and its location. */
export async function freshDatabaseEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'tramit-test-'));
    return { env: { TRAMIT_DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = uniqueDatabaseName();
  await createDatabase(name, inject('templateDatabase'));
  return { env: { DATABASE_URL: adminUrl(name) }, drop: () => dropDatabase(name) };
}

let keys: Promise<string> | undefined;
export function testSigningKeys(): Promise<string> {
  keys ??= generateSigningKeyJson();
  return keys;
}

/** A real Tramit (real database, real HTTP on a free port) for one test file. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabaseEnv();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line));
      callback();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    TRAMIT_SESSION_SECRET: testSessionSecret,
    TRAMIT_JWT_KEYS: await testSigningKeys(),
    TRAMIT_AUDIT_KEYS: testAuditKeys,
    ...database.env,
    ...env,
  });
  const tramit = await createTramit(config, createLogger(config.logLevel, sink));
  const url = await tramit.listen();
  return {
    url,
    tramit,
    logs,
    async close() {
      await tramit.close();
      await database.drop();
    },
  };
}
