import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, waitUntil } from '../../../test/engine-harness.js';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { createUser } from '../auth/users-repo.js';

let server: TestServer;
let admin: BrowserSession;
const agents = ['agent-anna', 'agent-bernat', 'agent-carla'];

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  const db = server.tramit.db;
  for (const username of agents) {
    await createUser(db, {
      username,
      displayName: username,
      password: 'pw-agent-correct-horse',
      roles: ['agent'],
    });
  }
  const user = await createTestUser(db, 'admin');
  admin = new BrowserSession(server.url);
  await admin.login(user.username, user.password);
  await server.tramit.engine.deploy([fixture('user-task-wait')]);
});
afterAll(() => server.close());

const assign = (json: unknown) =>
  admin.send<Record<string, unknown>>('/api/v1/assignment/assign', { method: 'POST', json });

async function memberState() {
  const db = server.tramit.db;
  return {
    members: await db('group_members').orderBy(['group_id', 'user_id']).select('group_id', 'user_id'),
    groups: await db('assignment_groups').orderBy('group_id').select('group_id', 'strategy', 'auto_assign'),
    absences: Number((await db('agent_absences').count({ n: '*' }))[0]!.n),
    audit: Number((await db('audit_log').count({ n: '*' }))[0]!.n),
  };
}

describe('groups and strategies', () => {
  it('round-robin cycles through the members; an absent agent is skipped', async () => {
    const put = await admin.send('/api/v1/assignment/groups/desk', {
      method: 'PUT',
      json: { members: agents, strategy: 'round-robin', autoAssign: false },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ id: 'desk', strategy: 'round-robin', autoAssign: false });
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push((await assign({ group: 'desk' })).body.assignee);
    expect(picks).toEqual(['agent-anna', 'agent-bernat', 'agent-carla', 'agent-anna']);

    const absence = await admin.send('/api/v1/assignment/absences', {
      method: 'POST',
      json: {
        username: 'agent-bernat',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        reason: 'holiday',
      },
    });
    expect(absence.status).toBe(201);
    expect((await assign({ group: 'desk' })).body.assignee).toBe('agent-carla');
    const groups = await admin.send<{
      items: { id: string; members: { username: string; absent: boolean }[] }[];
    }>('/api/v1/assignment/groups');
    const desk = groups.body.items.find((g) => g.id === 'desk')!;
    expect(desk.members.filter((m) => m.absent).map((m) => m.username)).toEqual(['agent-bernat']);

    expect(
      (await admin.send(`/api/v1/assignment/absences/${absence.body.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await assign({ group: 'desk' })).body.assignee).toBe('agent-anna');
  });

  it('the assignment rule set picks the group, by type and zone', async () => {
    const response = await assign({
      facts: { case: { type: 'technical_incident', zone: 'north', priority: 'normal' } },
    });
    expect(response.body).toEqual({
      group: 'technical-north',
      strategy: 'least-loaded',
      assignee: null,
      rule: 'incidents-north-zone',
    });
    const urgent = await assign({
      facts: { case: { type: 'technical_incident', zone: 'north', priority: 'urgent' } },
    });
    expect(urgent.body).toMatchObject({
      group: 'field-dispatch',
      rule: 'urgent-incidents-to-field-dispatch',
    });
    const english = await assign({ facts: { case: { type: 'information_request', language: 'en' } } });
    expect(english.body).toMatchObject({ group: 'front-office-en', strategy: 'round-robin' });
  });
});

describe('user tasks with a candidate group', () => {
  it('are given to the least-loaded present member of a group that auto-assigns', async () => {
    const db = server.tramit.db;
    await admin.send('/api/v1/assignment/groups/front-desk', {
      method: 'PUT',
      json: { members: agents, strategy: 'least-loaded', autoAssign: true },
    });
    const bernat = await db('users').where({ username: 'agent-bernat' }).first('id');
    await db('agent_absences').insert({ user_id: bernat.id, starts_at: new Date(Date.now() - 1000) });
    for (let i = 0; i < 4; i++)
      await server.tramit.engine.createInstance({ bpmnProcessId: 'user-task-wait' });
    const tasks = await waitUntil(async () => {
      const rows = await db('user_tasks')
        .where({ bpmn_process_id: 'user-task-wait' })
        .select('key', 'assignee');
      return rows.length === 4 && rows.every((r) => r.assignee) ? rows : undefined;
    });
    const perAgent = Object.fromEntries(agents.map((a) => [a, tasks.filter((t) => t.assignee === a).length]));
    expect(perAgent).toEqual({ 'agent-anna': 2, 'agent-bernat': 0, 'agent-carla': 2 });
    const audited = async () =>
      Number(
        (await db('audit_log').where({ entity_type: 'user-task', action: 'assign' }).count({ n: '*' }))[0]!.n,
      );
    expect(await waitUntil(async () => (await audited()) === 4)).toBe(true);
  });

  it('an explicit call assigns a given task; a closed or unknown task is refused', async () => {
    const db = server.tramit.db;
    const task = await db('user_tasks')
      .where({ bpmn_process_id: 'user-task-wait' })
      .orderBy('key')
      .first('key');
    await server.tramit.engine.completeUserTask(String(task.key));
    expect((await assign({ group: 'desk', userTaskKey: String(task.key) })).status).toBe(409);
    expect((await assign({ group: 'desk', userTaskKey: '999999999' })).status).toBe(404);
  });
});

describe('bad input is a 4xx naming the field, and changes nothing', () => {
  const cases: [string, string, string, unknown, number, string[]][] = [
    [
      'unknown member',
      'PUT',
      '/api/v1/assignment/groups/desk',
      { members: ['agent-anna', 'nobody'] },
      422,
      ['/members/1'],
    ],
    [
      'bad strategy',
      'PUT',
      '/api/v1/assignment/groups/desk',
      { members: [], strategy: 'random' },
      400,
      ['/strategy'],
    ],
    ['bad group id', 'PUT', '/api/v1/assignment/groups/Bad%20Group', { members: [] }, 400, ['group']],
    [
      'absence ending before it starts',
      'POST',
      '/api/v1/assignment/absences',
      { username: 'agent-anna', startsAt: '2026-05-02T10:00:00Z', endsAt: '2026-05-01T10:00:00Z' },
      400,
      ['/endsAt'],
    ],
    [
      'absence of an unknown user',
      'POST',
      '/api/v1/assignment/absences',
      { username: 'nobody', startsAt: '2026-05-02T10:00:00Z' },
      422,
      ['/username'],
    ],
    [
      'absence with a malformed date',
      'POST',
      '/api/v1/assignment/absences',
      { username: 'agent-anna', startsAt: 'tomorrow' },
      400,
      ['/startsAt'],
    ],
    ['assign with neither group nor facts', 'POST', '/api/v1/assignment/assign', {}, 400, ['/facts']],
    [
      'assign with facts no rule matches',
      'POST',
      '/api/v1/assignment/assign',
      { facts: {}, ruleSet: 'case-triage' },
      422,
      ['/facts'],
    ],
  ];
  it.each(cases)('%s', async (_what, method, path, json, status, paths) => {
    const before = await memberState();
    const response = await admin.send<{ errors?: { path: string }[] }>(path, { method, json });
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.errors?.map((e) => e.path)).toEqual(paths);
    expect(await memberState()).toEqual(before);
  });
});
