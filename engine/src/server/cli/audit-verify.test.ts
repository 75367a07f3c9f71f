import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, inject, describe, expect, it } from 'vitest';
import { appendAudit } from '../../platform/audit/append-audit.js';
import { clonedTestDatabase } from '../../../test/cloned-test-database.js';
import type { Db } from '../../infra/db/create-knex.js';
import { testAuditKeys } from '../../../test/audit-keys-setup.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'audit-verify.ts');
let db: Db;
let database: Awaited<ReturnType<typeof clonedTestDatabase>>;

beforeAll(async () => {
  database = await clonedTestDatabase(inject('templateDatabase'), 'tramit_auditcli', 1);
  db = database.db;
  await appendAudit(
    db,
    Array.from({ length: 12 }, (_, i) => ({ action: 'update', entityType: 'case', entityId: `c-${i}` })),
  );
});

afterAll(() => database.drop());

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          DATABASE_URL: database.url,
          TRAMIT_AUDIT_KEYS: testAuditKeys,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Before the test that alters an entry: these need the chain intact.
describe('npm run audit:verify --expect-head', () => {
  it('exits 2 when the chain ends before the expected head, 0 when it reaches it', async () => {
    const head = (await db('audit_log').where({ seq: 12 }).first('hash')) as { hash: string };
    expect(await verify('--expect-head', `12:${head.hash}`)).toMatchObject({ code: 0 });
    const truncated = await verify(`--expect-head=13:${head.hash}`);
    expect(truncated.code).toBe(2);
    expect(truncated.stdout).toContain('BROKEN at entry seq 13 (truncated)');
    expect(truncated.stdout).toContain('Its 12 entries link intact (last seq 12)');
  });

  it('exits 1 with a clear error on a malformed value', async () => {
    const malformed = await verify('--expect-head', '12:nothex');
    expect(malformed).toMatchObject({ code: 1, stdout: '' });
    expect(malformed.stderr).toContain('--expect-head "12:nothex" is malformed: expected <seq>:<hash>');
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain and 2 naming the first entry a superuser altered', async () => {
    expect(await verify()).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('intact: 12 entries checked'),
    });
    await db.transaction(async (trx) => {
      await trx.raw('alter table audit_log disable trigger audit_log_no_change');
      await trx.raw(`update audit_log set entity_id = 'c-forged' where seq = 9`);
      await trx.raw('alter table audit_log enable trigger audit_log_no_change');
    });
    const broken = await verify();
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain('BROKEN at entry seq 9 (content)');
    expect(broken.stdout).toContain('8 entries before it are intact');
  });
});
