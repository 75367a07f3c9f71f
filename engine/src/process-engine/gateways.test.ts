import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../test/engine-harness.js';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture('parallel', 'inclusive');
});
afterAll(() => h.close());

describe('parallel and inclusive gateways', () => {
  it('forks, and joins once when both branches complete at the same moment', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'parallel' });
    const [a] = await h.jobs('branch-a');
    const [b] = await h.jobs('branch-b');
    // when: both complete concurrently
    await Promise.all([h.engine.completeJob(a!.jobKey, { a: 1 }), h.engine.completeJob(b!.jobKey, { b: 2 })]);
    // then: exactly one token left the join
    const after = await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'after-join' });
    expect(after).toHaveLength(1);
    await h.completeOne('after-join');
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await h.rootVariables(processInstanceKey)).toEqual({ a: 1, b: 2 });
  });

  it('an inclusive fork takes every true branch and its join waits only for those', async () => {
    const one = await h.engine.createInstance({
      bpmnProcessId: 'inclusive',
      variables: { water: true, waste: false },
    });
    await h.completeOne('incl-a');
    expect(
      await h.db('jobs').where({ process_instance_key: one.processInstanceKey, type: 'incl-after' }),
    ).toHaveLength(1);
    expect(
      await h.db('jobs').where({ process_instance_key: one.processInstanceKey, type: 'incl-b' }),
    ).toHaveLength(0);

    const both = await h.engine.createInstance({
      bpmnProcessId: 'inclusive',
      variables: { water: true, waste: true },
    });
    const [a] = await h.jobs('incl-a');
    await h.engine.completeJob(a!.jobKey);
    expect(
      await h.db('jobs').where({ process_instance_key: both.processInstanceKey, type: 'incl-after' }),
    ).toHaveLength(0);
    expect(await h.activeElements(both.processInstanceKey)).toEqual(['inclusive', 'b', 'join']);
    await h.completeOne('incl-b');
    expect(
      await h.db('jobs').where({ process_instance_key: both.processInstanceKey, type: 'incl-after' }),
    ).toHaveLength(1);
  });

  it('an inclusive join lets exactly one token through when its branches complete together', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'inclusive',
      variables: { water: true, waste: true },
    });
    const [a] = await h.jobs('incl-a');
    const [b] = await h.jobs('incl-b');
    await Promise.all([h.engine.completeJob(a!.jobKey), h.engine.completeJob(b!.jobKey)]);
    expect(
      await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'incl-after' }),
    ).toHaveLength(1);
  });

  it('with no true condition an inclusive fork takes the default flow straight to the join', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'inclusive',
      variables: { water: false, waste: false },
    });
    expect(
      await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'incl-after' }),
    ).toHaveLength(1);
  });
});
