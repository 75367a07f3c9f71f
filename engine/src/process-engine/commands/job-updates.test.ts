import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../../test/engine-harness.js';

let h: EngineHarness;

beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture('one-task');
});
afterAll(() => h?.close());

async function openJobs(count: number): Promise<{ jobKey: string; instanceKey: string }[]> {
  const created = await Promise.all(
    Array.from({ length: count }, () => h.engine.createInstance({ bpmnProcessId: 'one-task' })),
  );
  const rows = (await h
    .db('jobs')
    .whereIn(
      'process_instance_key',
      created.map((c) => c.processInstanceKey),
    )
    .select('key', 'process_instance_key')) as { key: unknown; process_instance_key: unknown }[];
  return rows.map((r) => ({ jobKey: String(r.key), instanceKey: String(r.process_instance_key) }));
}

const events = async (instanceKey: string) =>
  (await h
    .db('history')
    .where({ process_instance_key: instanceKey })
    .orderBy('id')
    .pluck('event')) as string[];

describe('updating a job is a command like completing it', () => {
  it('serialises with a concurrent completion: wholly before it, or refused after it; nothing is lost', async () => {
    const jobs = await openJobs(24);
    // Both orders, all at once: the batcher puts pairs in one transaction or in consecutive ones.
    const outcomes = await Promise.all(
      jobs.map(async ({ jobKey, instanceKey }, i) => {
        const update = () => h.engine.updateJob(jobKey, { retries: 7 });
        const complete = () => h.engine.completeJob(jobKey);
        const [first, second] = await Promise.allSettled(
          i % 2 === 0 ? [update(), complete()] : [complete(), update()],
        );
        return {
          instanceKey,
          jobKey,
          update: i % 2 === 0 ? first! : second!,
          completion: i % 2 === 0 ? second! : first!,
        };
      }),
    );
    let updated = 0;
    let refused = 0;
    for (const { instanceKey, jobKey, update, completion } of outcomes) {
      expect(completion.status).toBe('fulfilled');
      expect(await h.instanceState(instanceKey)).toBe('COMPLETED');
      const job = await h.db('jobs').where({ key: jobKey }).first('state', 'retries');
      expect(job.state).toBe('COMPLETED');
      const history = (await events(instanceKey)).filter((e) => e.startsWith('JOB_'));
      if (update.status === 'fulfilled') {
        updated++;
        // The update came first and was kept: its retries, and its entry before the completion's.
        expect(job.retries).toBe(7);
        expect(history).toEqual(['JOB_CREATED', 'JOB_RETRIES_UPDATED', 'JOB_COMPLETED']);
      } else {
        refused++;
        // The update came second: the job was gone, so nothing of it was written.
        expect(String(update.reason)).toMatch(/no such job was found/);
        expect(job.retries).toBe(3);
        expect(history).toEqual(['JOB_CREATED', 'JOB_COMPLETED']);
      }
    }
    expect(updated + refused).toBe(jobs.length);
    expect(updated).toBeGreaterThan(0);
  });

  it('serialises with a concurrent failure: the retries are those of whichever came last', async () => {
    const jobs = await openJobs(16);
    await Promise.all(
      jobs.map(({ jobKey }, i) => {
        const update = () => h.engine.updateJob(jobKey, { retries: 7 });
        const fail = () => h.engine.failJob(jobKey, { retries: 2, errorMessage: 'flaky' });
        return Promise.all(i % 2 === 0 ? [update(), fail()] : [fail(), update()]);
      }),
    );
    for (const { jobKey, instanceKey } of jobs) {
      const job = await h.db('jobs').where({ key: jobKey }).first('state', 'retries');
      const last = (await events(instanceKey))
        .filter((e) => e === 'JOB_FAILED' || e === 'JOB_RETRIES_UPDATED')
        .pop();
      expect(job.retries).toBe(last === 'JOB_FAILED' ? 2 : 7);
      expect(job.state).toBe('FAILED');
    }
  });

  it('an unknown job is not found, and a changeset that changes nothing is refused', async () => {
    await expect(h.engine.updateJob('2251799813685249', { timeout: 1_000 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(h.engine.updateJob('2251799813685249', {})).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
