import type { Knex } from 'knex';
import type { ProcessModel } from '../../core/bpmn/model.js';
import type { InstanceHeader } from '../../core/runtime/state.js';
import type { DefinitionCache } from './definition-cache.js';
import { insertWrite, type Write } from '../../infra/db/merge-writes.js';
import { keyOf } from './rows.js';

/** What reading definitions needs of the engine's context: its cache of models. */
type Cached = { definitions: DefinitionCache };

export interface DefinitionRef {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  model: ProcessModel;
  /** The none start event, where instances created through the API begin. */
  startEventId: string | undefined;
}

export function noneStartEvent(model: ProcessModel): string | undefined {
  return model.startEventIds.find((id) => model.elements[id]?.eventDefinition?.kind === 'none');
}

async function toRef(
  ctx: Cached,
  db: Knex,
  row: Record<string, unknown> | undefined,
): Promise<DefinitionRef | undefined> {
  if (!row) return undefined;
  const key = keyOf(row.key);
  const model = await ctx.definitions.model(db, key);
  return {
    key,
    bpmnProcessId: row.bpmn_process_id as string,
    version: row.version as number,
    tenantId: row.tenant_id as string,
    model,
    startEventId: noneStartEvent(model),
  };
}

export async function latestDefinition(
  db: Knex,
  ctx: Cached,
  bpmnProcessId: string,
  tenantId: string,
): Promise<DefinitionRef | undefined> {
  return toRef(ctx, db, await ctx.definitions.latestRow(db, bpmnProcessId, tenantId));
}

export async function definitionByKey(
  db: Knex,
  ctx: Cached,
  key: string,
): Promise<DefinitionRef | undefined> {
  const row = await db('process_definitions')
    .where({ key })
    .first('key', 'bpmn_process_id', 'version', 'tenant_id');
  return toRef(ctx, db, row);
}

export async function definitionByVersion(
  db: Knex,
  ctx: Cached,
  bpmnProcessId: string,
  version: number,
  tenantId: string,
): Promise<DefinitionRef | undefined> {
  const row = await db('process_definitions')
    .where({ bpmn_process_id: bpmnProcessId, version, tenant_id: tenantId })
    .first('key', 'bpmn_process_id', 'version', 'tenant_id');
  return toRef(ctx, db, row);
}

/** The row of a new instance; the caller sends it with the instance's first writes. */
export function insertInstance(options: {
  key: string;
  definition: DefinitionRef;
  parent?: { instanceKey: string; elementInstanceKey: string };
  rootKey?: string;
  startCorrelationKey?: string;
  now: Date;
}): { header: InstanceHeader; insert: Write } {
  const insert = insertWrite('process_instances', [
    {
      key: options.key,
      process_definition_key: options.definition.key,
      bpmn_process_id: options.definition.bpmnProcessId,
      version: options.definition.version,
      tenant_id: options.definition.tenantId,
      state: 'ACTIVE',
      parent_process_instance_key: options.parent?.instanceKey ?? null,
      parent_element_instance_key: options.parent?.elementInstanceKey ?? null,
      root_process_instance_key: options.rootKey ?? options.key,
      start_date: options.now,
      start_correlation_key: options.startCorrelationKey ?? null,
    },
  ]);
  const header: InstanceHeader = {
    key: options.key,
    processDefinitionKey: options.definition.key,
    bpmnProcessId: options.definition.bpmnProcessId,
    version: options.definition.version,
    tenantId: options.definition.tenantId,
    status: 'ACTIVE',
    parentProcessInstanceKey: options.parent?.instanceKey,
    parentElementInstanceKey: options.parent?.elementInstanceKey,
    rootProcessInstanceKey: options.rootKey ?? options.key,
    startedAt: options.now,
    startCorrelationKey: options.startCorrelationKey,
  };
  return { header, insert };
}
