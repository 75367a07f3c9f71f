/** Waiting for a run to settle, then counting lost / duplicated / stuck from the database. */
import { doneTwice, instancesByKey, sum, waitFor, type Pool } from './audit.js';
import { countInstances } from './report.js';
import type { StartResult } from './starts.js';

export interface Outcome {
  lost: number;
  duplicated: number;
  stuck: number;
  completed: number;
  twice: Record<string, number>;
  settledMs: number;
}

/** Waits (at most `timeoutMs`) until every instance of `processId` is completed, then counts. */
export async function settle(
  db: Pool,
  processId: string,
  starts: StartResult,
  timeoutMs: number,
): Promise<Outcome> {
  const began = Date.now();
  await waitFor(async () => {
    const found = await instancesByKey(db, processId);
    const counts = countInstances(starts.acknowledged, starts.ambiguous, found);
    return counts.stuck === 0 && counts.lost === 0;
  }, timeoutMs);
  const settledMs = Date.now() - began;
  const counts = countInstances(starts.acknowledged, starts.ambiguous, await instancesByKey(db, processId));
  const twice = await doneTwice(db, processId);
  return { ...counts, duplicated: counts.duplicated + sum(twice), twice, settledMs };
}

/** The problems an outcome shows beyond its three counts. */
export function twiceProblems(outcome: Outcome): string[] {
  return Object.entries(outcome.twice)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what}: ${n}`);
}
