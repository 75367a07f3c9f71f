/**
 * npm run bench:engine — the engine against the local PostgreSQL; prints a table.
 *   1. raw commit rate of this database (16 connections, single-row inserts)
 *   2. one-task process, 20,000 instances, in-process workers
 *   3. case-like process with the user task completed through /v2
 *   4. 20,000 timers due within the same minute: lateness
 *   5. 100,000 instances waiting on user tasks: engine RSS and database size
 * BENCH_SCALE=0.1 runs everything at a tenth of the size (a quick look). BENCH_POOL (20),
 * BENCH_STARTERS (16) and BENCH_WORKERS (4, each completing up to 32 jobs at once) set the load's
 * concurrency: throughput hardly changes with it, latency does (queueing). BENCH_PARTS=1,2 runs only
 * the parts listed. Part 2 also prints what one instance costs: CPU of this process and of the
 * database backends, round trips, transactions and rows written — figures that hold on a busy machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '../src/platform/auth/clients-repo.js';
import { generateSigningKeyJson } from '../src/platform/auth/signing-keys.js';
import { loadConfig, type Config } from '../src/infra/config/config.js';
import type { Db } from '../src/infra/db/create-knex.js';
import { createLogger } from '../src/infra/logging/logger.js';
import type { ProcessEngine } from '../src/process-engine/index.js';
import { createTramit } from '../src/server/tramit.js';
import pg from 'pg';
import { backendCpuSeconds, benchAuditKeys, benchDatabase, rawCommitRate, tableRows } from './bench-db.js';
import { fmt, pool, summary } from './stats.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
// Concurrency of the load: database pool size, instance starters, job workers (each 32 jobs at a time).
const poolMax = Number(process.env.BENCH_POOL ?? '20');
const starters = Number(process.env.BENCH_STARTERS ?? '16');
const workers = Number(process.env.BENCH_WORKERS ?? '4');
const parts = new Set((process.env.BENCH_PARTS ?? '1,2,3,4,5').split(',').map((p) => p.trim()));
const n = (count: number) => Math.max(10, Math.round(count * scale));
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/process-engine/fixtures');
const bpmn = (name: string) => ({
  name: `${name}.bpmn`,
  content: readFileSync(path.join(fixtures, `${name}.bpmn`), 'utf8'),
});
const rows: string[][] = [];
let roundTrips = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const report = (...cells: string[]) => {
  rows.push(cells);
  console.log(cells.join(' | '));
};

/** Workers that activate jobs of a type in batches and complete them, until stopped. */
function startWorkers(
  engine: ProcessEngine,
  type: string,
  workers: number,
  onDone: (job: { processInstanceKey: string }) => void,
) {
  let stopped = false;
  const loops = Array.from({ length: workers }, async (_, w) => {
    while (!stopped) {
      const jobs = await engine.activateJobs({
        type,
        worker: `bench-${w}`,
        maxJobsToActivate: 32,
        timeout: 60_000,
        requestTimeout: 200,
      });
      await Promise.all(
        jobs.map(async (job) => {
          await engine.completeJob(
            job.jobKey,
            type === 'classify' ? { priority: 'high', zone: 'north' } : {},
          );
          onDone(job);
        }),
      );
    }
  });
  return async () => {
    stopped = true;
    await Promise.all(loops);
  };
}

interface Bench {
  engine: ProcessEngine;
  db: Db;
  url: string;
  databaseName: string;
}

/** (2) One-task process: throughput, latency, and what one instance costs. */
async function oneTask({ engine, db, databaseName }: Bench, commits: number | undefined) {
  const count = n(20_000);
  const started = new Map<string, number>();
  const ended = new Map<string, number>();
  const before = { cpu: process.cpuUsage(), backend: backendCpuSeconds(databaseName), trips: roundTrips };
  const commitsBefore = await transactionCount(db);
  const rowsBefore = await tableRows(db);
  const stop = startWorkers(engine, 'work', workers, (job) =>
    ended.set(job.processInstanceKey, performance.now()),
  );
  const t0 = performance.now();
  await pool(count, starters, async () => {
    const at = performance.now();
    const { processInstanceKey } = await engine.createInstance({ bpmnProcessId: 'one-task' });
    started.set(processInstanceKey, at);
  });
  while (ended.size < count) await new Promise((r) => setTimeout(r, 20));
  const elapsed = (performance.now() - t0) / 1000;
  await stop();
  const cpu = process.cpuUsage(before.cpu);
  const backend = backendCpuSeconds(databaseName) - before.backend;
  const trips = roundTrips - before.trips;
  const transactions = (await transactionCount(db)) - commitsBefore;
  const rowsAfter = await tableRows(db);
  const latencies = [...ended].map(([key, end]) => end - (started.get(key) ?? end));
  const one = summary(latencies);
  const rate = count / elapsed;
  const per = (value: number) => fmt(value / count, 2);
  report(`(2) one-task, ${count} instances`, `${fmt(rate, 0)} completed/s`, '≥ 1000/s');
  report('    start-to-end latency', `p50 ${fmt(one.p50)} ms, p99 ${fmt(one.p99)} ms`, 'p99 < 100 ms');
  if (commits) report('    ratio to (1) ÷ 3', fmt(rate / (commits / 3), 2), '—');
  report(
    '    CPU per instance',
    `engine ${fmt((cpu.user + cpu.system) / 1000 / count, 2)} ms, database ${fmt((backend * 1000) / count, 2)} ms`,
    '—',
  );
  report('    round trips, transactions per instance', `${per(trips)}, ${per(transactions)}`, '—');
  report(
    '    rows per instance',
    Object.entries(rowsAfter)
      .map(([table, rows]) => `${table} ${per(rows - (rowsBefore[table] ?? 0))}`)
      .join(', '),
    '—',
  );
}

async function transactionCount(db: Db): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    'select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]!.n);
}

/** (3) Case-like process with the user task completed through /v2. */
async function caseLike({ engine, db, url }: Bench) {
  const token = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-value',
  }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
  const cases = n(2_000);
  const caseStart = new Map<string, number>();
  const classified = new Map<string, number>();
  const stopClassify = startWorkers(engine, 'classify', 2, (job) =>
    classified.set(job.processInstanceKey, performance.now()),
  );
  const c0 = performance.now();
  await pool(cases, 8, async () => {
    const at = performance.now();
    const { processInstanceKey } = await engine.createInstance({ bpmnProcessId: 'case-like' });
    caseStart.set(processInstanceKey, at);
  });
  while (classified.size < cases) await new Promise((r) => setTimeout(r, 20));
  await stopClassify();
  const tasks = await db('user_tasks')
    .where({ state: 'CREATED', bpmn_process_id: 'case-like' })
    .select('key', 'process_instance_key');
  const completeLatency: number[] = [];
  await pool(tasks.length, 8, async (i) => {
    const task = tasks[i]!;
    const at = performance.now();
    const response = await fetch(`${url}/v2/user-tasks/${String(task.key)}/completion`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ variables: { approved: true } }),
    });
    if (response.status !== 204) throw new Error(`user task completion answered ${response.status}`);
    completeLatency.push(performance.now() - at);
  });
  const caseElapsed = (performance.now() - c0) / 1000;
  const startToClassified = summary([...classified].map(([k, t]) => t - (caseStart.get(k) ?? t)));
  report(`(3) case-like, ${cases} instances`, `${fmt(cases / caseElapsed, 0)} completed/s`, '—');
  report('    p99 start → service task done', `${fmt(startToClassified.p99)} ms`, '—');
  report('    p99 user task completion via /v2', `${fmt(summary(completeLatency).p99)} ms`, '—');
}

/** (4) Timers due within one minute: lateness. */
async function timers({ engine, db }: Bench) {
  const timerCount = n(20_000);
  const dueBase = Date.now() + 75_000;
  await pool(timerCount, 16, async (i) => {
    const due = new Date(dueBase + (i * 60_000) / timerCount).toISOString();
    await engine.createInstance({
      bpmnProcessId: 'timer-catch',
      variables: { delay: `PT${Math.max(1, Math.round((Date.parse(due) - Date.now()) / 1000))}S` },
    });
  });
  const lastDue = async () => (await db('timers').where({ state: 'ACTIVE' }).count({ c: '*' }))[0]!.c;
  while (Number(await lastDue()) > 0) await new Promise((r) => setTimeout(r, 1_000));
  const lateness = await db.raw<{ rows: { ms: number }[] }>(
    `select extract(epoch from (h.at - t.due_at)) * 1000 as ms
       from timers t join history h on h.event = 'TIMER_FIRED' and (h.data->>'timerKey')::bigint = t.key
      where t.state = 'TRIGGERED'`,
  );
  const late = summary(lateness.rows.map((r) => Number(r.ms)));
  report(
    `(4) ${timerCount} timers due within a minute`,
    `lateness p50 ${fmt(late.p50)} ms, p99 ${fmt(late.p99)} ms`,
    'p99 < 1000 ms',
  );
}

/** (5) Instances waiting on user tasks: database size and engine memory. */
async function waitingInstances({ engine, db }: Bench, databaseUrl: string, config: Config) {
  const waiting = n(100_000);
  await pool(waiting, 16, () => engine.createInstance({ bpmnProcessId: 'user-task-wait' }));
  if (global.gc) global.gc();
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const size = await db.raw<{ rows: { size: string }[] }>(
    'select pg_size_pretty(pg_database_size(current_database())) as size',
  );
  const served = await freshEngineRss(databaseUrl, config.session.secret!, config.jwt.keys!);
  report(`(5) ${waiting} instances waiting on user tasks`, `database ${size.rows[0]!.size}`, '—');
  report('    RSS of a fresh engine process serving them', `${fmt(served, 0)} MB`, 'RSS < 300 MB');
  report('    RSS of this benchmark process (engine + load generator)', `${fmt(rss, 0)} MB`, '—');
}

async function main() {
  const database = await benchDatabase(poolMax);
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(poolMax),
    TRAMIT_SESSION_SECRET: 'bench-session-secret-0123456789abcdefghijkl',
    TRAMIT_JWT_KEYS: await generateSigningKeyJson(),
    TRAMIT_AUDIT_KEYS: benchAuditKeys,
    TRAMIT_METRICS_TOKEN: 'metrics-token-0123456789',
  });
  const tramit = await createTramit(config, createLogger('warn'));
  await createClient(tramit.db, {
    clientId: 'bench',
    name: 'bench',
    secret: 'bench-secret-value',
    roles: ['admin'],
  });
  const bench: Bench = {
    engine: tramit.engine,
    db: tramit.db,
    url: await tramit.listen(),
    databaseName: database.name,
  };
  try {
    console.log(`Tramit engine benchmark — ${new Date().toISOString()} — scale ${scale}\n`);
    report('measure', 'result', 'target');
    const commits = parts.has('1') ? await rawCommitRate(database.url) : undefined;
    if (commits) report('(1) raw commit rate, 16 connections', `${fmt(commits, 0)} inserts/s`, '—');
    await bench.engine.deploy([
      bpmn('one-task'),
      bpmn('case-like'),
      bpmn('timer-catch'),
      bpmn('user-task-wait'),
    ]);
    if (parts.has('2')) await oneTask(bench, commits);
    if (parts.has('3')) await caseLike(bench);
    if (parts.has('4')) await timers(bench);
    if (parts.has('5')) await waitingInstances(bench, database.url, config);
  } finally {
    await tramit.close();
    await database.drop();
  }
  console.log('\n| measure | result | target |\n|---|---|---|');
  for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
}

/**
 * Starts Tramit as its own process on the same database, makes it list and count the waiting user
 * tasks through /v2 and activate jobs, and reads its resident memory: the engine keeps no instance
 * in memory, so this is what a running server needs with that many instances waiting.
 */
async function freshEngineRss(databaseUrl: string, sessionSecret: string, jwtKeys: string): Promise<number> {
  const { spawnTramit } = await import('../test/spawn-tramit.js');
  const tramit = spawnTramit({
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info', // the "listening" line is how the caller knows it is up
    TRAMIT_SESSION_SECRET: sessionSecret,
    TRAMIT_JWT_KEYS: jwtKeys,
    TRAMIT_AUDIT_KEYS: benchAuditKeys,
    TRAMIT_METRICS_TOKEN: 'metrics-token-0123456789',
  });
  try {
    const url = await tramit.ready;
    const token = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-value',
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (let i = 0; i < 20; i++) {
      await fetch(`${url}/v2/user-tasks/search`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ filter: { state: 'CREATED' }, page: { limit: 1000 } }),
      });
      await fetch(`${url}/v2/jobs/activation`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'none', maxJobsToActivate: 10, timeout: 1000, requestTimeout: -1 }),
      });
    }
    const status = readFileSync(`/proc/${tramit.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } finally {
    tramit.child.kill('SIGTERM');
    await tramit.exited;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
