import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from '../../infra/db/create-knex.js';
import { fixture, waitUntil } from '../../../test/engine-harness.js';
import { freshDatabaseEnv } from '../../../test/test-server.js';
import { testDbKind } from '../../../test/test-databases.js';
import pg from 'pg';
import { ProcessEngine } from '../process-engine.js';

const peers = (engine: ProcessEngine) => engine.countPeers();

let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let db: Db;
let here: ProcessEngine;
let there: ProcessEngine;

beforeAll(async () => {
  if (testDbKind() !== 'postgres') return;
  database = await freshDatabaseEnv();
  const url = database.env.DATABASE_URL!;
  db = createKnex({ kind: 'postgres', url, poolMax: 4 });
  here = await ProcessEngine.create(db, { kind: 'postgres', url });
  await here.deploy([fixture('one-task')]);
});
afterAll(async () => {
  await here?.close();
  await there?.close();
  await db?.destroy();
  await database?.drop();
});

function listen(engine: ProcessEngine, channel: 'engine_jobs' | 'engine_instances') {
  const heard: string[] = [];
  const stop = engine.onWakeUp(channel, (payload) => heard.push(payload));
  return { heard, stop };
}

describe.runIf(testDbKind() === 'postgres')('wake-ups between engine processes', () => {
  it('a process alone on its database sends no NOTIFY; once another listens, it does', async () => {
    const probe = new pg.Client({ connectionString: database.env.DATABASE_URL, application_name: 'probe' });
    await probe.connect();
    const heard: string[] = [];
    probe.on('notification', (message) => heard.push(message.channel));
    await probe.query('listen engine_jobs');
    try {
      expect(await peers(here)).toBe(0);
      await here.createInstance({ bpmnProcessId: 'one-task' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toEqual([]);
      there = await ProcessEngine.create(db, { kind: 'postgres', url: database.env.DATABASE_URL! });
      expect(await peers(here)).toBe(1);
      await here.createInstance({ bpmnProcessId: 'one-task' });
      await waitUntil(async () => heard.length > 0);
      expect(heard).toEqual(['engine_jobs']);
    } finally {
      await probe.end();
    }
  });

  it('a new job wakes this process once at commit and the other one through NOTIFY', async () => {
    const local = listen(here, 'engine_jobs');
    const remote = listen(there, 'engine_jobs');
    await here.createInstance({ bpmnProcessId: 'one-task' });
    expect(local.heard).toEqual(['work']);
    await waitUntil(async () => remote.heard.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(remote.heard).toEqual(['work']);
    expect(local.heard).toEqual(['work']); // its own NOTIFY came back and was ignored
    local.stop();
    remote.stop();
  });

  it('many instances ending together reach the other process, every key', async () => {
    await Promise.all(Array.from({ length: 40 }, () => here.createInstance({ bpmnProcessId: 'one-task' })));
    const jobs = await there.activateJobs({
      type: 'work',
      worker: 't',
      maxJobsToActivate: 100,
      timeout: 10_000,
    });
    expect(jobs).toHaveLength(43);
    const ended = listen(there, 'engine_instances');
    await Promise.all(jobs.map((job) => here.completeJob(job.jobKey)));
    const keys = jobs.map((job) => job.processInstanceKey).sort();
    await waitUntil(async () => ended.heard.length >= keys.length);
    expect([...ended.heard].sort()).toEqual(keys);
    ended.stop();
  });
});
