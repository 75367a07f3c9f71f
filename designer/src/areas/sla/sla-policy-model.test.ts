import { describe, expect, it } from 'vitest';
import { addMetric, newPolicy, removeMetric, renumber, setAppliesTo, setTarget } from './sla-policy-model';

const policy = newPolicy('complaints');

describe('editing an SLA policy', () => {
  it('sets, replaces and clears a target per metric and priority', () => {
    const urgent = setTarget(policy, 'first_response', 'urgent', 'PT2H');
    expect(urgent.metrics.first_response).toEqual({ normal: 'PT8H', urgent: 'PT2H' });
    expect(setTarget(urgent, 'first_response', 'urgent', undefined).metrics.first_response).toEqual({
      normal: 'PT8H',
    });
    expect(setTarget(policy, 'callback', 'high', 'PT1H').metrics.callback).toEqual({ high: 'PT1H' });
    expect(policy.metrics.first_response).toEqual({ normal: 'PT8H' });
  });

  it('adds a custom metric once and removes it', () => {
    const added = addMetric(policy, 'callback');
    expect(Object.keys(added.metrics)).toEqual(['first_response', 'resolution', 'callback']);
    expect(addMetric(added, 'callback')).toBe(added);
    expect(Object.keys(removeMetric(added, 'first_response').metrics)).toEqual(['resolution', 'callback']);
  });

  it('keeps only the pause statuses of the new record type', () => {
    const onWorkOrders = setAppliesTo(
      { ...policy, pauseStatuses: ['pending_information', 'closed'] },
      'work_order',
    );
    expect(onWorkOrders.appliesTo).toBe('work_order');
    expect(onWorkOrders.pauseStatuses).toEqual(['closed']);
  });

  it('renumbers policies by position and reports only the changed ones', () => {
    const listed = [
      { id: 'a', order: 10 },
      { id: 'c', order: 30 },
      { id: 'b', order: 20 },
    ];
    expect(renumber(listed)).toEqual([
      { id: 'c', order: 20 },
      { id: 'b', order: 30 },
    ]);
    expect(renumber([{ id: 'a', order: 10 }])).toEqual([]);
  });
});
