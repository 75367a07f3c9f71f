import type { Knex } from 'knex';
import type { Effect, NewJob, WaitKinds } from '../../core/runtime/effects.js';
import type { KeySource } from '../../core/runtime/execution.js';
import type { ElementInstance, InstanceSnapshot } from '../../core/runtime/state.js';
import { valuesList, type SqlRow } from '../../infra/db/sql-literal.js';
import { insertWrite, toSql, updateByKeyWrite } from '../../infra/db/merge-writes.js';
import { runBatch, type Statement } from './batch.js';
import { historyInsert, historyOf, type HistoryEntry } from './history.js';
import { json } from './rows.js';

export interface Applied {
  /** Subscriptions opened by this command: buffered messages may be waiting for them. */
  openedSubscriptions: {
    key: string;
    ownerKey: string;
    elementId: string;
    messageName: string;
    correlationKey: string;
  }[];
  ended: boolean;
}

/** Writes what one command did to one instance, with as few statements as the effects allow. */
export async function applyEffects(
  trx: Knex.Transaction,
  snapshot: InstanceSnapshot,
  effects: Effect[],
  now: Date,
  keys: KeySource,
  extraHistory: HistoryEntry[] = [],
  extra: { before?: Statement[] } = {},
): Promise<Applied> {
  const { header } = snapshot;
  const instanceKey = header.key;
  const created = new Map<string, ElementInstance>();
  const updated = new Map<string, ElementInstance>();
  const finished = new Set<string>();
  const variables = new Map<string, { scopeKey: string; name: string; value: unknown }>();
  const cleared: { ownerKey: string; elementIds?: string[]; kinds: WaitKinds }[] = [];
  const jobs: NewJob[] = [];
  const applied: Applied = { openedSubscriptions: [], ended: false };
  const rows = {
    timers: [] as SqlRow[],
    subscriptions: [] as SqlRow[],
    userTasks: [] as SqlRow[],
    incidents: [] as SqlRow[],
  };

  for (const effect of effects) {
    switch (effect.kind) {
      case 'element.created':
        created.set(effect.element.key, effect.element);
        break;
      case 'element.updated':
        if (!created.has(effect.element.key)) updated.set(effect.element.key, effect.element);
        if (effect.element.state !== 'ACTIVE') finished.add(effect.element.key);
        break;
      case 'variable.set':
        variables.set(`${effect.scopeKey}\u0000${effect.name}`, effect);
        break;
      case 'waits.cleared':
        cleared.push(effect);
        break;
      case 'job.created':
        jobs.push(effect.job);
        break;
      case 'timer.created':
        rows.timers.push({
          key: effect.timer.key,
          owner_key: effect.timer.ownerKey,
          element_id: effect.timer.elementId,
          process_instance_key: instanceKey,
          process_definition_key: header.processDefinitionKey,
          due_at: effect.timer.dueAt,
          repetitions: effect.timer.repetitions ?? null,
          interval: effect.timer.interval ?? null,
          state: 'ACTIVE',
        });
        break;
      case 'subscription.opened': {
        const s = effect.subscription;
        rows.subscriptions.push({
          key: s.key,
          kind: 'instance',
          owner_key: s.ownerKey,
          element_id: s.elementId,
          process_instance_key: instanceKey,
          process_definition_key: header.processDefinitionKey,
          bpmn_process_id: header.bpmnProcessId,
          message_name: s.messageName,
          correlation_key: s.correlationKey,
          interrupting: s.interrupting,
          state: 'ACTIVE',
          tenant_id: header.tenantId,
        });
        applied.openedSubscriptions.push(s);
        break;
      }
      case 'user-task.created': {
        const t = effect.task;
        rows.userTasks.push({
          key: t.key,
          element_instance_key: t.elementInstanceKey,
          process_instance_key: instanceKey,
          process_definition_key: header.processDefinitionKey,
          bpmn_process_id: header.bpmnProcessId,
          element_id: t.elementId,
          name: t.name ?? null,
          state: 'CREATED',
          assignee: t.assignee ?? null,
          candidate_groups: json(t.candidateGroups),
          candidate_users: json(t.candidateUsers),
          due_date: t.dueDate ?? null,
          follow_up_date: t.followUpDate ?? null,
          priority: t.priority,
          form_key: t.formKey ?? null,
          tenant_id: header.tenantId,
          creation_date: now,
        });
        break;
      }
      case 'incident.raised': {
        const i = effect.incident;
        rows.incidents.push({
          key: i.key,
          process_instance_key: instanceKey,
          process_definition_key: header.processDefinitionKey,
          bpmn_process_id: header.bpmnProcessId,
          element_instance_key: i.elementInstanceKey,
          element_id: i.elementId,
          job_key: i.jobKey ?? null,
          error_type: i.errorType,
          error_message: i.errorMessage,
          state: 'ACTIVE',
          tenant_id: header.tenantId,
          creation_time: now,
        });
        break;
      }
      case 'instance.ended':
        applied.ended = true;
        break;
      default:
        break; // cross-instance effects are the executor's
    }
  }

  const elementRow = (e: ElementInstance) => ({
    key: e.key,
    process_instance_key: instanceKey,
    process_definition_key: header.processDefinitionKey,
    element_id: e.elementId,
    element_type: e.elementType,
    flow_scope_key: e.flowScopeKey,
    state: e.state,
    data: json(e.data),
    incident_key: e.incidentKey ?? null,
    start_date: e.startedAt,
    end_date: e.endedAt ?? null,
  });
  const writes: Statement[] = [...(extra.before ?? [])];
  if (created.size > 0) writes.push(insertWrite('element_instances', [...created.values()].map(elementRow)));
  if (updated.size > 0) {
    const list = [...updated.values()];
    writes.push({
      kind: 'update-values',
      table: 'element_instances',
      template: elementUpdate,
      rows: list.map((e) =>
        valuesList([[e.key, e.state, json(e.data), e.incidentKey ?? null, e.endedAt ?? null]]),
      ),
      keys: list.map((e) => e.key),
    });
  }

  // Variables stay after their scope ends: they are the record of what the instance did.
  const liveVariables = [...variables.values()];
  if (liveVariables.length > 0) {
    const variableRows = liveVariables.map((v) => ({
      key: keys.next(),
      scope_key: v.scopeKey,
      name: v.name,
      process_instance_key: instanceKey,
      value: json(v.value),
      updated_at: now,
    }));
    writes.push(
      `${toSql(insertWrite('variables', variableRows))}
       on conflict (scope_key, name) do update set value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  if (jobs.length > 0) {
    writes.push(
      insertWrite(
        'jobs',
        jobs.map((j) => ({
          key: j.key,
          type: j.type,
          state: 'CREATED',
          retries: j.retries,
          process_instance_key: instanceKey,
          element_instance_key: j.elementInstanceKey,
          element_id: j.elementId,
          process_definition_key: header.processDefinitionKey,
          bpmn_process_id: header.bpmnProcessId,
          process_definition_version: header.version,
          custom_headers: json(j.customHeaders),
          available_at: now,
          tenant_id: header.tenantId,
          created_at: now,
        })),
      ),
    );
  }
  // Waits opened for an element that also ended in this command are never written.
  const live = (row: Record<string, unknown>) => !finished.has(row.owner_key as string);
  rows.timers = rows.timers.filter(live);
  rows.subscriptions = rows.subscriptions.filter(live);
  applied.openedSubscriptions = applied.openedSubscriptions.filter((s) => !finished.has(s.ownerKey));
  if (rows.timers.length > 0) writes.push(insertWrite('timers', rows.timers));
  if (rows.subscriptions.length > 0) writes.push(insertWrite('message_subscriptions', rows.subscriptions));
  if (rows.userTasks.length > 0) writes.push(insertWrite('user_tasks', rows.userTasks));
  if (rows.incidents.length > 0) writes.push(insertWrite('incidents', rows.incidents));

  // Waits of elements that existed before this command (new elements' waits are new rows above).
  const owners = cleared.filter((c) => !created.has(c.ownerKey) || c.elementIds);
  if (owners.length > 0) writes.push(...clearWaits(trx, owners, now));

  if (applied.ended) {
    writes.push(
      updateByKeyWrite('process_instances', instanceKey, {
        state: header.status,
        end_date: header.endedAt ?? null,
      }),
    );
  }
  // An incident was raised, or an element that had one ended (ending resolves it).
  const endedWithIncident = [...finished].some((key) => (created.get(key) ?? updated.get(key))?.incidentKey);
  if (rows.incidents.length > 0 || endedWithIncident) writes.push(incidentFlagUpdate(trx, instanceKey));
  const history = historyInsert([...extraHistory, ...historyOf(instanceKey, effects)], now);
  if (history) writes.push(history);
  await runBatch(trx, writes);
  return applied;
}

const elementUpdate = `update element_instances as e set state = v.state, data = v.data::jsonb,
    incident_key = v.incident_key::bigint, end_date = v.end_date::timestamptz
  from (values $values) as v(key, state, data, incident_key, end_date)
  where e.key = v.key::bigint`;

export function incidentFlagUpdate(trx: Knex.Transaction, instanceKey: string): Knex.Raw {
  return trx.raw(
    `update process_instances set has_incident =
       exists (select 1 from incidents where process_instance_key = ? and state = 'ACTIVE') where key = ?`,
    [instanceKey, instanceKey],
  );
}

type Owner = { ownerKey: string; elementIds?: string[]; kinds: WaitKinds };

/** One statement per kind of wait that some ending element may still have open. */
function clearWaits(trx: Knex.Transaction, owners: Owner[], now: Date): Statement[] {
  const statements: Statement[] = [];
  const keys = (pick: (o: Owner) => boolean) =>
    owners.filter((o) => !o.elementIds && pick(o)).map((o) => o.ownerKey);
  const partial = owners.filter((o) => o.elementIds);
  const eventOwners = keys((o) => o.kinds.events);
  if (eventOwners.length > 0 || partial.length > 0) {
    const ownedBy = (q: Knex.QueryBuilder) => {
      q.whereIn('owner_key', eventOwners.length > 0 ? eventOwners : ['-1']);
      for (const p of partial)
        q.orWhere((w) => w.where('owner_key', p.ownerKey).whereIn('element_id', p.elementIds!));
    };
    statements.push(trx('timers').where(ownedBy).andWhere({ state: 'ACTIVE' }).update({ state: 'CANCELED' }));
    statements.push(
      trx('message_subscriptions').where(ownedBy).andWhere({ state: 'ACTIVE' }).update({ state: 'DELETED' }),
    );
  }
  const jobOwners = keys((o) => o.kinds.job);
  if (jobOwners.length > 0) {
    statements.push(
      trx('jobs')
        .whereIn('element_instance_key', jobOwners)
        .whereIn('state', ['CREATED', 'FAILED', 'ACTIVATED', 'NO_RETRIES'])
        .update({ state: 'CANCELED' }),
    );
  }
  const taskOwners = keys((o) => o.kinds.userTask);
  if (taskOwners.length > 0) {
    statements.push(
      trx('user_tasks')
        .whereIn('element_instance_key', taskOwners)
        .where({ state: 'CREATED' })
        .update({ state: 'CANCELED', completion_date: now }),
    );
  }
  const incidentOwners = keys((o) => o.kinds.incident);
  if (incidentOwners.length > 0) {
    statements.push(
      trx('incidents')
        .whereIn('element_instance_key', incidentOwners)
        .where({ state: 'ACTIVE' })
        .update({ state: 'RESOLVED' }),
    );
  }
  return statements;
}
