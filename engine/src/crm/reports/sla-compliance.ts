import type { Knex } from 'knex';
import {
  slaCompliance as complianceBy,
  type ComplianceGroup,
  type ComplianceRow,
} from '../../platform/sla/sla-compliance-query.js';

export type { ComplianceRow };

export const complianceGroupings = ['type', 'area', 'priority', 'month'] as const;
export type ComplianceGrouping = (typeof complianceGroupings)[number];

/** The CRM's groupings: the case's `type` and `area` fields, the clock's priority, the month. */
function groupOf(groupBy: ComplianceGrouping, timeZone: string): ComplianceGroup {
  if (groupBy === 'priority') return { clock: 'priority' };
  if (groupBy === 'month') return { month: { timeZone } };
  return { recordField: groupBy };
}

/** SLA compliance of the clocks started in [from, to), per metric and group. */
export async function slaCompliance(
  db: Knex,
  query: { from: Date; to: Date; groupBy: ComplianceGrouping; timeZone: string },
): Promise<ComplianceRow[]> {
  return complianceBy(db, { from: query.from, to: query.to, group: groupOf(query.groupBy, query.timeZone) });
}
