import { describe, expect, it } from 'vitest';
import { pickLeastLoaded, pickRoundRobin, type Candidate } from './pick-agent.js';

const agent = (username: string, openTasks = 0, absent = false): Candidate => ({
  userId: `id-${username}`,
  username,
  openTasks,
  absent,
});

describe('least-loaded', () => {
  const cases: [string, Candidate[], string | undefined][] = [
    ['fewest open tasks', [agent('anna', 3), agent('bernat', 1), agent('carla', 2)], 'bernat'],
    ['ties go to the first by username', [agent('carla', 1), agent('anna', 1), agent('bernat', 4)], 'anna'],
    ['absent agents are skipped', [agent('anna', 0, true), agent('bernat', 5)], 'bernat'],
    ['everyone absent', [agent('anna', 0, true)], undefined],
    ['nobody in the group', [], undefined],
  ];
  it.each(cases)('%s', (_what, candidates, expected) => {
    expect(pickLeastLoaded(candidates)?.username).toBe(expected);
  });
});

describe('round-robin', () => {
  const group = [agent('carla'), agent('anna'), agent('bernat')];
  const cases: [string, Candidate[], string | null, string | undefined][] = [
    ['starts with the first by username', group, null, 'anna'],
    ['takes the next after the last one', group, 'id-anna', 'bernat'],
    ['wraps around', group, 'id-carla', 'anna'],
    ['skips absent agents', [agent('anna'), agent('bernat', 0, true), agent('carla')], 'id-anna', 'carla'],
    [
      'the last one again when all others are absent',
      [agent('anna', 0, true), agent('bernat')],
      'id-bernat',
      'bernat',
    ],
    ['restarts when the last one left the group', group, 'id-gone', 'anna'],
    ['everyone absent', [agent('anna', 0, true)], null, undefined],
  ];
  it.each(cases)('%s', (_what, candidates, last, expected) => {
    expect(pickRoundRobin(candidates, last)?.username).toBe(expected);
  });

  it('cycles through the group evenly', () => {
    let last: string | null = null;
    const picked: string[] = [];
    for (let i = 0; i < 6; i++) {
      const next: Candidate = pickRoundRobin(group, last)!;
      picked.push(next.username);
      last = next.userId;
    }
    expect(picked).toEqual(['anna', 'bernat', 'carla', 'anna', 'bernat', 'carla']);
  });
});
