/**
 * Races: many concurrent completions of each user task (exactly one 204 per task, the others 404 or
 * 409), and parallel joins whose two branches complete at the same moment, each job completed twice
 * at once (one 204, one 404), so that the join fires once and each instance completes once.
 */
import { activateJobs, completeJob, completeUserTask, deploy, type ActivatedJob } from '../api.js';
import { waitFor, type Pool } from '../audit.js';
import { parallelJoin, userTask } from '../bpmn.js';
import { settle, twiceProblems } from '../outcome.js';
import type { Context, Scenario } from '../scenario.js';
import { startStream } from '../starts.js';
import { Workers } from '../workers.js';

const tally = (counts: Record<string, number>, status: number) =>
  (counts[status] = (counts[status] ?? 0) + 1);

async function userTaskKeys(db: Pool, count: number): Promise<string[]> {
  let keys: string[] = [];
  await waitFor(async () => {
    const { rows } = await db.query<{ key: string }>(
      `select key from user_tasks where bpmn_process_id = 'chaos-race-task' order by key`,
    );
    keys = rows.map((r) => r.key);
    return keys.length >= count;
  }, 60_000);
  return keys;
}

/** Activates both branches' jobs and completes each pair together, each job twice at once. */
async function raceJoins(base: string, statuses: Record<string, number>, until: () => boolean) {
  let doubleAcks = 0;
  while (!until()) {
    const [a, b] = await Promise.all(
      ['chaos-race-a', 'chaos-race-b'].map((type) =>
        activateJobs(base, type, 'racer', { max: 32, timeoutMs: 20_000, pollMs: 500 }),
      ),
    );
    const jobs: ActivatedJob[] = [...a!, ...b!];
    await Promise.all(
      jobs.map(async (job) => {
        const answers = await Promise.all([completeJob(base, job.jobKey), completeJob(base, job.jobKey)]);
        for (const answer of answers) tally(statuses, answer.status);
        if (answers.filter((r) => r.status === 204).length > 1) doubleAcks++;
      }),
    );
  }
  return doubleAcks;
}

export const concurrentCompletes: Scenario = {
  name: 'concurrent-completes',
  budgetMs: { short: 120_000, full: 360_000 },
  async run(ctx: Context) {
    const tasks = ctx.pick(50, 1_000);
    const racers = ctx.pick(20, 100);
    const joins = ctx.pick(50, 300);
    const { url, db } = await ctx.database();
    const engine = await ctx.engine(url, db);
    await deploy(engine.url, 'race-task.bpmn', userTask('chaos-race-task'));
    await deploy(engine.url, 'race-join.bpmn', parallelJoin('chaos-race-join', 'chaos-race'));
    const problems: string[] = [];

    // 1. User tasks: `racers` completions of each at once, a few tasks at a time.
    const taskStarts = await startStream(() => [engine.url], 'chaos-race-task', tasks, {
      stopped: () => ctx.closed,
      prefix: 'task',
    });
    const keys = await userTaskKeys(db, taskStarts.acknowledged.length);
    const taskStatuses: Record<string, number> = {};
    let tasksTwice = 0;
    let tasksNever = 0;
    const perWave = Math.max(1, Math.floor(500 / racers));
    for (let i = 0; i < keys.length; i += perWave) {
      await Promise.all(
        keys.slice(i, i + perWave).map(async (key) => {
          const answers = await Promise.all(
            Array.from({ length: racers }, () => completeUserTask(engine.url, key)),
          );
          for (const status of answers) tally(taskStatuses, status);
          const ok = answers.filter((s) => s === 204).length;
          if (ok > 1) tasksTwice++;
          if (ok === 0) tasksNever++;
        }),
      );
    }
    const odd = Object.keys(taskStatuses).filter((s) => !['204', '404', '409'].includes(s));
    if (odd.length)
      problems.push(
        `user task completions answered ${odd.map((s) => `${s} ×${taskStatuses[s]}`).join(', ')}`,
      );
    if (tasksTwice) problems.push(`user tasks answered 204 more than once: ${tasksTwice}`);
    if (tasksNever) problems.push(`user tasks never answered 204: ${tasksNever}`);
    const taskOutcome = await settle(db, 'chaos-race-task', taskStarts, Math.min(30_000, ctx.remaining()));

    // 2. Parallel joins whose branches complete together.
    const joinStarts = await startStream(() => [engine.url], 'chaos-race-join', joins, {
      stopped: () => ctx.closed,
      prefix: 'join',
    });
    const after = new Workers(() => [engine.url]).start(['chaos-race-after'], 2);
    ctx.onCleanup(() => after.stop());
    let settled = false;
    const jobStatuses: Record<string, number> = {};
    const racing = raceJoins(engine.url, jobStatuses, () => settled || ctx.closed);
    const joinOutcome = await settle(
      db,
      'chaos-race-join',
      joinStarts,
      Math.min(ctx.pick(60_000, 120_000), ctx.remaining()),
    );
    settled = true;
    const jobsTwice = await racing;
    await after.stop();
    const oddJobs = Object.keys(jobStatuses).filter((s) => !['204', '404'].includes(s));
    if (oddJobs.length)
      problems.push(`job completions answered ${oddJobs.map((s) => `${s} ×${jobStatuses[s]}`).join(', ')}`);
    if (jobsTwice) problems.push(`jobs answered 204 twice: ${jobsTwice}`);
    const joinsTwice = await db.query<{ n: string }>(
      `select count(*) as n from (select process_instance_key from element_instances
        where element_id = 'after' group by 1 having count(*) > 1) q`,
    );

    return {
      test: 'concurrent-completes',
      load: `${keys.length} tasks ×${racers}, ${joinStarts.acknowledged.length} joins`,
      faults: `${keys.length * racers} task + ${(jobStatuses['204'] ?? 0) + (jobStatuses['404'] ?? 0)} job completes`,
      lost: taskOutcome.lost + joinOutcome.lost,
      duplicated: taskOutcome.duplicated + joinOutcome.duplicated + tasksTwice + jobsTwice,
      stuck: taskOutcome.stuck + joinOutcome.stuck + tasksNever,
      problems: [
        ...problems,
        ...twiceProblems(taskOutcome),
        ...twiceProblems(joinOutcome),
        ...(Number(joinsTwice.rows[0]!.n) ? [`joins that fired twice: ${joinsTwice.rows[0]!.n}`] : []),
        ...engine.crashes.map((c) => `engine exited unasked: ${c.slice(0, 400)}`),
      ],
      notes: [
        `user task answers: ${JSON.stringify(taskStatuses)}; job answers: ${JSON.stringify(jobStatuses)}`,
      ],
    };
  },
};
