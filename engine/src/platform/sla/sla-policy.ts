import schema from '../../../../schemas/sla-policy.schema.json' with { type: 'json' };
import { parseBusinessDuration } from '../calendars/business-duration.js';
import { schemaKind, type DefinitionProblem } from '../definitions/definition-kind.js';
import { checkConditions } from '../rules/check-rule-set.js';
import type { Condition } from '../rules/rule-set.js';

export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

export interface SlaCondition {
  all?: SlaCondition[];
  any?: SlaCondition[];
  not?: SlaCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
}

/** An SLA policy (contract C6, `schemas/sla-policy.schema.json`). */
export interface SlaPolicyContent {
  id: string;
  title: { ca: string; es: string; en: string };
  order: number;
  appliesTo: 'case' | 'work_order';
  conditions?: SlaCondition;
  calendar: string;
  metrics: Record<string, Partial<Record<Priority, string>>>;
  pauseStatuses?: string[];
  warningThresholds?: number[];
}

export const defaultWarningThresholds = [0.5, 0.75];

const policyFacts: ReadonlySet<string> = new Set(['record']);

/** The target of a metric for a priority: its own, else the `normal` one, else none. */
export function targetFor(policy: SlaPolicyContent, metric: string, priority: unknown): string | undefined {
  const targets = policy.metrics[metric];
  if (!targets) return undefined;
  return (typeof priority === 'string' ? targets[priority as Priority] : undefined) ?? targets.normal;
}

function policyProblems(policy: SlaPolicyContent): DefinitionProblem[] {
  const problems = policy.conditions
    ? checkConditions(policy.conditions as Condition, '/conditions', policyFacts)
    : [];
  for (const [metric, targets] of Object.entries(policy.metrics)) {
    for (const [priority, target] of Object.entries(targets)) {
      const parsed = parseBusinessDuration(target);
      if (typeof parsed === 'string')
        problems.push({ path: `/metrics/${metric}/${priority}`, message: parsed });
      else if (parsed.days === 0 && parsed.milliseconds === 0) {
        problems.push({ path: `/metrics/${metric}/${priority}`, message: 'must be longer than zero' });
      }
    }
  }
  return problems;
}

export const slaPolicyKind = schemaKind<SlaPolicyContent>('sla-policy', schema, policyProblems);
