import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../infra/db/create-knex.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { appendAudit } from './append-audit.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(() => server.close());

describe('Tramit’s audit checkpoints', () => {
  it('closing writes a checkpoint after the queued reads, and logs it as the outside witness', async () => {
    const { tramit } = server;
    await appendAudit(tramit.db, [{ action: 'update', entityType: 'case', entityId: 'c-1' }]);
    await tramit.entities.readAudit.add([{ action: 'read', entityType: 'case', entityId: 'c-1' }]);
    await tramit.close();

    const logged = server.logs.filter((line) => line.msg === 'audit checkpoint');
    expect(logged).toEqual([expect.objectContaining({ level: 'info', auditCheckpoint: expect.anything() })]);
    const witness = logged[0]!.auditCheckpoint as { seq: string; hash: string };
    const target = tramit.config.database;
    expect(target.kind).toBe('postgres');
    const db = createKnex({ ...(target as { url: string }), kind: 'postgres', poolMax: 1 });
    try {
      const head = (await db('audit_log').orderBy('seq', 'desc').first('seq', 'hash', 'action')) as {
        seq: string;
        hash: string;
        action: string;
      };
      expect(head.action).toBe('read');
      expect(witness).toEqual({ seq: head.seq, hash: head.hash });
      expect(await db('audit_checkpoints').select(db.raw('seq::text as seq'), 'hash')).toEqual([witness]);
    } finally {
      await db.destroy();
    }
  });
});
