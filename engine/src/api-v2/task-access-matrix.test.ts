import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../platform/auth/roles.js';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { BrowserSession, createTestUser, type JsonResponse } from '../../test/http-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

/**
 * Roles × endpoints × ownership: what each caller may do to, and read of, a user task and its
 * instance's variables. People sign in with a session; `machine` is an integration's OAuth client
 * and `admin-machine` a client with the admin role.
 */
type Caller = 'admin' | 'supervisor' | 'agent' | 'manager' | 'machine' | 'admin-machine';
type Ownership = 'assignee' | 'candidate-group' | 'candidate-user' | 'not-candidate' | 'assigned-other';
type Command = 'complete' | 'claim' | 'assign-other' | 'unassign';

const people = ['admin', 'supervisor', 'agent', 'manager'] as const satisfies readonly Role[];
const callers: Caller[] = [...people, 'machine', 'admin-machine'];
const ownerships: Ownership[] = [
  'assignee',
  'candidate-group',
  'candidate-user',
  'not-candidate',
  'assigned-other',
];
const commands: Command[] = ['complete', 'claim', 'assign-other', 'unassign'];

const ok = 204;
const no = 403;
const row = (...statuses: number[]) =>
  Object.fromEntries(ownerships.map((o, i) => [o, statuses[i]!])) as Record<Ownership, number>;
const all = (status: number) => row(status, status, status, status, status);
/** An agent's rights: its own task, or an unassigned one it is a candidate of. */
const selfService = row(ok, ok, ok, no, no);

const commandMatrix: Record<Caller, Record<Command, Record<Ownership, number>>> = {
  admin: { complete: all(ok), claim: all(ok), 'assign-other': all(ok), unassign: all(ok) },
  supervisor: { complete: all(ok), claim: all(ok), 'assign-other': all(ok), unassign: all(ok) },
  agent: { complete: selfService, claim: selfService, 'assign-other': all(no), unassign: selfService },
  // Managers and integrations do not work tasks (no tasks.work).
  manager: { complete: all(no), claim: all(no), 'assign-other': all(no), unassign: all(no) },
  machine: { complete: all(no), claim: all(no), 'assign-other': all(no), unassign: all(no) },
  'admin-machine': { complete: all(ok), claim: all(ok), 'assign-other': all(ok), unassign: all(ok) },
};

/** Acts allowed only by the override (admins and supervisors, on a task that is not theirs to take). */
const overrides: Record<Caller, Ownership[]> = {
  admin: ['not-candidate', 'assigned-other'],
  supervisor: ['not-candidate', 'assigned-other'],
  agent: [],
  manager: [],
  machine: [],
  'admin-machine': ownerships,
};

type Seen = 'clear' | 'masked' | 'none';
type ReadEndpoint = 'variables/search' | 'variables/{key}' | 'user-tasks/{key}/variables/search';
const readEndpoints: ReadEndpoint[] = [
  'variables/search',
  'variables/{key}',
  'user-tasks/{key}/variables/search',
];
const same = (seen: Seen) => Object.fromEntries(ownerships.map((o) => [o, seen])) as Record<Ownership, Seen>;
const agentSees = (own: Seen): Record<Ownership, Seen> => ({
  assignee: own,
  'candidate-group': 'masked',
  'candidate-user': 'masked',
  'not-candidate': 'none',
  'assigned-other': 'none',
});
/** What each caller sees of the instance's sensitive variables (none: not at all). */
const readMatrix: Record<Caller, Record<ReadEndpoint, Record<Ownership, Seen>>> = {
  admin: {
    'variables/search': same('clear'),
    'variables/{key}': same('clear'),
    'user-tasks/{key}/variables/search': same('clear'),
  },
  supervisor: {
    'variables/search': same('masked'),
    'variables/{key}': same('masked'),
    'user-tasks/{key}/variables/search': { ...same('masked'), assignee: 'clear' },
  },
  agent: {
    'variables/search': agentSees('masked'),
    'variables/{key}': agentSees('masked'),
    'user-tasks/{key}/variables/search': agentSees('clear'),
  },
  manager: {
    'variables/search': same('masked'),
    'variables/{key}': same('masked'),
    // A task's assignee reads its own task's variables, whatever its role.
    'user-tasks/{key}/variables/search': { ...same('masked'), assignee: 'clear' },
  },
  machine: {
    'variables/search': same('clear'),
    'variables/{key}': same('clear'),
    'user-tasks/{key}/variables/search': same('clear'),
  },
  'admin-machine': {
    'variables/search': same('clear'),
    'variables/{key}': same('clear'),
    'user-tasks/{key}/variables/search': same('clear'),
  },
};

const secrets = {
  iban: 'ES9121000418450200051332', // tramit:sensitiveVariables="iban, dni*"
  dniNumber: '12345678Z',
  userPassword: 'hunter2', // TRAMIT_SENSITIVE_VARIABLES below
  phoneMobile: '+34612345678',
};
const plain = { topic: 'street light' };

let server: TestServer;
let adminToken: string;
const identities = {} as Record<Caller, { name: string | null; send: Send }>;
const browsers = {} as Record<(typeof people)[number], BrowserSession>;
type Send = (method: string, path: string, json?: unknown) => Promise<JsonResponse>;

function sessionSender(browser: BrowserSession): Send {
  return (method, path, json) =>
    browser.send(`/v2${path}`, { method, ...(json === undefined ? {} : { json }) });
}
function tokenSender(token: string): Send {
  return (method, path, json) => v2(server, token, method, path, json);
}

/** A new instance whose task stands in `ownership` to `caller`; returns the task's key. */
async function taskFor(caller: Caller, ownership: Ownership): Promise<{ task: string; instance: string }> {
  const name = identities[caller].name ?? 'nobody-in-particular';
  const group = `grp-${caller}`;
  const parties: Record<Ownership, { reviewer: string | null; groups: string[]; users: string[] }> = {
    assignee: { reviewer: name, groups: [], users: [] },
    'candidate-group': { reviewer: null, groups: ['elsewhere', group], users: [] },
    'candidate-user': { reviewer: null, groups: ['elsewhere'], users: [name] },
    'not-candidate': { reviewer: null, groups: ['elsewhere'], users: ['someone-else'] },
    'assigned-other': { reviewer: 'someone-else', groups: [group], users: [name] },
  };
  const created = await v2(server, adminToken, 'POST', '/process-instances', {
    processDefinitionId: 'guarded-review',
    variables: { ...parties[ownership], ...secrets, ...plain },
  });
  expect(created.status).toBe(200);
  const instance = created.body.processInstanceKey as string;
  const tasks = await v2<{ items: { userTaskKey: string }[] }>(
    server,
    adminToken,
    'POST',
    '/user-tasks/search',
    {
      filter: { processInstanceKey: instance },
    },
  );
  return { task: tasks.body.items[0]!.userTaskKey, instance };
}

beforeAll(async () => {
  server = await startTestServer({ TRAMIT_SENSITIVE_VARIABLES: '*password*, phone*' });
  ({ token: adminToken } = await sdkAccess(server));
  await deployFiles(server, adminToken, [await fixtureFile('guarded-review.bpmn')]);
  let admin: BrowserSession | undefined;
  for (const role of people) {
    const user = await createTestUser(server.tramit.db, role);
    const browser = new BrowserSession(server.url);
    expect((await browser.login(user.username, user.password)).status).toBe(200);
    identities[role] = { name: user.username, send: sessionSender(browser) };
    browsers[role] = browser;
    if (role === 'admin') admin = browser;
  }
  for (const role of people) {
    const put = await admin!.send(`/api/v1/assignment/groups/grp-${role}`, {
      method: 'PUT',
      json: { members: [identities[role].name], autoAssign: false },
    });
    expect(put.status).toBe(200);
  }
  identities.machine = {
    name: null,
    send: tokenSender((await sdkAccess(server, { roles: ['integration'] })).token),
  };
  identities['admin-machine'] = { name: null, send: tokenSender(adminToken) };
}, 120_000);
afterAll(() => server.close());

function commandRequest(caller: Caller, command: Command, task: string): Parameters<Send> {
  const self = identities[caller].name ?? 'a-machine';
  if (command === 'complete')
    return ['POST', `/user-tasks/${task}/completion`, { variables: { done: true } }];
  if (command === 'claim') return ['POST', `/user-tasks/${task}/assignment`, { assignee: self }];
  if (command === 'assign-other') return ['POST', `/user-tasks/${task}/assignment`, { assignee: 'newcomer' }];
  return ['DELETE', `/user-tasks/${task}/assignee`];
}

async function taskState(task: string) {
  const found = await v2(server, adminToken, 'GET', `/user-tasks/${task}`);
  return { state: found.body.state, assignee: found.body.assignee };
}

async function overrideEntries(task: string) {
  return server.tramit
    .db('audit_log')
    .where({ entity_type: 'user-task', entity_id: task })
    .select('action', 'actor_kind', 'actor_id', 'changes');
}

describe.each(callers)('%s', (caller) => {
  describe.each(commands)('%s', (command) => {
    it.each(ownerships)('a task where the caller is %s', async (ownership) => {
      const { task } = await taskFor(caller, ownership);
      const before = await taskState(task);
      const response = await identities[caller].send(...commandRequest(caller, command, task));
      const expected = commandMatrix[caller][command][ownership];
      expect(response.status, JSON.stringify(response.body)).toBe(expected);

      const after = await taskState(task);
      const audited = await overrideEntries(task);
      if (expected === no) {
        expect(after).toEqual(before);
        expect(audited).toEqual([]);
        return;
      }
      if (command === 'complete') expect(after.state).toBe('COMPLETED');
      else
        expect(after.assignee).toBe(
          command === 'unassign'
            ? null
            : command === 'claim'
              ? (identities[caller].name ?? 'a-machine')
              : 'newcomer',
        );
      const overridden =
        overrides[caller].includes(ownership) ||
        // Assigning to someone else is the supervisor's act whoever holds the task.
        (command === 'assign-other' && expected === ok);
      if (!overridden) {
        expect(audited).toEqual([]);
        return;
      }
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        action: `user-task.${command === 'complete' ? 'complete' : command === 'unassign' ? 'unassign' : 'assign'}.override`,
        actor_kind: identities[caller].name ? 'user' : 'client',
      });
      expect(audited[0]!.changes[0]).toMatchObject({ path: '/assignee', old: before.assignee });
    });
  });

  describe.each(readEndpoints)('reads %s', (endpoint) => {
    it.each(ownerships)('of an instance where the caller is %s', async (ownership) => {
      const { task, instance } = await taskFor(caller, ownership);
      const expected = readMatrix[caller][endpoint][ownership];
      const seen = await readVariables(caller, endpoint, task, instance);
      if (expected === 'none') {
        expect(seen.status).toBe(endpoint === 'variables/search' ? 200 : 403);
        expect(seen.values).toEqual({});
        if (seen.status === 403) expect(String(seen.detail)).toMatch(/only while you have a user task in it/);
        return;
      }
      expect(seen.status).toBe(200);
      expect(seen.values.topic).toBe(JSON.stringify(plain.topic));
      for (const [name, value] of Object.entries(secrets)) {
        if (expected === 'clear') expect(seen.values[name], name).toBe(JSON.stringify(value));
        else expect(seen.values[name], name).toBe(JSON.stringify('•'.repeat(JSON.stringify(value).length)));
      }
    });
  });
});

/** The instance's variables (name → JSON text) as the caller reads them through one endpoint. */
async function readVariables(caller: Caller, endpoint: ReadEndpoint, task: string, instance: string) {
  const send = identities[caller].send;
  if (endpoint === 'variables/{key}') {
    const keys = await v2<{ items: { name: string; variableKey: string }[] }>(
      server,
      adminToken,
      'POST',
      '/variables/search',
      { filter: { processInstanceKey: instance }, page: { limit: 100 } },
    );
    const values: Record<string, string> = {};
    let last: JsonResponse | undefined;
    for (const { name, variableKey } of keys.body.items) {
      last = await send('GET', `/variables/${variableKey}`);
      if (last.status === 200) values[name] = last.body.value as string;
    }
    return { status: last!.status, values, detail: last!.body.detail };
  }
  const path = endpoint === 'variables/search' ? '/variables/search' : `/user-tasks/${task}/variables/search`;
  const body = endpoint === 'variables/search' ? { filter: { processInstanceKey: instance } } : {};
  const found = await send('POST', path, { ...body, page: { limit: 100 } });
  const items = (found.body.items ?? []) as { name: string; value: string }[];
  return {
    status: found.status,
    values: Object.fromEntries(items.map((item) => [item.name, item.value])),
    detail: found.body.detail,
  };
}

describe('why a caller is refused', () => {
  it('names the assignee, or the candidates, in the 403', async () => {
    const assigned = await taskFor('agent', 'assigned-other');
    const refused = await identities.agent.send(...commandRequest('agent', 'complete', assigned.task));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ title: 'FORBIDDEN' });
    expect(String(refused.body.detail)).toContain("assigned to 'someone-else'");
    const unassigned = await taskFor('agent', 'not-candidate');
    const notCandidate = await identities.agent.send(...commandRequest('agent', 'claim', unassigned.task));
    expect(String(notCandidate.body.detail)).toContain('groups: elsewhere; users: someone-else');
  });

  it('an agent may not have a task assigned by rule either', async () => {
    const { task } = await taskFor('agent', 'candidate-group');
    const refused = await browsers.agent.send('/api/v1/assignment/assign', {
      method: 'POST',
      json: { group: 'grp-agent', userTaskKey: task },
    });
    expect(refused.status).toBe(403);
    expect((await taskState(task)).assignee).toBeNull();
    const picked = await browsers.supervisor.send('/api/v1/assignment/assign', {
      method: 'POST',
      json: { group: 'grp-agent', userTaskKey: task },
    });
    expect(picked.status).toBe(200);
    expect((await taskState(task)).assignee).toBe(identities.agent.name);
  });

  it('the task-local variable is among a task’s variables', async () => {
    const { task } = await taskFor('agent', 'assignee');
    const found = await identities.agent.send('POST', `/user-tasks/${task}/variables/search`, {
      filter: { name: 'localNote' },
    });
    expect(found.body.items).toMatchObject([{ name: 'localNote', value: '"checked"' }]);
  });
});

describe('a value filter cannot tell a sensitive value it may not read', () => {
  const iban = JSON.stringify(secrets.iban);
  const count = async (caller: Caller, path: string, body: unknown) => {
    const found = await identities[caller].send('POST', path, body);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    return (found.body.items as unknown[]).length;
  };

  it.each([
    ['agent', 0],
    ['supervisor', 0],
    ['admin', 1],
    ['machine', 1],
  ] as const)('%s: variables, process instances and user tasks by value', async (caller, matches) => {
    const { instance } = await taskFor(caller, 'candidate-group');
    const byValue = (name: string, value: string) => ({
      filter: { processInstanceKey: instance, name, value },
    });
    expect(await count(caller, '/variables/search', byValue('iban', iban))).toBe(matches);
    expect(await count(caller, '/variables/search', byValue('userPassword', '"hunter2"'))).toBe(matches);
    expect(await count(caller, '/variables/search', byValue('topic', '"street light"'))).toBe(1);
    const sorted = await identities[caller].send('POST', '/variables/search', {
      filter: { processInstanceKey: instance },
      sort: [{ field: 'value' }],
    });
    expect(sorted.status).toBe(200);
    expect(
      await count(caller, '/process-instances/search', {
        filter: { processInstanceKey: instance, variables: [{ name: 'iban', value: iban }] },
      }),
    ).toBe(matches);
    expect(
      await count(caller, '/user-tasks/search', {
        filter: {
          processInstanceKey: instance,
          processInstanceVariables: [{ name: 'dniNumber', value: '"12345678Z"' }],
        },
      }),
    ).toBe(matches);
    expect(
      await count(caller, '/user-tasks/search', {
        filter: { processInstanceKey: instance, localVariables: [{ name: 'localNote', value: '"checked"' }] },
      }),
    ).toBe(1);
  });
});
