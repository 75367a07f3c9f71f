import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { appendAudit } from './append-audit.js';
import type { AuditEntry } from './audit-entry.js';

let server: TestServer;
const sessions: Record<'admin' | 'supervisor' | 'agent', BrowserSession> = {} as never;
const person = randomUUID();
const other = randomUUID();

type Page = { items: AuditEntry[]; nextCursor: string | null };

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  const { db } = server.tramit;
  for (const role of ['admin', 'supervisor', 'agent'] as const) {
    const user = await createTestUser(db, role);
    sessions[role] = new BrowserSession(server.url);
    await sessions[role].login(user.username, user.password);
  }
  await db('records').insert(
    [person, other].map((id) => ({
      id,
      type: 'person',
      schema_version: 1,
      data: JSON.stringify({ givenName: 'Anna' }),
    })),
  );
  const account = randomUUID();
  await appendAudit(db, [
    {
      action: 'create',
      entityType: 'person',
      entityId: person,
      actor: { kind: 'user', id: 'u-ana' },
      channel: 'ui',
    },
    {
      action: 'create',
      entityType: 'bank_account',
      entityId: account,
      subjectPersonId: person,
      changes: [{ path: '/iban', new: '********************1332' }],
      actor: { kind: 'client', id: 'billing' },
      channel: 'integration',
    },
    {
      action: 'update',
      entityType: 'person',
      entityId: other,
      actor: { kind: 'user', id: 'u-ana' },
      channel: 'ui',
    },
    ...Array.from({ length: 5 }, (_, i) => ({
      action: 'update',
      entityType: 'person',
      entityId: person,
      changes: [{ path: '/phones/0', old: `+3460000000${i}`, new: `+3460000000${i + 1}` }],
      actor: { kind: 'user' as const, id: 'u-marc' },
      channel: 'api' as const,
    })),
  ]);
});

afterAll(() => server.close());

describe('GET /api/v1/entities/person/{id}/audit', () => {
  it('serves the person’s trail newest first, paged, including records whose subject they are', async () => {
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const res = await sessions.supervisor.send<Page>(`/api/v1/entities/person/${person}/audit${query}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => [e.action, e.entityType, e.actor.id])).toEqual([
      ...Array.from({ length: 5 }, () => ['update', 'person', 'u-marc']),
      ['create', 'bank_account', 'billing'],
      ['create', 'person', 'u-ana'],
    ]);
    const seqs = seen.map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seen.find((e) => e.entityType === 'bank_account')?.changes).toEqual([
      { path: '/iban', new: '********************1332' },
    ]);
    expect(seen.every((e) => e.entityId !== other)).toBe(true);
  });

  it('records who read the trail', async () => {
    const res = await sessions.admin.send<Page>(
      `/api/v1/audit?entityType=person-audit-trail&entityId=${person}`,
    );
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0]).toMatchObject({ action: 'read', channel: 'ui', actor: { kind: 'user' } });
  });

  it('is refused to agents, who may read persons but not their audit trail', async () => {
    const res = await sessions.agent.send(`/api/v1/entities/person/${person}/audit`);
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('audit.read');
  });

  it.each([
    ['an unknown person', `/api/v1/entities/person/${randomUUID()}/audit`, 404, undefined],
    ['an id that is not a uuid', `/api/v1/entities/person/1'%20or%201=1--/audit`, 404, undefined],
    ['a limit over the maximum', `/api/v1/entities/person/${person}/audit?limit=501`, 400, '/limit'],
    ['an unknown parameter', `/api/v1/entities/person/${person}/audit?sort=asc`, 400, '/'],
    ['a forged cursor', `/api/v1/entities/person/${person}/audit?cursor=c2VxOjE7ZHJvcA`, 400, 'cursor'],
  ])('answers %s with a %i problem', async (_what, path, status, field) => {
    const res = await sessions.admin.send<{ errors?: { path: string }[] }>(path);
    expect(res.status).toBe(status);
    if (field) expect(res.body.errors?.map((e) => e.path)).toContain(field);
  });
});

describe('GET /api/v1/audit', () => {
  it.each([
    ['actorId=u-ana', 2],
    ['actorKind=client', 1],
    ['channel=api&action=update', 5],
    [`entityType=person&entityId=${other}`, 1],
    [`subjectPersonId=${person}`, 1],
    ['action=delete', 0],
  ])('filters by %s', async (query, count) => {
    const res = await sessions.admin.send<Page>(`/api/v1/audit?${query}&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(count);
  });

  it('filters by a time range', async () => {
    const all = await sessions.admin.send<Page>('/api/v1/audit?limit=500');
    const at = all.body.items.at(-1)!.at;
    const before = await sessions.admin.send<Page>(`/api/v1/audit?to=${encodeURIComponent(at)}`);
    expect(before.body.items).toHaveLength(0);
    const later = new Date(Date.parse(at) + 3_600_000).toISOString();
    const after = await sessions.admin.send<Page>(`/api/v1/audit?from=${encodeURIComponent(later)}`);
    expect(after.body.items).toHaveLength(0);
    const within = await sessions.admin.send<Page>(`/api/v1/audit?from=${encodeURIComponent(at)}&limit=500`);
    expect(within.body.items).toHaveLength(all.body.items.length);
  });

  it.each([
    ['from=yesterday', '/from'],
    ['channel=fax', '/channel'],
    ["actorId='%3B%20drop%20table%20audit_log%3B--&limit=0", '/limit'],
  ])('rejects %s naming the field', async (query, field) => {
    const res = await sessions.admin.send<{ errors: { path: string }[] }>(`/api/v1/audit?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.path)).toContain(field);
  });

  it('treats SQL metacharacters in values as plain text', async () => {
    const res = await sessions.admin.send<Page>(
      `/api/v1/audit?actorId=${encodeURIComponent("u-ana' or '1'='1")}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('is refused to agents', async () => {
    expect((await sessions.agent.send('/api/v1/audit')).status).toBe(403);
  });
});

describe('GET /api/v1/audit/verify', () => {
  it('reports an intact chain, then names the entry a superuser altered, then intact once restored', async () => {
    const { db } = server.tramit;
    const intact = await sessions.supervisor.send<{ ok: boolean; checked: number }>('/api/v1/audit/verify');
    expect(intact.body).toMatchObject({ ok: true });
    expect(intact.body.checked).toBeGreaterThanOrEqual(8);

    const tamper = (sql: string) =>
      db.transaction(async (trx) => {
        await trx.raw('alter table audit_log disable trigger audit_log_no_change');
        await trx.raw(sql);
        await trx.raw('alter table audit_log enable trigger audit_log_no_change');
      });
    const target = await db('audit_log').where({ actor_id: 'u-marc' }).orderBy('seq').first('seq');
    const seq = Number(target!.seq);
    await tamper(`update audit_log set actor_id = 'u-nobody' where seq = ${seq}`);
    const broken = await sessions.supervisor.send('/api/v1/audit/verify');
    expect(broken.body).toMatchObject({
      ok: false,
      checked: seq - 1,
      firstBroken: { seq: String(seq), reason: 'content' },
    });
    await tamper(`update audit_log set actor_id = 'u-marc' where seq = ${seq}`);
    expect((await sessions.supervisor.send('/api/v1/audit/verify')).body).toMatchObject({ ok: true });
    expect((await sessions.agent.send('/api/v1/audit/verify')).status).toBe(403);
  });

  it('checks ?expectHead=seq:hash, a witness kept outside the database, and refuses a malformed one', async () => {
    const { db } = server.tramit;
    const head = (await db('audit_log').orderBy('seq', 'desc').first('seq', 'hash')) as {
      seq: string;
      hash: string;
    };
    const reached = await sessions.supervisor.send(
      `/api/v1/audit/verify?expectHead=${head.seq}:${head.hash}`,
    );
    expect(reached.body).toMatchObject({ ok: true });
    const beyond = `${BigInt(head.seq) + 1_000n}:${head.hash}`;
    const truncated = await sessions.supervisor.send(`/api/v1/audit/verify?expectHead=${beyond}`);
    expect(truncated.body).toMatchObject({
      ok: false,
      firstBroken: { seq: String(BigInt(head.seq) + 1_000n), reason: 'truncated' },
    });
    const malformed = await sessions.supervisor.send('/api/v1/audit/verify?expectHead=12');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [{ path: '/expectHead' }] });
  });
});
