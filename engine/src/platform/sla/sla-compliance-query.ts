import type { Knex } from 'knex';
import { recordFieldJoin } from '../entities/record-field-join.js';

/** How clocks are grouped: by a field of their record's data, their priority, or the month they started. */
export type ComplianceGroup =
  { recordField: string } | { clock: 'priority' } | { month: { timeZone: string } };

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

/** SLA compliance of the clocks started in [from, to), per metric and group (cancelled clocks aside). */
export async function slaCompliance(
  db: Knex,
  query: { from: Date; to: Date; group: ComplianceGroup },
): Promise<ComplianceRow[]> {
  const grouping = query.group;
  const field =
    'recordField' in grouping
      ? recordFieldJoin(grouping.recordField, { typeColumn: 'c.record_type', idColumn: 'c.record_id' })
      : undefined;
  const group = field
    ? `coalesce(${field.value}, 'unknown')`
    : 'clock' in grouping
      ? "coalesce(c.priority, 'unknown')"
      : "to_char(c.started_at at time zone ?, 'YYYY-MM')";
  const groupBindings = 'month' in grouping ? [grouping.month.timeZone] : [];
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
       ${field?.join ?? ''}
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
