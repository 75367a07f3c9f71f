import { describe, expect, it } from 'vitest';
import { toFraction, toFriendly, toIso, toPercent } from './business-duration';

describe('the friendly business-duration input', () => {
  it.each([
    ['PT4H', { amount: 4, unit: 'hours' }],
    ['P2D', { amount: 2, unit: 'days' }],
    ['PT30M', { amount: 30, unit: 'minutes' }],
    ['PT90M', { amount: 90, unit: 'minutes' }],
    ['PT1H30M', { amount: 90, unit: 'minutes' }],
    ['PT120M', { amount: 2, unit: 'hours' }],
    ['PT0M', { amount: 0, unit: 'minutes' }],
    [' PT8H ', { amount: 8, unit: 'hours' }],
    ['P1DT2H', undefined],
    ['PT10S', undefined],
    ['P1W', undefined],
    ['P', undefined],
    ['PT', undefined],
    ['8 hours', undefined],
  ])('reads %j as %j', (iso, friendly) => {
    expect(toFriendly(iso)).toEqual(friendly);
  });

  it.each([
    [{ amount: 4, unit: 'hours' }, 'PT4H'],
    [{ amount: 2, unit: 'days' }, 'P2D'],
    [{ amount: 45, unit: 'minutes' }, 'PT45M'],
    [{ amount: -3, unit: 'hours' }, 'PT0H'],
    [{ amount: 2.6, unit: 'days' }, 'P3D'],
  ] as const)('writes %j as %s', (friendly, iso) => {
    expect(toIso(friendly)).toBe(iso);
  });

  it('shows thresholds as percentages and reads them back', () => {
    expect([toPercent(0.5), toPercent(0.75), toPercent(0.333)]).toEqual([50, 75, 33.3]);
    expect([toFraction(50), toFraction(75), toFraction(90.5)]).toEqual([0.5, 0.75, 0.905]);
  });
});
