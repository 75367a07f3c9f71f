/** What a record change means for its SLA clocks. Pure: reads only the before and after data. */
export type ClockAction =
  | { kind: 'start' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop'; metrics: 'all' | string[] }
  | { kind: 'cancel' }
  | { kind: 'retarget'; priority: string; reason: string };

export const firstResponseMetric = 'first_response';

const stopStatuses: Record<string, string[]> = {
  case: ['resolved', 'closed'],
  work_order: ['finished', 'closed'],
};
const cancelStatuses: Record<string, string[]> = { work_order: ['cancelled'] };

type Data = Record<string, unknown> | null;

export function clockActions(
  entityType: string,
  action: 'create' | 'update' | 'delete',
  before: Data,
  after: Data,
  pauseStatuses: readonly string[],
): ClockAction[] {
  if (action === 'delete' || !after) return [{ kind: 'cancel' }];
  const status = after.status;
  const isIn = (list: readonly string[] | undefined, value: unknown) =>
    typeof value === 'string' && (list ?? []).includes(value);
  if (action === 'create') {
    if (isIn(stopStatuses[entityType], status) || isIn(cancelStatuses[entityType], status)) return [];
    return [{ kind: 'start' }, ...(isIn(pauseStatuses, status) ? [{ kind: 'pause' as const }] : [])];
  }
  const actions: ClockAction[] = [];
  if (before?.priority !== after.priority && typeof after.priority === 'string') {
    actions.push({ kind: 'retarget', priority: after.priority, reason: 'priority' });
  }
  if (!before?.firstResponseAt && after.firstResponseAt)
    actions.push({ kind: 'stop', metrics: [firstResponseMetric] });
  if (before?.status !== status) {
    if (isIn(cancelStatuses[entityType], status)) actions.push({ kind: 'cancel' });
    else if (isIn(stopStatuses[entityType], status)) actions.push({ kind: 'stop', metrics: 'all' });
    else if (isIn(pauseStatuses, status)) actions.push({ kind: 'pause' });
    else if (isIn(pauseStatuses, before?.status)) actions.push({ kind: 'resume' });
  }
  return actions;
}
