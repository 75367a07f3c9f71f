import type { Knex } from 'knex';

/**
 * The answers of creating requests that carried an `Idempotency-Key`, per caller. A row is written
 * in the same transaction as the write it answers (or, for a 4xx, on its own), so a retry after a
 * lost response finds it exactly when the write committed. Rows are deleted once expired.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.text('scope').notNullable();
    t.text('key').notNullable();
    t.text('request_hash').notNullable();
    t.smallint('status').notNullable();
    // json, not jsonb: a replay answers the body as it was written, members in their order.
    t.json('response');
    t.jsonb('headers').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.primary(['scope', 'key']);
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
}
