import { describe, expect, it } from 'vitest';
import { elementBadges } from './element-badges';

const stat = (elementId: string, active: number, incidents: number, completed: number, canceled = 0) => ({
  elementId,
  active,
  incidents,
  completed,
  canceled,
});

describe('elementBadges', () => {
  it('highlights active and failed elements and keeps only non-zero counts', () => {
    expect(
      elementBadges([
        stat('start', 0, 0, 1),
        stat('review', 1, 0, 0),
        stat('call', 1, 1, 2),
        stat('end', 0, 0, 0),
      ]),
    ).toEqual([
      { elementId: 'start', marker: null, counts: [{ kind: 'completed', count: 1 }] },
      { elementId: 'review', marker: 'tramit-active', counts: [{ kind: 'active', count: 1 }] },
      {
        elementId: 'call',
        marker: 'tramit-incident',
        counts: [
          { kind: 'active', count: 1 },
          { kind: 'incidents', count: 1 },
          { kind: 'completed', count: 2 },
        ],
      },
    ]);
  });
});
