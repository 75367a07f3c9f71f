import type { Knex } from 'knex';
import { filterConditions } from './search/filter-fields.js';
import { processInstanceQuery } from './process-instance-query.js';

export interface ElementStatistics {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

/** Per element of one definition: how many of its instances are active, canceled, completed or stuck. */
export async function elementStatistics(
  db: Knex,
  processDefinitionKey: string,
  instanceFilter: Record<string, unknown>,
): Promise<ElementStatistics[]> {
  const instances = processInstanceQuery
    .from(db)
    .clearSelect()
    .select('pi.key')
    .where('pi.process_definition_key', processDefinitionKey);
  for (const condition of filterConditions(processInstanceQuery.filters, instanceFilter)) {
    instances.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
  }
  const rows = (await db('element_instances as ei')
    .where('ei.process_definition_key', processDefinitionKey)
    .whereIn('ei.process_instance_key', instances)
    .groupBy('ei.element_id')
    .orderBy('ei.element_id')
    .select(
      'ei.element_id',
      db.raw(`count(*) filter (where ei.state = 'ACTIVE') as active`),
      db.raw(`count(*) filter (where ei.state = 'TERMINATED') as canceled`),
      db.raw(`count(*) filter (where ei.state = 'COMPLETED') as completed`),
      db.raw(`count(*) filter (where exists (select 1 from incidents i
        where i.element_instance_key = ei.key and i.state = 'ACTIVE')) as incidents`),
    )) as Record<string, unknown>[];
  return rows.map((row) => ({
    elementId: row.element_id as string,
    active: Number(row.active),
    canceled: Number(row.canceled),
    incidents: Number(row.incidents),
    completed: Number(row.completed),
  }));
}
