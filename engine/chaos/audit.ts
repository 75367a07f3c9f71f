/**
 * What the database says happened, read with plain SQL on the engine's tables (see
 * migrations/0003-process-engine.ts): instances by business key, and anything done twice.
 */
import pg from 'pg';

export type Pool = pg.Pool;

export function pool(url: string): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max: 4 });
  p.on('error', () => undefined); // the cluster is restarted under us on purpose
  return p;
}

/** The demo OAuth client may also work user tasks (the suite's single identity). */
export async function grantAdmin(db: pg.Pool): Promise<void> {
  await db.query(
    `update oauth_clients set roles = '{admin,integration}'::tramit_role[] where client_id = 'demo-integration'`,
  );
}

/** Business key (variable `bk` on the instance) → the states of the instances carrying it. */
export async function instancesByKey(db: pg.Pool, processId: string): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ bk: string; state: string }>(
    `select v.value #>> '{}' as bk, p.state from process_instances p
       join variables v on v.scope_key = p.key and v.name = 'bk'
      where p.bpmn_process_id = $1`,
    [processId],
  );
  const found = new Map<string, string[]>();
  for (const row of rows) found.set(row.bk, [...(found.get(row.bk) ?? []), row.state]);
  return found;
}

export async function countWhere(db: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`select count(*) as n from (${sql}) q`, params);
  return Number(rows[0]!.n);
}

/**
 * Things the engine recorded more than once: a job completed twice, a timer fired twice, a user task
 * completed twice, and an element (not a gateway, whose incoming tokens may each be recorded) run
 * twice in one instance (a join that fired twice shows as the element after it running twice).
 */
export async function doneTwice(db: pg.Pool, processId: string): Promise<Record<string, number>> {
  const twice = (event: string, field: string) =>
    countWhere(
      db,
      `select h.data->>'${field}' from history h join process_instances p on p.key = h.process_instance_key
        where h.event = '${event}' and p.bpmn_process_id = $1 group by 1 having count(*) > 1`,
      [processId],
    );
  return {
    'jobs completed twice': await twice('JOB_COMPLETED', 'jobKey'),
    'timers fired twice': await twice('TIMER_FIRED', 'timerKey'),
    'user tasks completed twice': await twice('USER_TASK_COMPLETED', 'userTaskKey'),
    'elements run twice in an instance': await countWhere(
      db,
      `select e.process_instance_key, e.element_id from element_instances e
         join process_instances p on p.key = e.process_instance_key
        where p.bpmn_process_id = $1 and e.element_type not ilike '%gateway%'
        group by 1, 2 having count(*) > 1`,
      [processId],
    ),
  };
}

export function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Polls until `check` is true or the time is up; answers whether it became true. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 1_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
