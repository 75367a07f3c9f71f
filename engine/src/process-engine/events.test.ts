import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitUntil, type EngineHarness } from '../../test/engine-harness.js';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture(
    'message-catch',
    'timer-catch',
    'event-gateway',
    'boundary-timer',
    'event-sub-process',
  );
});
afterAll(() => h.close());

describe('messages', () => {
  it('correlates a published message by name and correlation key', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'message-catch',
      variables: { invoiceId: 'F-1' },
    });
    await h.engine.publishMessage({
      name: 'invoice-paid',
      correlationKey: 'F-other',
      variables: { wrong: true },
    });
    expect(await h.instanceState(processInstanceKey)).toBe('ACTIVE');
    await h.engine.publishMessage({
      name: 'invoice-paid',
      correlationKey: 'F-1',
      variables: { paidAt: '2026-11-23' },
    });
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await h.rootVariables(processInstanceKey)).toEqual({ invoiceId: 'F-1', paidAt: '2026-11-23' });
  });

  it('buffers a message published before the subscription opens, within its time to live', async () => {
    await h.engine.publishMessage({
      name: 'invoice-paid',
      correlationKey: 'F-early',
      timeToLive: 60_000,
      variables: { early: true },
    });
    await h.engine.publishMessage({ name: 'invoice-paid', correlationKey: 'F-expired', timeToLive: 0 });
    const early = await h.engine.createInstance({
      bpmnProcessId: 'message-catch',
      variables: { invoiceId: 'F-early' },
    });
    const late = await h.engine.createInstance({
      bpmnProcessId: 'message-catch',
      variables: { invoiceId: 'F-expired' },
    });
    expect(await h.instanceState(early.processInstanceKey)).toBe('COMPLETED');
    expect((await h.rootVariables(early.processInstanceKey)).early).toBe(true);
    expect(await h.instanceState(late.processInstanceKey)).toBe('ACTIVE');
  });

  it('refuses a second message with the same id while the first is buffered', async () => {
    const message = { name: 'invoice-paid', correlationKey: 'F-dup', messageId: 'm-1', timeToLive: 60_000 };
    await h.engine.publishMessage(message);
    await expect(h.engine.publishMessage(message)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('correlation (not publication) answers 404 when nobody waits', async () => {
    await expect(
      h.engine.correlateMessage({ name: 'invoice-paid', correlationKey: 'nobody' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'message-catch',
      variables: { invoiceId: 'F-c' },
    });
    const result = await h.engine.correlateMessage({ name: 'invoice-paid', correlationKey: 'F-c' });
    expect(result.processInstanceKey).toBe(processInstanceKey);
  });
});

describe('timers', () => {
  it('fires an intermediate timer on time', async () => {
    const started = Date.now();
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'timer-catch',
      variables: { delay: 'PT0.4S' },
    });
    await waitUntil(async () => (await h.instanceState(processInstanceKey)) === 'COMPLETED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    const timer = await h.db('timers').where({ process_instance_key: processInstanceKey }).first();
    expect(timer.state).toBe('TRIGGERED');
  });

  it('a timer of a cancelled instance never fires', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'timer-catch',
      variables: { delay: 'PT0.3S' },
    });
    await h.engine.cancelInstance(processInstanceKey);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const timer = await h.db('timers').where({ process_instance_key: processInstanceKey }).first();
    expect(timer.state).toBe('CANCELED');
    const fired = await h
      .db('history')
      .where({ process_instance_key: processInstanceKey, event: 'TIMER_FIRED' });
    expect(fired).toHaveLength(0);
  });

  it('a non-interrupting boundary timer escalates while the task stays; an interrupting one ends it', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'boundary-timer',
      variables: { expiry: 'PT0.8S' },
    });
    await waitUntil(
      async () =>
        (await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'notify-supervisor' }))
          .length === 1,
    );
    expect(await h.openUserTasks(processInstanceKey)).toHaveLength(1);
    await waitUntil(async () => (await h.openUserTasks(processInstanceKey)).length === 0);
    const task = await h.db('user_tasks').where({ process_instance_key: processInstanceKey }).first();
    expect(task.state).toBe('CANCELED');
    await h.completeOne('notify-supervisor');
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});

describe('event-based gateway and event sub-processes', () => {
  it('the first event wins and the other wait is withdrawn', async () => {
    const answered = await h.engine.createInstance({
      bpmnProcessId: 'event-gateway',
      variables: { caseId: 'K-1', timeout: 'PT5S' },
    });
    await h.engine.publishMessage({
      name: 'citizen-answered',
      correlationKey: 'K-1',
      variables: { answer: 'yes' },
    });
    expect(await h.instanceState(answered.processInstanceKey)).toBe('COMPLETED');
    const timers = await h.db('timers').where({ process_instance_key: answered.processInstanceKey });
    expect(timers.map((t) => t.state)).toEqual(['CANCELED']);
    const ends = await h
      .db('element_instances')
      .where({ process_instance_key: answered.processInstanceKey, element_type: 'END_EVENT' });
    expect(ends.map((e) => e.element_id)).toEqual(['end-answered']);

    const late = await h.engine.createInstance({
      bpmnProcessId: 'event-gateway',
      variables: { caseId: 'K-2', timeout: 'PT0.2S' },
    });
    await waitUntil(async () => (await h.instanceState(late.processInstanceKey)) === 'COMPLETED');
    const lateEnds = await h
      .db('element_instances')
      .where({ process_instance_key: late.processInstanceKey, element_type: 'END_EVENT' });
    expect(lateEnds.map((e) => e.element_id)).toEqual(['end-late']);
  });

  it('a non-interrupting timer cycle runs beside the task; an interrupting message ends everything', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'event-sub-process',
      variables: { caseId: 'W-1' },
    });
    await waitUntil(
      async () =>
        (await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'remind' })).length === 2,
      5_000,
    );
    expect(await h.openUserTasks(processInstanceKey)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'remind' }),
    ).toHaveLength(2);

    await h.engine.publishMessage({ name: 'case-withdrawn', correlationKey: 'W-1' });
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await h.openUserTasks(processInstanceKey)).toEqual([]);
    const reminders = await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'remind' });
    expect(reminders.map((j) => j.state)).toEqual(['CANCELED', 'CANCELED']);
  });
});
