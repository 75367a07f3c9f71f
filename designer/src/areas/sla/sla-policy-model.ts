import type { Condition } from '../../components/definitions/conditions/condition-tree';
import type { SLAPolicy } from '../../../../schemas/types/sla-policy';

export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];
export type AppliesTo = SLAPolicy['appliesTo'];

/**
 * An SLA policy (contract C6, `schemas/sla-policy.schema.json`; the type is generated from it), with
 * the condition tree the editor builds (the schema's if/then/else has no TypeScript form).
 */
export type SlaPolicy = Omit<SLAPolicy, 'conditions'> & { conditions?: Condition };

export const statusesOf: Record<AppliesTo, readonly string[]> = {
  case: ['open', 'in_progress', 'pending_information', 'resolved', 'closed'],
  work_order: ['pending', 'accepted', 'started', 'paused', 'finished', 'closed', 'cancelled'],
};

export const newPolicy = (id: string): SlaPolicy => ({
  id,
  title: { ca: id, es: id, en: id },
  order: 100,
  appliesTo: 'case',
  conditions: { all: [] },
  calendar: '',
  metrics: { first_response: { normal: 'PT8H' }, resolution: { normal: 'P5D' } },
  pauseStatuses: ['pending_information'],
  warningThresholds: [0.5, 0.75],
});

export const metricNamePattern = /^[a-z][a-z0-9_]{0,62}$/;

/** Sets or clears (undefined) one target, keeping the metric even when it has no targets left. */
export function setTarget(
  policy: SlaPolicy,
  metric: string,
  priority: Priority,
  iso: string | undefined,
): SlaPolicy {
  const targets = { ...policy.metrics[metric] };
  if (iso === undefined) delete targets[priority];
  else targets[priority] = iso;
  return { ...policy, metrics: { ...policy.metrics, [metric]: targets } };
}

export function addMetric(policy: SlaPolicy, metric: string): SlaPolicy {
  if (policy.metrics[metric]) return policy;
  return { ...policy, metrics: { ...policy.metrics, [metric]: { normal: 'PT8H' } } };
}

export function removeMetric(policy: SlaPolicy, metric: string): SlaPolicy {
  const { [metric]: _removed, ...rest } = policy.metrics;
  return { ...policy, metrics: rest };
}

/** Changing what the policy applies to keeps only the pause statuses that type has. */
export function setAppliesTo(policy: SlaPolicy, appliesTo: AppliesTo): SlaPolicy {
  const allowed = new Set(statusesOf[appliesTo]);
  return { ...policy, appliesTo, pauseStatuses: (policy.pauseStatuses ?? []).filter((s) => allowed.has(s)) };
}

/** Orders policies by their position: 10, 20, 30 ...; returns only those whose order changed. */
export function renumber<T extends { id: string; order: number }>(ordered: readonly T[]): T[] {
  return ordered.flatMap((policy, index) => {
    const order = (index + 1) * 10;
    return policy.order === order ? [] : [{ ...policy, order }];
  });
}
