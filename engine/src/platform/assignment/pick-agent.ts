export const strategies = ['least-loaded', 'round-robin'] as const;
export type Strategy = (typeof strategies)[number];

export function isStrategy(value: unknown): value is Strategy {
  return typeof value === 'string' && (strategies as readonly string[]).includes(value);
}

export interface Candidate {
  userId: string;
  username: string;
  openTasks: number;
  absent: boolean;
}

const byUsername = (a: Candidate, b: Candidate) =>
  a.username < b.username ? -1 : a.username > b.username ? 1 : 0;

/** The present member with the fewest open user tasks; ties go to the first by username. */
export function pickLeastLoaded(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of [...candidates].sort(byUsername)) {
    if (candidate.absent) continue;
    if (!best || candidate.openTasks < best.openTasks) best = candidate;
  }
  return best;
}

/** The present member after the last one picked, in username order, wrapping around. */
export function pickRoundRobin(
  candidates: readonly Candidate[],
  lastUserId: string | null,
): Candidate | undefined {
  const ordered = [...candidates].sort(byUsername);
  const start = lastUserId ? ordered.findIndex((c) => c.userId === lastUserId) + 1 : 0;
  for (let i = 0; i < ordered.length; i++) {
    const candidate = ordered[(start + i) % ordered.length]!;
    if (!candidate.absent) return candidate;
  }
  return undefined;
}

export function pickAgent(
  strategy: Strategy,
  candidates: readonly Candidate[],
  lastUserId: string | null,
): Candidate | undefined {
  return strategy === 'round-robin' ? pickRoundRobin(candidates, lastUserId) : pickLeastLoaded(candidates);
}
