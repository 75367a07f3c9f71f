import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitUntil, type EngineHarness } from '../../test/engine-harness.js';

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

  it('a new version takes over the start events of the previous one', async () => {
    const content = (await import('node:fs')).readFileSync(
      new URL('./fixtures/start-events.bpmn', import.meta.url),
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
