import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser } from '../test/http-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import type { AuditEntry } from '../src/platform/audit/audit-entry.js';
import { createLogger } from '../src/infra/logging/logger.js';
import { demoPersonCount, loadDemoPersons } from './demo-persons.js';

let server: TestServer;
const logger = createLogger('silent');
const count = 24;

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
});

afterAll(() => server.close());

async function counts(): Promise<Record<string, number>> {
  const rows = (await server.tramit.db('records').groupBy('type').select('type').count('* as n')) as {
    type: string;
    n: string;
  }[];
  const relations = await server.tramit.db('record_relations').count('* as n').first();
  return { ...Object.fromEntries(rows.map((r) => [r.type, Number(r.n)])), relations: Number(relations!.n) };
}

describe('loadDemoPersons', () => {
  it('loads persons with a home address each and a bank account for every fourth, once', async () => {
    expect(await loadDemoPersons(server.tramit.entities, server.tramit.db, logger, count)).toBe(count);
    const loaded = await counts();
    expect(loaded).toMatchObject({
      person: count,
      address: count,
      bank_account: count / 4,
      relations: count,
    });
    expect(await loadDemoPersons(server.tramit.entities, server.tramit.db, logger, count)).toBe(0);
    expect(await counts()).toEqual(loaded);
  });

  it('writes through the entity store, so every record is audited and the IBAN stays masked in the trail', async () => {
    const { db } = server.tramit;
    const audited = await db('audit_log').where({ action: 'create' }).count('* as n').first();
    expect(Number(audited!.n)).toBe(count * 2 + count / 4);
    const account = await db('records').where({ type: 'bank_account' }).first('data');
    const personId = (account!.data as { personId: string }).personId;
    const supervisor = new BrowserSession(server.url);
    const user = await createTestUser(db, 'supervisor');
    await supervisor.login(user.username, user.password);
    const trail = await supervisor.send<{ items: AuditEntry[] }>(`/api/v1/entities/person/${personId}/audit`);
    expect(trail.status).toBe(200);
    const accountEntry = trail.body.items.find((e) => e.entityType === 'bank_account');
    const iban = accountEntry?.changes?.find((c) => c.path === '/iban')?.new as string;
    const clear = (account!.data as { iban: string }).iban;
    expect(iban).toHaveLength(clear.length);
    expect(iban.slice(-4)).toBe(clear.slice(-4));
    expect(iban).not.toContain(clear.slice(0, 8));
    expect(trail.body.items.map((e) => `${e.action} ${e.entityType}`).sort()).toEqual([
      'create bank_account',
      'create person',
      'link person',
    ]);
  });
});

describe('a development start', () => {
  it('loads the demo persons through the wiring in createTramit', async () => {
    const dev = await startTestServer({ LOG_LEVEL: 'warn', NODE_ENV: 'development' });
    try {
      const persons = await dev.tramit.db('records').where({ type: 'person' }).count('* as n').first();
      expect(Number(persons!.n)).toBe(demoPersonCount);
    } finally {
      await dev.close();
    }
  }, 120_000);
});
