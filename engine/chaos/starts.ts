/** A stream of instance starts, each tagged with a business key `bk`; no retries (a retry could duplicate). */
import { startInstance } from './api.js';

export interface StartResult {
  acknowledged: string[];
  /** Starts that got an error or no answer: they may or may not have committed. */
  ambiguous: string[];
  /** Answers 5xx other than 503 (a fault should look like 503 or a lost connection). */
  serverErrors: number;
  /** Status → how many starts got it, for every answer but 200. */
  statuses: Record<string, number>;
  sampleError?: string;
}

export async function startStream(
  urls: () => string[],
  processId: string,
  count: number,
  options: {
    concurrency?: number;
    prefix: string;
    variables?: (i: number) => Record<string, unknown>;
    /** Starts per second at most (the stream then lasts about count / rate seconds). */
    rate?: number;
    /** Stops the stream early (the scenario is over). */
    stopped?: () => boolean;
  },
): Promise<StartResult> {
  const result: StartResult = { acknowledged: [], ambiguous: [], serverErrors: 0, statuses: {} };
  const began = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < count && !options.stopped?.()) {
      const i = next++;
      const due = options.rate ? began + (i * 1_000) / options.rate : 0;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const bk = `${options.prefix}-${i}`;
      const all = urls();
      const reply = await startInstance(all[i % all.length]!, processId, { bk, ...options.variables?.(i) });
      if (reply.status === 200) result.acknowledged.push(bk);
      else {
        result.ambiguous.push(bk);
        result.statuses[reply.status] = (result.statuses[reply.status] ?? 0) + 1;
        if (reply.status >= 500 && reply.status !== 503) {
          result.serverErrors++;
          result.sampleError ??= `${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, lane));
  return result;
}
