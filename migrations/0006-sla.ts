import type { Knex } from 'knex';

/**
 * SLA clocks (one per record and metric), their events (the record's SLA timeline, kept forever)
 * and an outbox of the events still to be published as BPMN messages and, later, to webhooks.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sla_clocks', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('record_type').notNullable();
    t.text('record_id').notNullable();
    t.text('metric').notNullable();
    t.text('policy_id').notNullable();
    t.integer('policy_version').notNullable();
    t.text('calendar_id').notNullable();
    t.text('priority');
    t.text('target').notNullable();
    t.bigInteger('target_ms').notNullable();
    t.text('status').notNullable().checkIn(['running', 'paused', 'met', 'breached', 'cancelled']);
    t.bigInteger('elapsed_ms').notNullable().defaultTo(0);
    t.jsonb('thresholds').notNullable();
    t.jsonb('fired').notNullable().defaultTo('[]');
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('paused_at', { useTz: true });
    t.timestamp('resumed_at', { useTz: true });
    t.timestamp('stopped_at', { useTz: true });
    t.timestamp('due_at', { useTz: true });
    t.timestamp('breached_at', { useTz: true });
    t.timestamp('next_event_at', { useTz: true });
    t.text('next_event');
    t.double('next_threshold');
    t.timestamp('claimed_until', { useTz: true });
    t.integer('revision').notNullable().defaultTo(0);
    t.jsonb('history').notNullable().defaultTo('[]');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['record_type', 'record_id', 'metric']);
  });
  await knex.raw(
    'create index sla_clocks_next_event on sla_clocks (next_event_at) where next_event_at is not null',
  );

  await knex.schema.createTable('sla_events', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('clock_id').notNullable().references('sla_clocks.id').onDelete('CASCADE');
    t.text('record_type').notNullable();
    t.text('record_id').notNullable();
    t.text('metric').notNullable();
    t.text('event').notNullable();
    t.double('threshold');
    t.timestamp('scheduled_at', { useTz: true });
    t.timestamp('occurred_at', { useTz: true }).notNullable();
    t.timestamp('due_at', { useTz: true });
    t.jsonb('data').notNullable().defaultTo('{}');
  });
  await knex.raw('create index sla_events_record on sla_events (record_type, record_id, id)');

  await knex.schema.createTable('sla_outbox', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('event_id').notNullable().references('sla_events.id').onDelete('CASCADE');
    t.text('message_name').notNullable();
    t.text('correlation_key').notNullable();
    t.jsonb('variables').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('published_at', { useTz: true });
    t.timestamp('claimed_until', { useTz: true });
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('webhook_delivered_at', { useTz: true });
  });
  await knex.raw('create index sla_outbox_unpublished on sla_outbox (id) where published_at is null');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['sla_outbox', 'sla_events', 'sla_clocks']) await knex.schema.dropTable(table);
}
