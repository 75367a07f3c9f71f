import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInRepository } from '../src/infra/config/find-up.js';
import { createLogger } from '../src/infra/logging/logger.js';
import { startEngineHarness, type EngineHarness } from '../test/engine-harness.js';
import { deployFolder, startDemoWorkers } from './demo-definitions.js';

let h: EngineHarness;
let workers: { stop(): Promise<void> };
beforeAll(async () => {
  h = await startEngineHarness();
  await deployFolder(h.engine, findInRepository('definitions/bpmn/demo')!, createLogger('silent'));
  workers = startDemoWorkers(h.engine, createLogger('silent'));
});
afterAll(async () => {
  await workers.stop();
  await h.close();
});

describe('the demo process', () => {
  it('classifies an urgent request with its built-in worker and routes it to the supervisors', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'citizen-request',
      variables: { topic: 'Fuita d’aigua al carrer Major' },
    });
    const tasks = await waitForTasks(processInstanceKey);
    expect(tasks).toMatchObject([{ element_id: 'attend-urgent', candidate_groups: ['supervisors'] }]);
    await h.engine.completeUserTask(tasks[0]!.key);
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('sends a normal request to the front desk, with a four-hour escalation timer on it', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'citizen-request',
      variables: { topic: 'Canvi de titular del contracte' },
    });
    const tasks = await waitForTasks(processInstanceKey);
    expect(tasks).toMatchObject([{ element_id: 'attend', candidate_groups: ['front-desk'] }]);
    const [timer] = await h.db('timers').where({ process_instance_key: processInstanceKey, state: 'ACTIVE' });
    const hours = (new Date(timer.due_at).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);
  });
});

async function waitForTasks(instanceKey: string) {
  for (let i = 0; i < 100; i++) {
    const tasks = await h.openUserTasks(instanceKey);
    if (tasks.length > 0) return tasks;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no user task appeared');
}
