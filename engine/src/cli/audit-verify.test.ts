import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { appendAudit } from '../audit/append-audit.js';
import { createKnex, type Db } from '../db/create-knex.js';
import { adminUrl, createDatabase, dropDatabase, uniqueDatabaseName } from '../../test/test-databases.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'audit-verify.ts');
let db: Db;
let name: string;

beforeAll(async () => {
  name = uniqueDatabaseName('tramit_auditcli');
  await createDatabase(name, inject('templateDatabase'));
  db = createKnex({ kind: 'postgres', url: adminUrl(name), poolMax: 1 });
  await appendAudit(
    db,
    Array.from({ length: 12 }, (_, i) => ({ action: 'update', entityType: 'case', entityId: `c-${i}` })),
  );
});

afterAll(async () => {
  await db.destroy();
  await dropDatabase(name);
});

async function verify(): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: adminUrl(name) },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain and 2 naming the first entry a superuser altered', async () => {
    expect(await verify()).toEqual({
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
