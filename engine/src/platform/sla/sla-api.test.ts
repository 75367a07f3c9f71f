import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../test/engine-harness.js';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import type { SlaRecordChange } from './record-clocks.js';

let server: TestServer;
let manager: BrowserSession;
const caseId = '7d1e0c2a-0000-4000-8000-000000000001';
const incident = { type: 'technical_incident', status: 'open', priority: 'normal', area: 'water' };

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  const user = await createTestUser(server.tramit.db, 'supervisor');
  manager = new BrowserSession(server.url);
  await manager.login(user.username, user.password);
});
afterAll(() => server.close());

async function change(input: SlaRecordChange) {
  await server.tramit.db.transaction((trx) => server.tramit.sla.sla.onRecordChange(input, trx));
}

describe('SLA clocks through the running server', () => {
  it('a due warning reaches a waiting process as the message sla.warning, correlated by the record id', async () => {
    const { engine, db } = server.tramit;
    const content = readFileSync(new URL('./fixtures/sla-warning-wait.bpmn', import.meta.url), 'utf8');
    await engine.deploy([{ name: 'sla-warning-wait.bpmn', content }]);
    const instance = await engine.createInstance({
      bpmnProcessId: 'sla-warning-wait',
      variables: { caseId },
    });
    await change({ entityType: 'case', id: caseId, action: 'create', before: null, after: incident });
    const clock = await db('sla_clocks').where({ record_id: caseId, metric: 'first_response' }).first();
    expect(clock).toMatchObject({
      policy_id: 'technical-incidents',
      calendar_id: 'field-24x7',
      target: 'PT4H',
    });
    await db('sla_clocks')
      .where({ id: clock.id })
      .update({ elapsed_ms: Math.round(Number(clock.target_ms) * 0.6), next_event_at: new Date() });
    await waitUntil(async () => {
      const row = await db('process_instances').where({ key: instance.processInstanceKey }).first('state');
      return row?.state === 'COMPLETED';
    });
    const outbox = await waitUntil(async () => {
      const rows = await db('sla_outbox').where({ correlation_key: caseId });
      return rows.every((r) => r.published_at) && rows;
    });
    expect(outbox).toEqual([
      expect.objectContaining({ message_name: 'sla.warning', published_at: expect.any(Date) }),
    ]);
  });

  it('lists the clocks and the SLA timeline of a record', async () => {
    const clocks = await manager.send<{ items: { metric: string; status: string; target: string }[] }>(
      `/api/v1/sla/clocks?recordType=case&recordId=${caseId}`,
    );
    expect(clocks.body.items.map((c) => `${c.metric} ${c.status} ${c.target}`)).toEqual([
      'first_response running PT4H',
      'resolution running PT48H',
    ]);
    const events = await manager.send<{ items: { metric: string; event: string }[] }>(
      `/api/v1/sla/events?recordType=case&recordId=${caseId}`,
    );
    expect(events.body.items.map((e) => `${e.metric}:${e.event}`)).toEqual([
      'first_response:started',
      'resolution:started',
      'first_response:warning',
    ]);
  });

  it('reports compliance per priority once the case is resolved', async () => {
    await change({
      entityType: 'case',
      id: caseId,
      action: 'update',
      before: incident,
      after: { ...incident, status: 'resolved' },
    });
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const report = await manager.send<{ items: Record<string, unknown>[] }>(
      `/api/v1/reports/sla-compliance?from=${from}&to=${to}&groupBy=priority`,
    );
    expect(report.status).toBe(200);
    expect(report.body.items).toEqual([
      expect.objectContaining({
        group: 'normal',
        metric: 'first_response',
        clocks: 1,
        met: 1,
        breached: 0,
        compliance: 1,
      }),
      expect.objectContaining({
        group: 'normal',
        metric: 'resolution',
        clocks: 1,
        met: 1,
        open: 0,
        compliance: 1,
      }),
    ]);
    await waitUntil(async () => {
      const met = await server.tramit
        .db('sla_outbox')
        .where({ correlation_key: caseId, message_name: 'sla.met' });
      return met.length === 2 && met.every((m) => m.published_at);
    });
    const messages = await server.tramit.db('messages').where({ correlation_key: caseId }).select('name');
    expect(messages.map((m) => m.name)).toEqual(['sla.warning']);
    const first = report.body.items[0] as { averageBusinessSeconds: number; averageCalendarSeconds: number };
    expect(first.averageBusinessSeconds).toBeGreaterThanOrEqual(0.6 * 4 * 3600);
    expect(first.averageCalendarSeconds).toBeLessThan(60);
  });

  it.each([
    ['/api/v1/reports/sla-compliance?from=2026-01-01&to=2026-02-01&groupBy=colour', 'groupBy'],
    ['/api/v1/reports/sla-compliance?from=soon&to=2026-02-01', 'from'],
    ['/api/v1/reports/sla-compliance?from=2026-02-01&to=2026-01-01', 'to'],
    ['/api/v1/reports/sla-compliance?from=2020-01-01&to=2026-01-01', 'to'],
    ['/api/v1/sla/clocks?recordType=case', 'recordId'],
  ])('%s is a 400 naming %s', async (path, name) => {
    const response = await manager.send(path);
    expect(response.status).toBe(400);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain(name);
  });
});
