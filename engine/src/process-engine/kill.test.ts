import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from '../infra/db/create-knex.js';
import { fixture, waitUntil } from '../../test/engine-harness.js';
import { freshDatabaseEnv } from '../../test/test-server.js';
import { testDbKind } from '../../test/test-databases.js';
import { ProcessEngine } from './process-engine.js';

const workerScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/kill-worker.ts');
const instances = 500;

let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let db: Db;
let engine: ProcessEngine;

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.env.DATABASE_URL! },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

beforeAll(async () => {
  if (testDbKind() !== 'postgres') return;
  database = await freshDatabaseEnv();
  const url = database.env.DATABASE_URL!;
  db = createKnex({ kind: 'postgres', url, poolMax: 8 });
  await db.raw(
    'create table kill_ledger (job_key bigint not null, pid int not null, at timestamptz default now())',
  );
  engine = await ProcessEngine.create(db, { kind: 'postgres', url });
});
afterAll(async () => {
  await engine?.close();
  await db?.destroy();
  await database?.drop();
});

describe.runIf(testDbKind() === 'postgres')('engine processes killed at any moment', () => {
  it('lose no token and complete no job twice', { timeout: 180_000 }, async () => {
    await engine.deploy([fixture('three-tasks')]);
    for (let i = 0; i < instances; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, () => engine.createInstance({ bpmnProcessId: 'three-tasks' })),
      );
    }
    let workers = await Promise.all([startWorker(), startWorker()]);
    let kills = 0;
    const done = async () =>
      Number((await db('process_instances').where({ state: 'COMPLETED' }).count({ n: '*' }))[0]!.n) ===
      instances;
    // Kill one engine process with SIGKILL every two seconds, and start a new one, until all is done.
    while (!(await done())) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const victim = workers[kills % 2]!;
      victim.kill('SIGKILL');
      kills++;
      workers = kills % 2 === 1 ? [await startWorker(), workers[1]!] : [workers[0]!, await startWorker()];
    }
    for (const worker of workers) worker.kill('SIGKILL');
    expect(kills).toBeGreaterThan(0);

    // Every instance completed, and nothing is left active.
    await waitUntil(done);
    expect(await db('element_instances').where({ state: 'ACTIVE' })).toEqual([]);
    expect(await db('jobs').whereNot({ state: 'COMPLETED' })).toEqual([]);
    // Each task ran exactly once in the engine's records...
    const jobs = await db('jobs').select('key');
    expect(jobs).toHaveLength(instances * 3);
    const twice = await db('history')
      .where({ event: 'JOB_COMPLETED' })
      .select(db.raw("data->>'jobKey' as job"))
      .groupBy('job')
      .havingRaw('count(*) > 1');
    expect(twice).toEqual([]);
    // ...and its external effect happened at least once.
    const missing = await db('jobs').whereNotExists((q) =>
      q.select(db.raw('1')).from('kill_ledger').whereRaw('kill_ledger.job_key = jobs.key'),
    );
    expect(missing).toEqual([]);
  });
});
