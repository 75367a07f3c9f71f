import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitUntil, type EngineHarness } from '../../../test/engine-harness.js';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture('start-events');
});
afterAll(() => h.close());

describe('start events', () => {
  it('a timer cycle start event creates an instance at each repetition, then stops', async () => {
    const count = async () =>
      (await h.db('process_instances').where({ bpmn_process_id: 'scheduled-report' })).length;
    await waitUntil(async () => (await count()) === 2, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await count()).toBe(2);
    expect(await h.db('timers').whereNull('process_instance_key').andWhere({ state: 'ACTIVE' })).toEqual([]);
  });

  it('a message start event starts an instance with the message variables', async () => {
    await h.engine.publishMessage({ name: 'web-form-submitted', variables: { form: 'complaint' } });
    const [job] = await h.jobs('triage');
    expect(job!.variables).toEqual({ form: 'complaint' });
  });

  it('one active instance per correlation key; the buffered message starts the next when it ends', async () => {
    const started = (key: string) =>
      h
        .db('process_instances')
        .where({ bpmn_process_id: 'web-form', start_correlation_key: key })
        .orderBy('key');
    const publish = (key: string, n: number) =>
      h.engine.publishMessage({
        name: 'web-form-submitted',
        correlationKey: key,
        timeToLive: 60_000,
        variables: { n },
      });
    await publish('C-1', 1);
    await publish('C-1', 2); // C-1 is taken: buffered
    await publish('C-2', 3);
    expect((await started('C-1')).map((i) => i.state)).toEqual(['ACTIVE']);
    expect((await started('C-2')).map((i) => i.state)).toEqual(['ACTIVE']);

    const jobs = await h.jobs('triage', 2_000, 20);
    const first = jobs.find((j) => j.variables.n === 1)!;
    expect(jobs.some((j) => j.variables.n === 2)).toBe(false);
    await h.engine.completeJob(first.jobKey);

    // The first C-1 instance ended; in the same transaction the buffered message started the next.
    expect((await started('C-1')).map((i) => i.state)).toEqual(['COMPLETED', 'ACTIVE']);
    const next = await h.jobs('triage', 2_000, 20);
    expect(next.map((j) => j.variables.n)).toEqual([2]);
    await h.engine.completeJob(next[0]!.jobKey);
    expect((await started('C-1')).map((i) => i.state)).toEqual(['COMPLETED', 'COMPLETED']);
  });

  it('a new version takes over the start events of the previous one', async () => {
    const content = (await import('node:fs')).readFileSync(
      new URL('../fixtures/start-events.bpmn', import.meta.url),
      'utf8',
    );
    await h.engine.deploy([
      { name: 'start-events.bpmn', content: content.replace('type="triage"', 'type="triage-v2"') },
    ]);
    const open = await h
      .db('message_subscriptions')
      .where({ kind: 'start', state: 'ACTIVE', bpmn_process_id: 'web-form' });
    expect(open).toHaveLength(1);
    await h.engine.publishMessage({ name: 'web-form-submitted', variables: { form: 'question' } });
    const [job] = await h.jobs('triage-v2');
    expect(job!.variables).toEqual({ form: 'question' });
  });
});
