import type { Knex } from 'knex';

/**
 * The correlation key of the message that started an instance (through a message start event):
 * Zeebe allows one active instance per process and correlation key, and this finds it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_instances', (t) => {
    t.text('start_correlation_key');
  });
  await knex.raw(
    `create index process_instances_message_started on process_instances (bpmn_process_id, tenant_id, start_correlation_key)
       where state = 'ACTIVE' and start_correlation_key is not null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index process_instances_message_started');
  await knex.schema.alterTable('process_instances', (t) => {
    t.dropColumn('start_correlation_key');
  });
}
