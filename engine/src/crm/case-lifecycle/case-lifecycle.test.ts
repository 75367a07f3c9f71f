import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitUntil, type EngineHarness } from '../../../test/engine-harness.js';
import { createUser } from '../../platform/auth/users-repo.js';

const bpmnFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../definitions/bpmn/case-lifecycle.bpmn',
);

let h: EngineHarness;
let caseId: string;
let instanceKey: string;

beforeAll(async () => {
  h = await startEngineHarness();
  const { db, tramit } = { db: h.db, tramit: h.server.tramit };
  const agent = await createUser(db, {
    username: 'agent-pau',
    displayName: 'Pau',
    password: 'pw-correct-horse-2',
    roles: ['agent'],
  });
  await db('group_members').insert({ group_id: 'field-dispatch', user_id: agent.id });
  await db('assignment_groups').insert({
    group_id: 'field-dispatch',
    strategy: 'least-loaded',
    auto_assign: true,
  });
  const person = await tramit.entities.create('person', {
    kind: 'natural',
    punctual: true,
    freeName: 'Marc Soler',
  });
  const created = await tramit.entities.create('case', {
    type: 'technical_incident',
    status: 'open',
    priority: 'high',
    channel: 'phone',
    zone: 'north',
    subject: 'Fuita al carrer Major',
    personId: person.id,
  });
  caseId = created.id;
  const deployment = await h.engine.deploy([
    { name: 'case-lifecycle.bpmn', content: readFileSync(bpmnFile, 'utf8') },
  ]);
  expect(deployment.processes.map((p) => p.bpmnProcessId)).toEqual(['case-lifecycle']);
});
afterAll(() => h.close());

const activeSteps = async () =>
  (await h.activeElements(instanceKey)).filter((id) => id !== 'case-lifecycle').sort();
const caseData = async () => (await h.server.tramit.entities.get('case', caseId))!.data;
const openTask = (elementId: string) =>
  waitUntil(async () => (await h.openUserTasks(instanceKey)).find((t) => t.element_id === elementId));
const publish = (name: string, variables: Record<string, unknown> = {}) =>
  h.engine.publishMessage({ name, correlationKey: caseId, variables, timeToLive: 0 });

describe('the case-lifecycle process', () => {
  it('triages by rules, routes to a queue and gives the work to an agent of it', async () => {
    instanceKey = (await h.engine.createInstance({ bpmnProcessId: 'case-lifecycle', variables: { caseId } }))
      .processInstanceKey;
    const work = await openTask('work');
    expect(work.candidate_groups).toEqual(['field-dispatch']);
    const variables = await h.rootVariables(instanceKey);
    expect(variables.triage).toMatchObject({ matched: true, params: { priority: 'urgent', route: 'field' } });
    expect(variables.routing).toMatchObject({
      fired: ['urgent-incidents-to-field-dispatch'],
      params: { group: 'field-dispatch' },
    });
    expect(await caseData()).toMatchObject({ status: 'in_progress', priority: 'urgent' });
    const assigned = await waitUntil(
      async () => (await h.db('user_tasks').where({ key: work.key }).first('assignee'))?.assignee,
    );
    expect(assigned).toBe('agent-pau');
  });

  it('records an SLA warning without interrupting the work', async () => {
    await publish('sla.warning', {
      slaMetric: 'resolution',
      slaDueAt: '2026-12-02T12:00:00.000Z',
      slaThreshold: 0.5,
    });
    await waitUntil(async () => (await h.rootVariables(instanceKey)).slaWarned === true);
    expect((await h.rootVariables(instanceKey)).slaWarningDueAt).toBe('2026-12-02T12:00:00.000Z');
    expect(await activeSteps()).toEqual(['work']);
  });

  it('waits for the citizen with the case pending information, then resumes', async () => {
    const work = await openTask('work');
    await h.engine.completeUserTask(work.key, { outcome: 'needs_information' });
    await waitUntil(async () => (await h.activeElements(instanceKey)).includes('citizen-replied'));
    expect((await caseData()).status).toBe('pending_information');

    await publish('case.information-received', { documents: ['dni.pdf'] });
    const again = await openTask('work');
    expect(again.key).not.toBe(work.key);
    expect((await caseData()).status).toBe('in_progress');
  });

  it('opens an escalation task for the supervisors on an SLA breach, alongside the work', async () => {
    await publish('sla.breached', { slaMetric: 'resolution' });
    const escalation = await openTask('escalate');
    expect(escalation.candidate_groups).toEqual(['supervisors']);
    expect(await activeSteps()).toEqual(['escalate', 'sla-breach-handler', 'work']);
    await h.engine.completeUserTask(escalation.key, {});
  });

  it('resolves and closes the case, completing the instance', async () => {
    await h.engine.completeUserTask((await openTask('work')).key, { outcome: 'resolved' });
    const confirm = await openTask('confirm-closure');
    expect(await caseData()).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    await h.engine.completeUserTask(confirm.key, {});
    await waitUntil(async () => (await h.instanceState(instanceKey)) === 'COMPLETED');
    expect(await caseData()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const audited = await h
      .db('audit_log')
      .where({ entity_type: 'case', entity_id: caseId })
      .count({ n: '*' });
    expect(Number(audited[0]!.n)).toBeGreaterThanOrEqual(5);
  });
});
