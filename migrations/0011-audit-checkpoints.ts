import type { Knex } from 'knex';

/**
 * Checkpoints of the audit chain's head (its last seq and that entry's hash), written every minute:
 * removing the last entries of the chain leaves a chain that still verifies, but not one that
 * reaches its latest checkpoint. Append-only like `audit_log`, with its own trigger function
 * (`audit_log_append_only` names its table in its message).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_checkpoints', (t) => {
    t.bigInteger('seq').primary();
    t.text('hash').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_checkpoints is append-only: % is not allowed', tg_op using errcode = '42501';
    end
    $$`);
  await knex.raw(`
    create trigger audit_checkpoints_no_change before update or delete on audit_checkpoints
    for each row execute function audit_checkpoints_append_only()`);
  await knex.raw(`
    create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
    for each statement execute function audit_checkpoints_append_only()`);
  await knex.raw('revoke update, delete, truncate on audit_checkpoints from public');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_checkpoints');
  await knex.raw('drop function audit_checkpoints_append_only()');
}
