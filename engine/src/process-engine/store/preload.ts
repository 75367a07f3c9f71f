import type { Knex } from 'knex';
import type { InstanceSnapshot } from '../../core/runtime/state.js';
import type { DefinitionCache } from './definition-cache.js';
import { queryScript } from '../../infra/db/pipelined-pg-client.js';
import { execute, type PreparedSql } from '../../infra/db/prepared-script.js';
import { toPgArray } from '../../infra/db/pg-array.js';
import { stateColumns, toSnapshot, type InstanceRow, type JobJson, type StateRow } from './snapshot.js';

/** What a batch of commands names before it runs: the instances, and the jobs whose instances it needs. */
export interface PreloadKeys {
  instanceKeys: string[];
  jobKeys: string[];
}

// The instances named directly or through a job: locked in key order, so that two batches sharing
// instances wait for each other instead of deadlocking. The state is read by statements of their own,
// after the lock (see snapshot.ts on READ COMMITTED); all three go in one message.
const wanted = `(select unnest(?::bigint[]) union select process_instance_key from jobs where key = any(?::bigint[]))`;
const lockSql = `select p.* from process_instances p where p.key in ${wanted} order by p.key for update of p`;
const stateSql = `select i.key::text as instance_key, ${stateColumns('i.key')} from ${wanted} as i(key)`;
const jobsSql = `select key::text, type, state, retries, process_instance_key::text, element_instance_key::text
  from jobs where key = any(?::bigint[])`;

const statements = {
  lock: { name: 'engine_preload_lock', sql: lockSql },
  state: { name: 'engine_preload_state', sql: stateSql },
  jobs: { name: 'engine_preload_jobs', sql: jobsSql },
} satisfies Record<string, PreparedSql>;

export interface Preloaded {
  snapshots: InstanceSnapshot[];
  /** The jobs as they are after the lock, by key; a job that does not exist is absent. */
  jobs: Map<string, JobJson>;
}

/** Locks and loads, in one round trip, every instance a batch of commands will work on. */
export async function preloadSnapshots(
  trx: Knex.Transaction,
  definitions: DefinitionCache,
  keys: PreloadKeys,
): Promise<Preloaded> {
  const instances = toPgArray(keys.instanceKeys);
  const jobKeys = toPgArray(keys.jobKeys);
  const [lock, state, jobs] = await queryScript(trx, [
    execute(statements.lock, [instances, jobKeys]),
    execute(statements.state, [instances, jobKeys]),
    execute(statements.jobs, [jobKeys]),
  ]);
  const states = new Map<string, StateRow>();
  for (const row of state!.rows as unknown as (StateRow & { instance_key: string })[])
    states.set(row.instance_key, row);
  const snapshots: InstanceSnapshot[] = [];
  for (const row of lock!.rows as unknown as InstanceRow[]) {
    const loaded = states.get(String(row.key));
    if (loaded) snapshots.push((await toSnapshot(trx, definitions, row, { ...loaded, job: null })).snapshot);
  }
  const byKey = new Map<string, JobJson>();
  for (const job of jobs!.rows as unknown as JobJson[]) byKey.set(job.key, job);
  return { snapshots, jobs: byKey };
}
