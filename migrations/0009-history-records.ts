import type { Knex } from 'knex';

/**
 * The engine's history stored as one row per command and instance, its transitions in a JSONB array
 * (a command writes one row instead of one per transition). The view `history` shows one row per
 * transition, as the table of that name did, so every reader keeps working; its ids keep their order.
 */
const view = `
  create view history as
    select r.id * 1000000 + e.n as id, r.process_instance_key, (e.v->>'k')::bigint as element_instance_key,
           e.v->>'i' as element_id, e.v->>'e' as event, r.at, r.actor, r.request_id,
           nullif(e.v->'d', 'null'::jsonb) as data
      from history_records r, jsonb_array_elements(r.entries) with ordinality as e(v, n)`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('history_records', (t) => {
    t.bigIncrements('id');
    t.bigInteger('process_instance_key').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('actor').notNullable();
    t.text('request_id');
    t.jsonb('entries').notNullable();
    t.index(['process_instance_key', 'id']);
  });
  await knex.raw(`
    insert into history_records (process_instance_key, at, actor, request_id, entries)
      select process_instance_key, at, actor, request_id, jsonb_build_array(jsonb_build_object(
               'e', event, 'k', element_instance_key::text, 'i', element_id, 'd', data))
        from history order by id`);
  await knex.schema.dropTable('history');
  await knex.raw(view);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter view history rename to history_v');
  await knex.schema.createTable('history', (t) => {
    t.bigIncrements('id');
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('element_instance_key');
    t.text('element_id');
    t.text('event').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('actor').notNullable();
    t.text('request_id');
    t.jsonb('data');
    t.index(['process_instance_key', 'id']);
  });
  await knex.raw(`
    insert into history (process_instance_key, element_instance_key, element_id, event, at, actor, request_id, data)
      select process_instance_key, element_instance_key, element_id, event, at, actor, request_id, data
        from history_v order by id`);
  await knex.raw('drop view history_v');
  await knex.schema.dropTable('history_records');
}
