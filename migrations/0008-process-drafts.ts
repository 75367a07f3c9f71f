import type { Knex } from 'knex';

/**
 * Server-side drafts of processes being designed: one working copy of BPMN XML per process id,
 * saved by the designer before it is deployed as a version. `revision` guards concurrent edits.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('process_drafts', (t) => {
    t.text('process_id').primary();
    t.text('name');
    t.text('xml').notNullable();
    t.integer('revision').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('created_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('updated_by');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('process_drafts');
}
