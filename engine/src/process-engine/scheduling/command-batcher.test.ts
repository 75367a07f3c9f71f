import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../../test/engine-harness.js';
import { runWithContext } from '../../infra/logging/request-context.js';
import { createEngineContext } from '../create-context.js';
import type { EngineContext } from '../types.js';
import { preloadKeys } from './command-batcher.js';

let h: EngineHarness;
/** A context of its own on the test's database, for commands the engine's API does not offer. */
let ctx: EngineContext;

beforeAll(async () => {
  h = await startEngineHarness();
  ctx = await createEngineContext(h.db, { kind: 'pglite' }); // wake-ups within this process only
  await h.deployFixture('one-task', 'parallel');
});
afterAll(async () => {
  await ctx?.notifier.close();
  await h?.close();
});

const txid = async (session: { trx: EngineHarness['db'] }) =>
  String(((await session.trx.raw('select txid_current() as id')) as { rows: { id: string }[] }).rows[0]!.id);

describe('group commit of engine commands', () => {
  it('preloads only what can be a key, once each', () => {
    expect(
      preloadKeys([
        { jobKey: '12' },
        { jobKey: '12' },
        { jobKey: "1'; drop table jobs" },
        { instanceKey: '7' },
        {},
      ]),
    ).toEqual({ instanceKeys: ['7'], jobKeys: ['12'] });
  });

  it('commands that arrive together share a transaction, and all of them commit', async () => {
    const ids = await Promise.all(
      Array.from({ length: 30 }, () => ctx.commands.submit({}, (session) => txid(session))),
    );
    expect(new Set(ids).size).toBeLessThan(30);
    const created = await Promise.all(
      Array.from({ length: 30 }, () => h.engine.createInstance({ bpmnProcessId: 'one-task' })),
    );
    const keys = created.map((c) => c.processInstanceKey);
    const jobs = await h.db('jobs').whereIn('process_instance_key', keys).select('key');
    expect(jobs).toHaveLength(30);
    await Promise.all(jobs.map((j: { key: unknown }) => h.engine.completeJob(String(j.key), { done: true })));
    const states = await h.db('process_instances').whereIn('key', keys).pluck('state');
    expect(states).toEqual(Array(30).fill('COMPLETED'));
  });

  it('a failing command fails alone: the others of its batch still commit', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'one-task' });
    const [job] = await h.db('jobs').where({ process_instance_key: processInstanceKey }).select('key');
    const results = await Promise.allSettled([
      h.engine.completeJob(String(job.key)),
      h.engine.completeJob('999999999999'),
      h.engine.completeJob(String(job.key)),
      h.engine.createInstance({ bpmnProcessId: 'one-task' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/no such job was found/);
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    const completed = await h
      .db('history')
      .where({ process_instance_key: processInstanceKey, event: 'JOB_COMPLETED' });
    expect(completed).toHaveLength(1);
  });

  it('both branch jobs of one instance in one batch: one token leaves the join', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'parallel' });
    const jobs = await h.db('jobs').where({ process_instance_key: processInstanceKey }).select('key', 'type');
    expect(jobs.map((j: { type: string }) => j.type).sort()).toEqual(['branch-a', 'branch-b']);
    await Promise.all(jobs.map((j: { key: unknown }) => h.engine.completeJob(String(j.key))));
    const after = await h.db('jobs').where({ process_instance_key: processInstanceKey, type: 'after-join' });
    expect(after).toHaveLength(1);
    expect(await h.activeElements(processInstanceKey)).toEqual(['parallel', 'after']);
  });

  it('each command of a batch is recorded with its own caller', async () => {
    const created = await Promise.all(
      ['alice', 'bob', 'carol'].map((id) =>
        runWithContext({ requestId: `req-${id}`, actor: { kind: 'user', id } }, () =>
          h.engine.createInstance({ bpmnProcessId: 'one-task' }),
        ),
      ),
    );
    const rows = await h
      .db('history_records')
      .whereIn(
        'process_instance_key',
        created.map((c) => c.processInstanceKey),
      )
      .select('process_instance_key', 'actor', 'request_id');
    const byKey = new Map(
      rows.map((r: { process_instance_key: unknown; actor: string; request_id: string }) => [
        String(r.process_instance_key),
        r,
      ]),
    );
    expect(created.map((c) => byKey.get(c.processInstanceKey)?.actor)).toEqual([
      'user:alice',
      'user:bob',
      'user:carol',
    ]);
    expect(created.map((c) => byKey.get(c.processInstanceKey)?.request_id)).toEqual([
      'req-alice',
      'req-bob',
      'req-carol',
    ]);
  });
});
