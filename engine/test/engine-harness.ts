import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessEngine } from '../src/process-engine/index.js';
import type { Db } from '../src/infra/db/create-knex.js';
import { startTestServer, type TestServer } from './test-server.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/process-engine/fixtures');

export interface EngineHarness {
  server: TestServer;
  engine: ProcessEngine;
  db: Db;
  deployFixture(...names: string[]): ReturnType<ProcessEngine['deploy']>;
  /** Activates jobs of a type (waiting up to `waitMs`) and returns them. */
  jobs(type: string, waitMs?: number, max?: number): ReturnType<ProcessEngine['activateJobs']>;
  /** Activates exactly one job of the type and completes it with the variables. */
  completeOne(type: string, variables?: Record<string, unknown>): Promise<string>;
  instanceState(key: string): Promise<string>;
  activeElements(key: string): Promise<string[]>;
  rootVariables(key: string): Promise<Record<string, unknown>>;
  openUserTasks(
    instanceKey: string,
  ): Promise<{ key: string; element_id: string; candidate_groups: unknown }[]>;
  close(): Promise<void>;
}

export function fixture(name: string): { name: string; content: string } {
  return { name: `${name}.bpmn`, content: readFileSync(path.join(fixtures, `${name}.bpmn`), 'utf8') };
}

export async function waitUntil<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startEngineHarness(): Promise<EngineHarness> {
  const server = await startTestServer({ LOG_LEVEL: 'warn' });
  const { engine, db } = server.tramit;
  return {
    server,
    engine,
    db,
    deployFixture: (...names) => engine.deploy(names.map(fixture)),
    jobs: (type, waitMs = 2_000, max = 10) =>
      engine.activateJobs({
        type,
        worker: 'test',
        maxJobsToActivate: max,
        timeout: 30_000,
        requestTimeout: waitMs,
      }),
    async completeOne(type, variables = {}) {
      const [job] = await engine.activateJobs({
        type,
        worker: 'test',
        maxJobsToActivate: 1,
        timeout: 30_000,
        requestTimeout: 3_000,
      });
      if (!job) throw new Error(`no job of type ${type}`);
      await engine.completeJob(job.jobKey, variables);
      return job.jobKey;
    },
    async instanceState(key) {
      return (await db('process_instances').where({ key }).first('state')).state as string;
    },
    async activeElements(key) {
      const rows = await db('element_instances')
        .where({ process_instance_key: key, state: 'ACTIVE' })
        .orderBy('key');
      return rows.map((r) => r.element_id as string);
    },
    async rootVariables(key) {
      const rows = await db('variables').where({ scope_key: key });
      return Object.fromEntries(rows.map((r) => [r.name, r.value]));
    },
    async openUserTasks(instanceKey) {
      const rows = await db('user_tasks').where({ process_instance_key: instanceKey, state: 'CREATED' });
      return rows.map((r) => ({
        key: String(r.key),
        element_id: r.element_id,
        candidate_groups: r.candidate_groups,
      }));
    },
    close: () => server.close(),
  };
}
