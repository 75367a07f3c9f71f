import type { Knex } from 'knex';

/**
 * The tamper-evident audit log: append-only rows forming a SHA-256 hash chain. The database itself
 * refuses UPDATE, DELETE and TRUNCATE (a trigger, so it holds on PGlite and for any role that does
 * not first disable it as the table's owner or a superuser).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('seq').primary();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('actor_kind').notNullable().checkIn(['user', 'client', 'engine']);
    t.text('actor_id').notNullable();
    t.text('channel').notNullable().checkIn(['ui', 'api', 'integration', 'engine']);
    t.text('request_id');
    t.text('action').notNullable();
    t.text('entity_type').notNullable();
    t.text('entity_id').notNullable();
    t.text('subject_person_id');
    t.jsonb('changes');
    t.text('prev_hash').notNullable();
    t.text('hash').notNullable();
  });
  await knex.raw('create index audit_log_entity on audit_log (entity_type, entity_id, seq desc)');
  await knex.raw(
    'create index audit_log_subject on audit_log (subject_person_id, seq desc) where subject_person_id is not null',
  );
  await knex.raw('create index audit_log_actor on audit_log (actor_id, seq desc)');
  await knex.raw('create index audit_log_at on audit_log (at)');
  await knex.raw(`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
    end
    $$`);
  await knex.raw(`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`);
  await knex.raw(`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`);
  await knex.raw('revoke update, delete, truncate on audit_log from public');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.raw('drop function audit_log_append_only()');
}
