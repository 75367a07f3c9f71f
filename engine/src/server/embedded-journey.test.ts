import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser, request, type JsonResponse } from '../../test/http-client.js';
import { testDbKind } from '../../test/test-databases.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { findInRepository } from '../infra/config/find-up.js';

/**
 * The CRM's first actions as a new user meets them, on the embedded database (PGlite, one
 * connection) and on PostgreSQL with a pool of one: none may wait on itself. Each step answers in
 * under a second while `/ready` keeps answering; code that asks the pool for a second connection
 * while holding one fails here on either database.
 */
let server: TestServer;
let admin: BrowserSession;

beforeAll(async () => {
  server = await startTestServer({
    LOG_LEVEL: 'warn',
    ...(testDbKind() === 'postgres' ? { DATABASE_POOL_MAX: '1' } : {}),
  });
  const user = await createTestUser(server.tramit.db, 'admin');
  admin = new BrowserSession(server.url);
  await admin.login(user.username, user.password);
});
afterAll(() => server.close());

const stepLimitMs = 1_000;

/** Steps (or `/ready` probes during them) that took longer than the limit, by name. */
const slow: string[] = [];

/** Runs `step` while probing `/ready`; a step or probe over the limit is noted in `slow`. */
async function timed<T>(name: string, step: () => Promise<JsonResponse<T>>): Promise<JsonResponse<T>> {
  const started = performance.now();
  const ready = (async () => {
    const response = await request(`${server.url}/ready`);
    return { status: response.status, ms: performance.now() - started };
  })();
  const response = await step();
  const elapsed = performance.now() - started;
  const probe = await ready;
  expect(probe.status).toBe(200);
  if (elapsed >= stepLimitMs) slow.push(`${name}: ${Math.round(elapsed)} ms`);
  if (probe.ms >= stepLimitMs) slow.push(`/ready during ${name}: ${Math.round(probe.ms)} ms`);
  return response;
}

const post = <T = Record<string, unknown>>(path: string, json: unknown) =>
  admin.send<T>(path, { method: 'POST', json });

describe(`the CRM's first actions on ${testDbKind() === 'pglite' ? 'PGlite' : 'PostgreSQL with a pool of one'}`, () => {
  let personId: string;
  let caseId: string;

  it('creates a person, a case and an interaction', async () => {
    const person = await timed('create a person', () =>
      post<{ id: string }>('/api/v1/entities/person', {
        kind: 'natural',
        punctual: true,
        freeName: 'Laia Ferrer',
      }),
    );
    expect(person.status).toBe(201);
    personId = person.body.id;
    const created = await timed('create a case', () =>
      post<{ id: string }>('/api/v1/entities/case', {
        type: 'technical_incident',
        status: 'open',
        priority: 'high',
        channel: 'phone',
        subject: 'Sense aigua al carrer Major',
        personId,
      }),
    );
    expect(created.status).toBe(201);
    caseId = created.body.id;
    const interaction = await timed('log an interaction', () =>
      post('/api/v1/entities/interaction', {
        channel: 'phone',
        direction: 'inbound',
        occurredAt: new Date().toISOString(),
        personId,
        caseId,
      }),
    );
    expect(interaction.status).toBe(201);
    expect(slow).toEqual([]);
  });

  it('completes a case-lifecycle user task', async () => {
    const bpmn = readFileSync(findInRepository('definitions/bpmn/case-lifecycle.bpmn')!, 'utf8');
    const form = new FormData();
    form.append('resources', new Blob([bpmn], { type: 'application/xml' }), 'case-lifecycle.bpmn');
    const deployed = await admin.send('/v2/deployments', { method: 'POST', body: form });
    expect(deployed.status).toBe(200);
    const started = await timed('start case-lifecycle', () =>
      post<{ processInstanceKey: string }>('/v2/process-instances', {
        processDefinitionId: 'case-lifecycle',
        variables: { caseId },
      }),
    );
    expect(started.status).toBe(200);
    const task = await waitForTask(started.body.processInstanceKey, 'work');
    const completed = await timed('complete its task', () =>
      post(`/v2/user-tasks/${task}/completion`, { variables: { outcome: 'needs_information' } }),
    );
    expect(completed.status).toBe(204);
    expect(await waitForTask(started.body.processInstanceKey, 'citizen-replied', true)).toBeTruthy();
    expect(slow).toEqual([]);
  });

  it('publishes an SLA policy', async () => {
    const policy = JSON.parse(readFileSync(findInRepository('definitions/sla/complaints.json')!, 'utf8'));
    const saved = await timed('save an SLA policy draft', () =>
      admin.send('/api/v1/sla-policies/complaints/draft', {
        method: 'PUT',
        json: { ...policy, warningThresholds: [0.6, 0.8] },
      }),
    );
    expect(saved.status).toBeLessThan(300);
    const published = await timed('publish it', () => post('/api/v1/sla-policies/complaints/publish', {}));
    expect(published.status).toBeLessThan(300);
    expect(slow).toEqual([]);
  });
});

/** The key of the instance's open user task at `elementId` (or, with `anyElement`, that it waits there). */
async function waitForTask(instanceKey: string, elementId: string, anyElement = false): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (anyElement) {
      const active = await post<{ items: { elementId: string; state: string }[] }>(
        '/v2/element-instances/search',
        {
          filter: { processInstanceKey: instanceKey, elementId },
        },
      );
      const found = active.body.items?.find((e) => e.state === 'ACTIVE');
      if (found) return found.elementId;
    } else {
      const tasks = await post<{ items: { userTaskKey: string; elementId: string }[] }>(
        '/v2/user-tasks/search',
        {
          filter: { processInstanceKey: instanceKey, elementId, state: 'CREATED' },
        },
      );
      const found = tasks.body.items?.[0];
      if (found) return found.userTaskKey;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no open ${elementId} in instance ${instanceKey}`);
}
