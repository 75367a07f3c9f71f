/**
 * An engine process for the kill test: the engine (timers included) plus workers for the three task
 * types. Each job's external effect is a ledger row written before the job is completed, so a kill
 * between the two leaves a ledger row and a job that another process completes later.
 */
import pg from 'pg';
import { createKnex } from '../src/infra/db/create-knex.js';
import { createLogger } from '../src/infra/logging/logger.js';
import { ProcessEngine } from '../src/process-engine/index.js';

const url = process.env.DATABASE_URL!;
const db = createKnex({ kind: 'postgres', url, poolMax: 8 });
const engine = await ProcessEngine.create(db, { kind: 'postgres', url });
engine.startBackgroundWork(createLogger('silent'));
const ledger = new pg.Pool({ connectionString: url, max: 4 });

async function work(type: string): Promise<never> {
  for (;;) {
    const jobs = await engine.activateJobs({
      type,
      worker: `pid-${process.pid}`,
      maxJobsToActivate: 8,
      timeout: 1_500,
      requestTimeout: 500,
    });
    for (const job of jobs) {
      await ledger.query('insert into kill_ledger (job_key, pid) values ($1, $2)', [job.jobKey, process.pid]);
      await engine.completeJob(job.jobKey, { [`${type}By`]: process.pid }).catch(() => undefined);
    }
  }
}

process.stdout.write('ready\n');
await Promise.all(['kill-t1', 'kill-t2', 'kill-t3'].map(work));
