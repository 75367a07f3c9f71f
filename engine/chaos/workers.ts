/**
 * Job workers over HTTP: activate (long poll) and complete, as many loops as asked, until stopped.
 * Each completion's answer is kept per job: a job may be answered 204 once, at most.
 */
import { activateJobs, completeJob } from './api.js';

export class Workers {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  /** job key → the statuses its completions got. */
  readonly completions = new Map<string, number[]>();
  activations = 0;
  /** Completions answered 204 after the job's lease (deadline) had passed. */
  lateAcks = 0;
  sampleError?: string;

  /** `urls()` is read on every round, so a worker follows the engine it should talk to. */
  constructor(
    private readonly urls: () => string[],
    private readonly options: { leaseMs?: number; pollMs?: number; max?: number } = {},
  ) {}

  start(types: string[], loopsPerType = 1): this {
    for (const type of types) {
      for (let i = 0; i < loopsPerType; i++) this.loops.push(this.loop(type, `${type}-${i}`, i));
    }
    return this;
  }

  private async loop(type: string, worker: string, index: number): Promise<void> {
    while (this.running) {
      const urls = this.urls();
      const base = urls[index % urls.length]!;
      const jobs = await activateJobs(base, type, worker, {
        max: this.options.max ?? 16,
        timeoutMs: this.options.leaseMs ?? 10_000,
        pollMs: this.options.pollMs ?? 1_000,
      });
      this.activations += jobs.length;
      if (jobs.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      await Promise.all(
        jobs.map(async (job) => {
          const { status, body } = await completeJob(base, job.jobKey);
          if (status === 204 && Date.now() > Number(job.deadline)) this.lateAcks++;
          if (status >= 500 && status !== 503)
            this.sampleError ??= `${status} ${JSON.stringify(body).slice(0, 300)}`;
          this.completions.set(job.jobKey, [...(this.completions.get(job.jobKey) ?? []), status]);
        }),
      );
    }
  }

  /** Jobs that more than one completion was answered 204 for. */
  doubleAcks(): number {
    let n = 0;
    for (const statuses of this.completions.values()) if (statuses.filter((s) => s === 204).length > 1) n++;
    return n;
  }

  /** Completions answered 5xx other than 503 (a fault should give 503 or a lost connection). */
  serverErrors(): number {
    let n = 0;
    for (const statuses of this.completions.values())
      n += statuses.filter((s) => s >= 500 && s !== 503).length;
    return n;
  }

  /** Status → count over every completion answer but 204. */
  statuses(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const list of this.completions.values()) {
      for (const s of list) if (s !== 204) counts[s] = (counts[s] ?? 0) + 1;
    }
    return counts;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}
