import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { createUser } from '../auth/users-repo.js';

let server: TestServer;
let supervisor: BrowserSession;
let agent: BrowserSession;
let personId: string;

async function signIn(username: string, role: 'supervisor' | 'agent'): Promise<BrowserSession> {
  const user = await createUser(server.tramit.db, {
    username,
    displayName: username,
    password: 'pw-correct-horse-1',
    roles: [role],
  });
  const session = new BrowserSession(server.url);
  await session.login(username, 'pw-correct-horse-1');
  if (role === 'supervisor')
    await server.tramit.db('group_members').insert({ group_id: 'supervisors', user_id: user.id });
  return session;
}

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  supervisor = await signIn('sup-marta', 'supervisor');
  agent = await signIn('agent-jordi', 'agent');
  personId = (
    await server.tramit.entities.create('person', { kind: 'natural', punctual: true, freeName: 'Núria Puig' })
  ).id;
});
afterAll(() => server.close());

const newCase = (extra: object = {}) =>
  server.tramit.entities.create('case', {
    type: 'technical_incident',
    status: 'open',
    priority: 'normal',
    channel: 'phone',
    subject: 'Sense aigua',
    personId,
    assignee: 'agent-jordi',
    ...extra,
  });

type Listing = {
  unread: number;
  items: { id: string; kind: string; occurrences: number; entityId: string; title: { en: string } }[];
};
const inbox = (session: BrowserSession, query = '') => session.send<Listing>(`/api/v1/notifications${query}`);

describe('alerts on record events', () => {
  it('a person with three open incidents raises one notification to the supervisors, de-duplicated', async () => {
    await newCase();
    await newCase();
    expect((await inbox(supervisor)).body.items).toEqual([]);
    await newCase();
    const first = await inbox(supervisor);
    expect(first.body.unread).toBe(1);
    expect(first.body.items[0]).toMatchObject({
      kind: 'repeated-incidents',
      entityId: personId,
      occurrences: 1,
    });
    expect(first.body.items[0]!.title.en).toBe('Person with three or more open incidents');

    await newCase();
    const again = await inbox(supervisor);
    expect(again.body.items).toHaveLength(1);
    expect(again.body.items[0]!.occurrences).toBe(2);
    expect((await inbox(agent)).body.items).toEqual([]);

    const read = await supervisor.send('/api/v1/notifications/read', {
      method: 'POST',
      json: { ids: [again.body.items[0]!.id] },
    });
    expect(read.body).toEqual({ marked: 1 });
    await newCase();
    const afterRead = await inbox(supervisor, '?unread=true');
    expect(afterRead.body).toEqual({ unread: 0, items: [] });
  });

  it('an SLA warning notifies the assignee and the supervisors', async () => {
    const theCase = await newCase({ type: 'complaint' });
    await server.tramit.alerts.onSlaEvent({
      name: 'sla.warning',
      correlationKey: theCase.id,
      variables: { slaMetric: 'resolution', slaThreshold: 0.75 },
    });
    for (const session of [agent, supervisor]) {
      const items = (await inbox(session, '?unread=true')).body.items;
      expect(items.map((i) => [i.kind, i.entityId])).toContainEqual(['sla-at-risk', theCase.id]);
    }
  });

  it('an SLA breach is a critical notification', async () => {
    const theCase = await newCase({ type: 'claim' });
    await server.tramit.alerts.onSlaEvent({
      name: 'sla.breached',
      correlationKey: theCase.id,
      variables: {},
    });
    const row = await server.tramit
      .db('notifications')
      .where({ kind: 'sla-breached', entity_id: theCase.id })
      .first();
    expect(row).toMatchObject({ severity: 'critical' });
  });

  it('the sweep notifies the assignee of a case waiting five days for documents', async () => {
    const waiting = await newCase({ type: 'information_request', status: 'pending_information' });
    const fresh = await newCase({ type: 'information_request', status: 'pending_information' });
    await server.tramit
      .db('records')
      .where({ id: waiting.id })
      .update({ updated_at: new Date(Date.now() - 6 * 86_400_000) });
    await server.tramit.alerts.sweep();
    await server.tramit.alerts.sweep();
    const overdue = (await inbox(agent)).body.items.filter((i) => i.kind === 'documents-overdue');
    expect(overdue.map((i) => [i.entityId, i.occurrences])).toEqual([[waiting.id, 2]]);
    expect(overdue.some((i) => i.entityId === fresh.id)).toBe(false);
  });

  it('read-all marks everything read', async () => {
    expect((await agent.send('/api/v1/notifications/read-all', { method: 'POST' })).status).toBe(200);
    expect((await inbox(agent)).body.unread).toBe(0);
  });
});

describe('bad input', () => {
  const cases: [string, string, string, unknown, string[]][] = [
    ['limit out of range', 'GET', '/api/v1/notifications?limit=0', undefined, ['/limit']],
    ['unknown query parameter', 'GET', '/api/v1/notifications?colour=red', undefined, ['/']],
    ['ids that are not UUIDs', 'POST', '/api/v1/notifications/read', { ids: ['x'] }, ['/ids/0']],
    ['no ids', 'POST', '/api/v1/notifications/read', { ids: [] }, ['/ids']],
  ];
  it.each(cases)('%s → 400 naming the field, nothing marked', async (_what, method, path, json, paths) => {
    const before = await server.tramit.db('notifications').whereNotNull('read_at').count({ n: '*' });
    const response = await supervisor.send<{ errors: { path: string }[] }>(path, {
      method,
      ...(json ? { json } : {}),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.path)).toEqual(paths);
    expect(await server.tramit.db('notifications').whereNotNull('read_at').count({ n: '*' })).toEqual(before);
  });
});
