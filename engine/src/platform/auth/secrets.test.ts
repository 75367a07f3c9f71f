import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config/config.js';
import { parseAuditKeys } from '../audit/audit-keys.js';
import { resolveSecrets } from './secrets.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('resolveSecrets', () => {
  it('in development generates the audit keys once and keeps them in the data directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tramit-secrets-'));
    dirs.push(dir);
    const config = loadConfig({ TRAMIT_DATA_DIR: dir });
    const first = await resolveSecrets(config);
    expect(parseAuditKeys(first.auditKeys).signing.kid).toMatch(/^audit-/);
    expect((await resolveSecrets(config)).auditKeys).toBe(first.auditKeys);
  });

  it('uses TRAMIT_AUDIT_KEYS when it is set', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tramit-secrets-'));
    dirs.push(dir);
    const keys = JSON.stringify([{ kid: 'mine', key: Buffer.alloc(32, 7).toString('base64url') }]);
    const secrets = await resolveSecrets(loadConfig({ TRAMIT_DATA_DIR: dir, TRAMIT_AUDIT_KEYS: keys }));
    expect(secrets.auditKeys).toBe(keys);
  });
});
