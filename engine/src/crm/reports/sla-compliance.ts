import type { Knex } from 'knex';

export const complianceGroupings = ['type', 'area', 'priority', 'month'] as const;
export type ComplianceGrouping = (typeof complianceGroupings)[number];

export interface ComplianceRow {
  group: string;
  metric: string;
  clocks: number;
  met: number;
  breached: number;
  open: number;
  /** met / (met + breached), or null when none finished. */
  compliance: number | null;
  /** Averages over stopped clocks: business time (pauses excluded) and calendar time. */
  averageBusinessSeconds: number | null;
  averageCalendarSeconds: number | null;
}

const groupExpressions: Record<ComplianceGrouping, string> = {
  type: "coalesce(r.data->>'type', 'unknown')",
  area: "coalesce(r.data->>'area', 'unknown')",
  priority: "coalesce(c.priority, 'unknown')",
  month: "to_char(c.started_at at time zone ?, 'YYYY-MM')",
};

/** SLA compliance of the clocks started in [from, to), per metric and group. */
export async function slaCompliance(
  db: Knex,
  query: { from: Date; to: Date; groupBy: ComplianceGrouping; timeZone: string },
): Promise<ComplianceRow[]> {
  const group = groupExpressions[query.groupBy];
  const groupBindings = query.groupBy === 'month' ? [query.timeZone] : [];
  const { rows } = await db.raw<{ rows: Record<string, string | number | null>[] }>(
    `select ${group} as "group", c.metric,
            count(*)::int as clocks,
            count(*) filter (where c.status = 'met')::int as met,
            count(*) filter (where c.status = 'breached' or c.breached_at is not null)::int as breached,
            count(*) filter (where c.stopped_at is null)::int as open,
            avg(c.elapsed_ms) filter (where c.stopped_at is not null and c.status <> 'cancelled') / 1000 as business,
            avg(extract(epoch from c.stopped_at - c.started_at))
              filter (where c.stopped_at is not null and c.status <> 'cancelled') as calendar
       from sla_clocks c
       left join records r on r.type = c.record_type and r.id::text = c.record_id
      where c.started_at >= ? and c.started_at < ? and c.status <> 'cancelled'
      group by 1, 2
      order by 1, 2`,
    [...groupBindings, query.from, query.to],
  );
  return rows.map((row) => {
    const met = Number(row.met);
    const breached = Number(row.breached);
    const average = (value: unknown) => (value === null ? null : Math.round(Number(value)));
    return {
      group: String(row.group),
      metric: String(row.metric),
      clocks: Number(row.clocks),
      met,
      breached,
      open: Number(row.open),
      compliance: met + breached === 0 ? null : Math.round((met / (met + breached)) * 10_000) / 10_000,
      averageBusinessSeconds: average(row.business),
      averageCalendarSeconds: average(row.calendar),
    };
  });
}
