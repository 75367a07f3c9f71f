import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testDbKind(): 'postgres' | 'pglite' {
  return process.env.TRAMIT_TEST_DB === 'pglite' ? 'pglite' : 'postgres';
}

const serverUrl = process.env.TRAMIT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The test server's URL pointed at another database. */
export function adminUrl(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix = 'tramit_t'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function createDatabase(name: string, template?: string): Promise<void> {
  await onServer((c) => c.query(`create database "${name}"${template ? ` template "${template}"` : ''}`));
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer((c) => c.query(`drop database if exists "${name}" with (force)`));
}
